/**
 * An accepted AI answer in the engine's `TriageRecommendation` shape, so the sidebar, the form and the summary
 * read it exactly as they read the local engine's. What the AI does not give is taken from the local
 * recommendation of the same messages: the facts (signals), the case title, the other candidates. When the two
 * disagree, the local outcome is named as the runner-up, so the teammate sees it is a close call.
 */
import { oneLine, truncate } from '../text';
import type { TriageCandidate, TriageInput, TriageReason, TriageRecommendation } from '../triage';
import type { AiAnswer } from './answer';

/** Agreement of two independent judges is worth more than either; a disagreement is a close call at best. */
const AGREED_CONFIDENCE = 0.8;
const DISAGREED_CONFIDENCE = 0.55;
const QUOTE_CHARS = 140;

function quoteOf(input: TriageInput, index: number): string {
  return truncate(oneLine(input.messages[index]?.text ?? ''), QUOTE_CHARS);
}

export function recommendationFromAnswer(answer: AiAnswer, local: TriageRecommendation, input: TriageInput): TriageRecommendation {
  const reasons: TriageReason[] = answer.reasons.map((reason) => ({
    text: oneLine(reason.text),
    messageIndex: reason.messageIndex,
    author: input.messages[reason.messageIndex]?.author ?? 'customer',
    quote: quoteOf(input, reason.messageIndex),
  }));
  const agreed = answer.outcome === local.outcome;
  const chosen: TriageCandidate = { outcome: answer.outcome, priority: answer.priority, score: 1 };
  const others = local.candidates.filter((candidate) => candidate.outcome !== answer.outcome);
  const localBest = local.candidates.find((candidate) => candidate.outcome === local.outcome) ?? {
    outcome: local.outcome,
    priority: local.priority,
    score: local.confidence,
  };
  const first = reasons[0]!;
  return {
    judged: true,
    outcome: answer.outcome,
    priority: answer.priority,
    reasons,
    confidence: agreed ? Math.max(local.confidence, AGREED_CONFIDENCE) : DISAGREED_CONFIDENCE,
    runnerUp: agreed ? local.runnerUp : localBest,
    candidates: [chosen, ...others],
    signals: local.signals,
    caseTitle: local.caseTitle,
    need: truncate(oneLine(answer.need), 300),
    needQuote: { messageIndex: first.messageIndex, quote: first.quote },
  };
}
