/**
 * The local triage engine (issue 16): a conversation → keep in chat, or which queue at which priority, with the
 * reasons that decided it. Pure and deterministic: no I/O, no clock, bounded work on hostile text.
 *
 * Pipeline: text.ts (normalise, split) → mentions.ts (concepts + context) → facts.ts (policy vocabulary)
 * → policy.ts (steps 0–7, priority) → scoring here (candidates, learnt adjustments) → explain.ts (reasons, title).
 */
import type { QueueKey } from '../model';
import { oneLine, truncate } from '../text';
import { needFor, reasonsFor, titleFor } from './explain';
import { factsOf } from './facts';
import { type AnalysedMessage, analyse } from './mentions';
import { withModel } from './model/wire';
import { type Verdict, verdicts } from './policy';
import type { TriageAdjustments, TriageCandidate, TriageInput, TriageOutcome, TriageReason, TriageRecommendation } from './types';

export * from './types';

const QUEUE_OF: Readonly<Record<TriageOutcome, QueueKey | null>> = {
  stay_in_chat: null,
  billing_legal: 'billing_legal',
  technical_bugs: 'technical',
  account_risk: 'account_risk',
  vip_high_tier: 'vip',
};

export function queueKeyFor(outcome: TriageOutcome): QueueKey | null {
  return QUEUE_OF[outcome];
}

/** The winning step scores 1; each later applicable step a little less, so the runner-up is the next step in line. */
const WINNER_SCORE = 1;
const FIRST_LOSER_SCORE = 0.6;
const STEP_DECAY = 0.05;
/** Keeping in chat when a ticket step applied: it stays a candidate, ranked low. */
const STAY_WHEN_OVERRULED = 0.3;
const CLOSE_CALL = 0.25;

/** What links and attachment placeholders leave behind once HTML is read as text. */
const NOT_WORDS = new Set(['image', 'attachment', 'http', 'https', 'www', 'mailto']);

function notJudged(): TriageRecommendation {
  return {
    judged: false,
    outcome: 'stay_in_chat',
    priority: null,
    reasons: [{ text: 'Could not judge: the conversation has no customer text', messageIndex: 0, author: 'customer', quote: '' }],
    confidence: 0,
    runnerUp: null,
    candidates: [{ outcome: 'stay_in_chat', priority: null, score: 0 }],
    signals: [],
    caseTitle: 'Conversation without customer text',
    need: 'No customer text to judge yet.',
    needQuote: null,
  };
}

function scored(all: readonly Verdict[], signals: readonly string[], adjustments?: TriageAdjustments): (Verdict & { score: number })[] {
  const tickets = all.filter((v) => v.outcome !== 'stay_in_chat');
  const seen = new Set<TriageOutcome>();
  const out: (Verdict & { score: number })[] = [];
  all.forEach((verdict, rank) => {
    if (seen.has(verdict.outcome)) return;
    seen.add(verdict.outcome);
    let score: number;
    if (verdict.outcome === 'stay_in_chat') score = tickets.length === 0 ? WINNER_SCORE : STAY_WHEN_OVERRULED;
    else score = rank === 0 ? WINNER_SCORE : FIRST_LOSER_SCORE - STEP_DECAY * (rank - 1);
    for (const signal of signals) score += adjustments?.bias[signal]?.[verdict.outcome] ?? 0;
    out.push({ ...verdict, score: Math.round(score * 1000) / 1000 });
  });
  return out.sort((a, b) => b.score - a.score || a.step - b.step);
}

/** When no single fact decided it (nothing to escalate was found), point at the customer's last message. */
function fallbackReason(best: Verdict, messages: readonly AnalysedMessage[]): TriageReason {
  const last = [...messages].reverse().find((m) => m.author === 'customer')!;
  const text =
    best.outcome === 'stay_in_chat' ? 'Nothing in the chat needs another team' : 'Escalation suggested by learnt workspace routing';
  return { text, messageIndex: last.index, author: 'customer', quote: truncate(oneLine(last.text), 140) };
}

export function triage(input: TriageInput, adjustments?: TriageAdjustments): TriageRecommendation {
  const analysis = analyse(input.messages ?? []);
  // Words, not just links, file names or the "[image]" placeholder: an attachment-only message gives nothing to judge.
  const customerWords = analysis.messages.some(
    (m) =>
      m.author === 'customer' && m.sentences.some((s) => s.tokens.some((t) => !t.glued && t.word.length > 1 && !NOT_WORDS.has(t.word))),
  );
  if (!customerWords) return notJudged();
  const facts = factsOf(analysis);
  const signals = [...facts.keys()].sort();
  const applicable = verdicts(facts, input);
  const ranked = scored(applicable, signals, adjustments);
  const best = ranked[0]!;
  const second = ranked[1] ?? null;
  const margin = second ? best.score - second.score : WINNER_SCORE;
  const candidates: TriageCandidate[] = ranked.map((v) => ({ outcome: v.outcome, priority: v.priority, score: v.score }));
  const { need, needQuote } = needFor(best, facts, analysis.messages);
  const reasons = reasonsFor(best, facts, analysis.messages);
  if (reasons.length === 0) reasons.push(fallbackReason(best, analysis.messages));
  const byRules: TriageRecommendation = {
    judged: true,
    outcome: best.outcome,
    priority: best.outcome === 'stay_in_chat' ? null : best.priority,
    reasons,
    confidence: Math.max(0, Math.min(1, 0.5 + margin / 2)),
    runnerUp: second && margin < CLOSE_CALL ? { outcome: second.outcome, priority: second.priority, score: second.score } : null,
    candidates,
    signals,
    caseTitle: titleFor(best, applicable, facts, analysis.messages),
    need,
    needQuote,
  };
  // The model stands aside only where the workspace's learnt routing moved the outcome: a learnt weight that changed
  // nothing is no correction to protect, and skipping the model there cost accuracy on a workspace routing by the policy.
  const learntDecided = adjustments !== undefined && best.outcome !== scored(applicable, signals)[0]!.outcome;
  return withModel(input, byRules, adjustments, learntDecided);
}
