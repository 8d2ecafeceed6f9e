/**
 * The triage engine's public contract (issue 16). tri-app and tri-ai code against exactly these shapes, so a
 * change here is a change for three branches: keep it additive.
 */
import type { Priority } from '../model';

export type TriageOutcome = 'stay_in_chat' | 'billing_legal' | 'technical_bugs' | 'account_risk' | 'vip_high_tier';
export type CustomerTier = 'standard' | 'pro' | 'enterprise' | 'vip';

export const TRIAGE_OUTCOMES: readonly TriageOutcome[] = Object.freeze([
  'stay_in_chat',
  'billing_legal',
  'technical_bugs',
  'account_risk',
  'vip_high_tier',
]);

export interface TriageMessage {
  author: 'customer' | 'teammate';
  text: string;
  at?: number | null;
  partId?: string | null;
}

export interface TriageInput {
  messages: readonly TriageMessage[];
  tier: CustomerTier | null;
  renewalInDays: number | null;
}

export interface TriageReason {
  text: string;
  messageIndex: number;
  author: 'customer' | 'teammate';
  quote: string;
}

export interface TriageCandidate {
  outcome: TriageOutcome;
  priority: Priority | null;
  score: number;
}

export interface TriageRecommendation {
  /** false: nothing to judge (empty, attachments only, no customer text). */
  judged: boolean;
  outcome: TriageOutcome;
  /** null iff outcome === 'stay_in_chat'. */
  priority: Priority | null;
  /** 1–3 reasons in plain words, each pointing at the message it came from. */
  reasons: readonly TriageReason[];
  confidence: number;
  /** Set when a second outcome is close; the UI says "close call: …". */
  runnerUp: TriageCandidate | null;
  /** All outcomes considered, best first. */
  candidates: readonly TriageCandidate[];
  /** Stable ids of the facts that fired (e.g. 'money.duplicate_charge'). */
  signals: readonly string[];
  /** States the case; ≤ 120 chars; never a greeting. */
  caseTitle: string;
  /** One sentence: what the customer needs. */
  need: string;
  needQuote: { messageIndex: number; quote: string } | null;
}

/** Per-workspace learnt additive weights: signal id → outcome → score delta. */
export interface TriageAdjustments {
  readonly bias: Readonly<Record<string, Partial<Record<TriageOutcome, number>>>>;
}
