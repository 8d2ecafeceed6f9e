/**
 * A recommendation in the teammate's words: what the sidebar and the escalate form say about it. Pure: queue
 * names come from the workspace's settings, times are shown in the zone given.
 *
 * - Keep in chat: "Keep in chat" and the reason.
 * - A ticket: "Escalate → Billing / Legal · P2" and the two or three reasons, each with the message it came from
 *   ("customer, 10:32").
 * - Close: a line naming the runner-up. Not judged: a plain "could not judge" and why.
 */
import type { Priority, QueueKey } from '../model';
import { queueKeyFor, type TriageMessage, type TriageOutcome, type TriageRecommendation } from '../triage';
import { clockTime } from './clock-time';

export const KEEP_IN_CHAT = 'Keep in chat';
export const COULD_NOT_JUDGE = 'Could not judge this conversation';

export interface ReasonLine {
  text: string;
  /** "customer, 10:32"; "teammate, message 4" when the message has no time. */
  source: string;
  quote: string;
}

export interface RecommendationView {
  kind: 'keep' | 'escalate' | 'unjudged';
  headline: string;
  reasons: readonly ReasonLine[];
  /** "Close call: runner-up Technical / Bugs · P3", when two outcomes were close. */
  closeCall: string | null;
  confidence: number;
}

export type QueueLabels = (queue: QueueKey) => string;

/** The queue's name in this workspace, or "Keep in chat". */
export function outcomeLabel(outcome: TriageOutcome, labels: QueueLabels): string {
  const queue = queueKeyFor(outcome);
  return queue === null ? KEEP_IN_CHAT : labels(queue);
}

function withPriority(label: string, priority: Priority | null): string {
  return priority === null ? label : `${label} · ${priority}`;
}

/** "customer, 10:32", or "teammate, message 4" when the message has no time. */
export function messageSource(message: TriageMessage, index: number, zone: string): string {
  const at = message.at;
  return typeof at === 'number' && at > 0 ? `${message.author}, ${clockTime(at, zone)}` : `${message.author}, message ${index + 1}`;
}

function sourceOf(messages: readonly TriageMessage[], index: number, author: string, zone: string): string {
  const message = messages[index];
  return message ? messageSource(message, index, zone) : `${author}, message ${index + 1}`;
}

export function describeRecommendation(
  recommendation: TriageRecommendation,
  messages: readonly TriageMessage[],
  labels: QueueLabels,
  zone: string,
): RecommendationView {
  const reasons = recommendation.reasons.slice(0, 3).map((reason) => ({
    text: reason.text,
    source: sourceOf(messages, reason.messageIndex, reason.author, zone),
    quote: reason.quote,
  }));
  const runnerUp = recommendation.runnerUp;
  const closeCall =
    recommendation.judged && runnerUp ? `Close call: runner-up ${withPriority(outcomeLabel(runnerUp.outcome, labels), runnerUp.priority)}` : null;
  if (!recommendation.judged) {
    return { kind: 'unjudged', headline: COULD_NOT_JUDGE, reasons, closeCall: null, confidence: recommendation.confidence };
  }
  const queue = queueKeyFor(recommendation.outcome);
  const headline = queue === null ? KEEP_IN_CHAT : `Escalate → ${withPriority(labels(queue), recommendation.priority)}`;
  return { kind: queue === null ? 'keep' : 'escalate', headline, reasons, closeCall, confidence: recommendation.confidence };
}

/**
 * What the escalate form preselects. A ticket recommendation gives its queue and priority. "Keep in chat" (or
 * "could not judge") gives the best ticket outcome the engine considered: the agent is escalating anyway, and
 * that is the engine's best guess of where to. With none at all, the catch-all queue at P3.
 */
export function preselection(recommendation: TriageRecommendation): { queue: QueueKey; priority: Priority } {
  const own = queueKeyFor(recommendation.outcome);
  if (own !== null && recommendation.judged) return { queue: own, priority: recommendation.priority ?? 'P3' };
  for (const candidate of recommendation.candidates) {
    const queue = queueKeyFor(candidate.outcome);
    if (queue !== null) return { queue, priority: candidate.priority ?? 'P3' };
  }
  return { queue: 'default', priority: 'P3' };
}

const QUOTE_CHARS = 140;

function shortQuote(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length <= QUOTE_CHARS ? flat : `${flat.slice(0, QUOTE_CHARS - 1).trimEnd()}…`;
}

/**
 * The reason textarea's prefill, as sentences the agent can edit. For a ticket: the recommendation and its reasons
 * with their evidence. For "keep in chat": what the app thought, and an open "escalating because" for the agent.
 */
export function reasonPrefill(view: RecommendationView): string {
  if (view.kind !== 'escalate') {
    const thought = view.kind === 'keep' ? 'The app suggested keeping this in chat' : 'The app could not judge this conversation';
    const why = view.reasons[0] ? ` (${view.reasons[0].text})` : '';
    return `${thought}${why}. Escalating because: `;
  }
  const lines = view.reasons.map((r) => `- ${r.text}${r.quote ? ` ("${shortQuote(r.quote)}", ${r.source})` : ` (${r.source})`}`);
  return [`Recommended: ${view.headline.replace(/^Escalate → /, '')}.`, ...lines].join('\n');
}
