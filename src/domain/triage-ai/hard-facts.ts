/**
 * What an AI answer may not contradict. The local engine's facts that the policy treats as decisive (a legal
 * threat or data-protection request, an outage or data loss, a security report) and the customer's tier are
 * hard facts: an answer that ignores them is more likely misled (a prompt injection, a hallucination) than
 * smarter, so it is rejected and the local recommendation stands. Customer text that addresses the model
 * ("ignore previous instructions…") makes every disagreement with the local engine suspect.
 */
import type { TriageInput, TriageRecommendation } from '../triage';
import type { AiAnswer } from './answer';

/** Policy step 2: these send the chat to billing_legal whatever else it holds. */
export const LEGAL_FACTS: readonly string[] = ['legal.threat', 'privacy.dsar', 'privacy.dpa_negotiation', 'privacy.breach_notice'];
/** Policy step 3 and P1's security line: never kept in chat. */
export const MUST_ESCALATE_FACTS: readonly string[] = ['tech.outage_multi', 'tech.data_loss', 'tech.security'];

/**
 * Phrases that speak to a model rather than to support, in the five languages the product reads. Plain substring
 * tests on lower-cased text (no regex: customer text is hostile and may be 100 KB).
 */
const INJECTION_MARKERS: readonly string[] = [
  'ignore previous instructions',
  'ignore all previous',
  'ignore the previous',
  'ignore the above',
  'ignore your instructions',
  'disregard previous',
  'disregard the above',
  'disregard your instructions',
  'system prompt',
  'you are now',
  'new instructions:',
  'route this to',
  'route to vip',
  'set priority to',
  'ignoriere alle',
  'ignoriere die vorherigen',
  'vorherigen anweisungen',
  'ignorez les instructions',
  'instructions précédentes',
  'ignora las instrucciones',
  'instrucciones anteriores',
  'ignore as instruções',
  'instruções anteriores',
];

/** Each message is looked at up to this many characters: enough for any marker placed where a reader would see it. */
const SCAN_CHARS = 20_000;

export function looksLikeInjection(input: TriageInput): boolean {
  for (const message of input.messages) {
    if (message.author !== 'customer' || !message.text) continue;
    const text = message.text.slice(0, SCAN_CHARS).toLowerCase().replace(/\s+/g, ' ');
    if (INJECTION_MARKERS.some((marker) => text.includes(marker))) return true;
  }
  return false;
}

export type Contradiction =
  | 'priority_inconsistent'
  | 'reason_points_nowhere'
  | 'legal_fact_ignored'
  | 'escalation_fact_ignored'
  | 'tier_not_enterprise'
  | 'possible_injection';

/** Null when the answer is consistent with the facts; otherwise the first contradiction found. */
export function contradictionOf(
  answer: AiAnswer,
  local: TriageRecommendation,
  input: TriageInput,
  sent: ReadonlySet<number>,
): Contradiction | null {
  if ((answer.outcome === 'stay_in_chat') !== (answer.priority === null)) return 'priority_inconsistent';
  if (answer.reasons.some((reason) => !sent.has(reason.messageIndex))) return 'reason_points_nowhere';
  const signals = new Set(local.signals);
  if (LEGAL_FACTS.some((id) => signals.has(id)) && answer.outcome !== 'billing_legal') return 'legal_fact_ignored';
  if (MUST_ESCALATE_FACTS.some((id) => signals.has(id)) && answer.outcome === 'stay_in_chat') return 'escalation_fact_ignored';
  if (answer.outcome === 'vip_high_tier' && input.tier !== 'enterprise' && input.tier !== 'vip') return 'tier_not_enterprise';
  if (answer.outcome !== local.outcome && looksLikeInjection(input)) return 'possible_injection';
  return null;
}
