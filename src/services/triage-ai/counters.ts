/**
 * How AI triage calls ended, for /metrics: accepted answers and each fallback reason, as process totals (a reader
 * takes differences over its own window, like the other /metrics fields).
 */
import { FALLBACK_REASONS, type FallbackReason } from './ask';

export interface TriageAiCounters {
  accepted(): void;
  fellBack(reason: FallbackReason): void;
  /** `triage_ai_accepted_total`, `triage_ai_fallback_<reason>_total`. */
  snapshot(): Record<string, number>;
}

export function createTriageAiCounters(): TriageAiCounters {
  const totals = new Map<string, number>([['triage_ai_accepted_total', 0]]);
  const bump = (key: string) => totals.set(key, (totals.get(key) ?? 0) + 1);
  return {
    accepted: () => bump('triage_ai_accepted_total'),
    fellBack: (reason) => bump(`triage_ai_fallback_${reason}_total`),
    snapshot: () => Object.fromEntries(totals),
  };
}

/** The names and meanings /metrics declares (src/http/metric-defs.ts): one counter per way a call can end. */
export const TRIAGE_AI_METRICS: readonly { name: string; help: string }[] = [
  { name: 'triage_ai_accepted_total', help: 'AI triage answers accepted and cached.' },
  ...FALLBACK_REASONS.map((reason) => ({
    name: `triage_ai_fallback_${reason}_total`,
    help: `AI triage calls that fell back to the local engine: ${reason.replace(/_/g, ' ')}.`,
  })),
];
