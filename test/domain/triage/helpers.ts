import { type CustomerTier, type TriageMessage, type TriageRecommendation, triage } from '../../../src/domain/triage';

/** `c:` marks a customer line, `t:` a teammate line. */
export function chat(...lines: string[]): TriageMessage[] {
  return lines.map((line) => ({ author: line.startsWith('t:') ? 'teammate' : 'customer', text: line.slice(2).trim() }));
}

export function judge(
  messages: readonly TriageMessage[],
  tier: CustomerTier | null = 'pro',
  renewalInDays: number | null = null,
): TriageRecommendation {
  return triage({ messages, tier, renewalInDays });
}

/** Outcome and priority only, for compact expectations. */
export function verdict(messages: readonly TriageMessage[], tier: CustomerTier | null = 'pro', renewalInDays: number | null = null) {
  const { outcome, priority } = judge(messages, tier, renewalInDays);
  return { outcome, priority };
}
