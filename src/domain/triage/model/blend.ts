/**
 * Rules first, model second. The model may change the rules' decision only where the rules found nothing decisive:
 * they kept the chat in chat without a fact that says so (no how-to, no solved, no routine update…), and the model is
 * confident that a team is needed. A precedence step (legal threat, data protection, outage, data loss) is never
 * touched, and neither is a ticket the rules chose. BLEND_THRESHOLD was chosen by leave-one-writer-out evaluation
 * (eval/triage/lowo.ts; figures in the folder README).
 */
import type { Priority } from '../../model';
import { truncate } from '../../text';
import type { TriageCandidate, TriageOutcome, TriageReason, TriageRecommendation } from '../types';
import type { TriageModelScores } from './index';

/** Facts that decide by precedence (policy steps 2–3): the model never argues with them. */
export const PRECEDENCE_SIGNALS: readonly string[] = [
  'legal.threat',
  'privacy.dsar',
  'privacy.dpa_negotiation',
  'privacy.breach_notice',
  'tech.data_loss',
  'tech.outage_multi',
];

export interface BlendOptions {
  /** Model probability a ticket outcome needs before it overrules an undecided "stay in chat". */
  threshold: number;
}

export const BLEND_DEFAULTS: BlendOptions = { threshold: 0.6 };

/** Policy default level for a queue when the rules did not price it: a team is needed, nothing says urgent. */
const DEFAULT_PRIORITY: Priority = 'P3';

const READS_LIKE: Readonly<Record<TriageOutcome, string>> = {
  stay_in_chat: 'something the chat can settle',
  billing_legal: 'a billing or legal matter for the billing team',
  technical_bugs: 'a product fault for the technical team',
  account_risk: 'an account at risk for the account team',
  vip_high_tier: "an enterprise customer's request for the account team",
};

/** The case title and the need sentence when the model chose the queue (the rules' ones said "keep in chat"). */
const TITLE_OF: Readonly<Record<TriageOutcome, string>> = {
  stay_in_chat: 'Keep in chat',
  billing_legal: 'Billing or legal question',
  technical_bugs: 'Possible product fault',
  account_risk: 'Account at risk',
  vip_high_tier: 'Enterprise request',
};
const NEED_OF: Readonly<Record<TriageOutcome, string>> = {
  stay_in_chat: 'an answer the agent can give in this chat',
  billing_legal: 'the billing team to look at their account',
  technical_bugs: 'the technical team to look at a problem',
  account_risk: 'the account team to keep the relationship',
  vip_high_tier: 'the account team to handle their request',
};
const TITLE_MAX = 120;

export type BlendBranch = 'precedence' | 'rules_decided' | 'not_confident' | 'model';

/** Which branch of the blend applies, and the outcome the model would pick (for tests and the evaluation). */
export function blendBranch(rec: TriageRecommendation, scores: TriageModelScores, options: BlendOptions = BLEND_DEFAULTS): BlendBranch {
  if (rec.signals.some((s) => PRECEDENCE_SIGNALS.includes(s))) return 'precedence';
  const undecided = rec.judged && rec.outcome === 'stay_in_chat' && rec.candidates.length === 1 && !rec.signals.some((s) => s.startsWith('chat.'));
  if (!undecided) return 'rules_decided';
  if (scores.best === 'stay_in_chat' || scores.probability[scores.best] < options.threshold) return 'not_confident';
  return 'model';
}

export function blendOutcome(rec: TriageRecommendation, scores: TriageModelScores, options: BlendOptions = BLEND_DEFAULTS): TriageRecommendation {
  if (blendBranch(rec, scores, options) !== 'model') return rec;
  const outcome = scores.best;
  const ruled = rec.candidates.find((c) => c.outcome === outcome);
  const priority = ruled?.priority ?? DEFAULT_PRIORITY;
  const evidence = scores.evidenceFor(outcome);
  const reason: TriageReason = evidence
    ? {
        text: `Reads like ${READS_LIKE[outcome]} (similar wording: “${evidence.quote}”)`,
        messageIndex: evidence.messageIndex,
        author: 'customer',
        quote: evidence.quote,
      }
    : { text: `Reads like ${READS_LIKE[outcome]}`, messageIndex: 0, author: 'customer', quote: '' };
  const confidence = Math.round(scores.probability[outcome] * 1000) / 1000;
  const chosen: TriageCandidate = { outcome, priority, score: confidence };
  const others = rec.candidates.filter((c) => c.outcome !== outcome);
  const stay = others.find((c) => c.outcome === 'stay_in_chat') ?? null;
  return {
    ...rec,
    outcome,
    priority,
    // The rules' own reasons argued for keeping it in chat; only the model's reason explains this outcome.
    reasons: [reason],
    confidence,
    runnerUp: stay,
    candidates: [chosen, ...others],
    caseTitle: truncate(evidence ? `${TITLE_OF[outcome]}: ${evidence.quote}` : TITLE_OF[outcome], TITLE_MAX),
    need: evidence ? `The customer needs ${NEED_OF[outcome]}: “${evidence.quote}”` : `The customer needs ${NEED_OF[outcome]}.`,
    needQuote: evidence,
  };
}
