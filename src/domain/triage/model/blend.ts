/**
 * Rules first, model second. A precedence step (legal threat, data protection, outage, data loss) is never touched.
 * Otherwise the model may
 *  - fill the gap: the rules kept the chat in chat only because nothing fired, and the model's best is a team with
 *    probability ≥ threshold;
 *  - overrule: the model disagrees with what the rules decided and its probability is ≥ overrule — by default only
 *    on whether a team is needed at all, never on which team, and never into vip_high_tier below the enterprise tier.
 * The thresholds were chosen by leave-one-writer-out evaluation (eval/triage/lowo.ts; table in the folder README).
 * A changed outcome takes the priority the rules gave that outcome as a candidate, else the policy's plain P3, and
 * its reason, title and need quote the customer message whose wording speaks most for it.
 */
import type { Priority } from '../../model';
import { truncate } from '../../text';
import type { CustomerTier, TriageCandidate, TriageOutcome, TriageReason, TriageRecommendation } from '../types';
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
  /** Model probability a ticket outcome needs to fill the gap the rules left (they found nothing either way). */
  threshold: number;
  /** Model probability needed to overrule a decision the rules did make (outside precedence); null: never. */
  overrule: number | null;
  /** Whether an overrule may swap one team for another, or only decide between a team and the chat. */
  switchQueues: boolean;
}

export const BLEND_DEFAULTS: BlendOptions = { threshold: 0.4, overrule: 0.7, switchQueues: false };

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

export type BlendBranch = 'precedence' | 'keep_rules' | 'fill_gap' | 'overrule';

/** The rules kept it in chat only because nothing fired: no fact says "settle it here" and no team was a candidate. */
function undecided(rec: TriageRecommendation): boolean {
  return rec.judged && rec.outcome === 'stay_in_chat' && rec.candidates.length === 1 && !rec.signals.some((s) => s.startsWith('chat.'));
}

/** Which branch of the blend applies. */
export function blendBranch(
  rec: TriageRecommendation,
  scores: TriageModelScores,
  options: BlendOptions = BLEND_DEFAULTS,
  tier: CustomerTier | null = null,
): BlendBranch {
  if (!rec.judged || rec.signals.some((s) => PRECEDENCE_SIGNALS.includes(s))) return 'precedence';
  // The policy keeps the vip_high_tier queue for enterprise customers, whatever the wording.
  if (scores.best === 'vip_high_tier' && tier !== 'enterprise' && tier !== 'vip') return 'keep_rules';
  const confidence = scores.probability[scores.best];
  if (undecided(rec)) return scores.best !== 'stay_in_chat' && confidence >= options.threshold ? 'fill_gap' : 'keep_rules';
  if (options.overrule === null || scores.best === rec.outcome || confidence < options.overrule) return 'keep_rules';
  // Which team, once a team is needed, turns on tier, renewal and impact rules the model does not know.
  const swap = rec.outcome !== 'stay_in_chat' && scores.best !== 'stay_in_chat';
  return swap && !options.switchQueues ? 'keep_rules' : 'overrule';
}

export function blendOutcome(
  rec: TriageRecommendation,
  scores: TriageModelScores,
  options: BlendOptions = BLEND_DEFAULTS,
  tier: CustomerTier | null = null,
): TriageRecommendation {
  const branch = blendBranch(rec, scores, options, tier);
  if (branch === 'precedence' || branch === 'keep_rules') return rec;
  const outcome = scores.best;
  const ruled = rec.candidates.find((c) => c.outcome === outcome);
  const priority = outcome === 'stay_in_chat' ? null : (ruled?.priority ?? DEFAULT_PRIORITY);
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
  // The rules' own pick stays in view as the close call the teammate can switch back to.
  const rulesPick = others.find((c) => c.outcome === rec.outcome) ?? null;
  return {
    ...rec,
    outcome,
    priority,
    // The rules' own reasons argued for keeping it in chat; only the model's reason explains this outcome.
    reasons: [reason],
    confidence,
    runnerUp: rulesPick,
    candidates: [chosen, ...others],
    caseTitle: truncate(evidence ? `${TITLE_OF[outcome]}: ${evidence.quote}` : TITLE_OF[outcome], TITLE_MAX),
    need: evidence ? `The customer needs ${NEED_OF[outcome]}: “${evidence.quote}”` : `The customer needs ${NEED_OF[outcome]}.`,
    needQuote: evidence,
  };
}
