/**
 * What the settings page tells an admin about the suggestions: how often agents kept them, per suggested queue,
 * and which corrections they make most. A suggestion counts as accepted when the agent submitted the suggested
 * queue; "keep in chat" followed by an escalation is an override (that chat was escalated after all).
 */
import type { Priority, QueueKey } from '../model';
import { queueKeyFor, type TriageOutcome } from '../triage';

export interface FeedbackFact {
  suggestedOutcome: TriageOutcome;
  suggestedPriority: Priority | null;
  finalQueue: QueueKey;
  finalPriority: Priority;
}

export interface Rate {
  accepted: number;
  total: number;
}

export interface Correction {
  from: TriageOutcome;
  to: QueueKey;
  count: number;
}

export interface FeedbackStats {
  queue: Rate;
  /** Same priority as suggested, among escalations the app suggested a ticket for. */
  priority: Rate;
  bySuggestion: ReadonlyArray<{ outcome: TriageOutcome; rate: Rate }>;
  keepInChatOverridden: number;
  /** Most frequent first, at most `limit`. */
  corrections: readonly Correction[];
}

export function feedbackStats(facts: readonly FeedbackFact[], limit = 5): FeedbackStats {
  const queue: Rate = { accepted: 0, total: 0 };
  const priority: Rate = { accepted: 0, total: 0 };
  const per = new Map<TriageOutcome, Rate>();
  const corrections = new Map<string, Correction>();
  let keepInChatOverridden = 0;
  for (const fact of facts) {
    const accepted = queueKeyFor(fact.suggestedOutcome) === fact.finalQueue;
    queue.total++;
    if (accepted) queue.accepted++;
    const rate = per.get(fact.suggestedOutcome) ?? { accepted: 0, total: 0 };
    rate.total++;
    if (accepted) rate.accepted++;
    per.set(fact.suggestedOutcome, rate);
    if (fact.suggestedOutcome === 'stay_in_chat') keepInChatOverridden++;
    if (fact.suggestedPriority !== null) {
      priority.total++;
      if (fact.suggestedPriority === fact.finalPriority) priority.accepted++;
    }
    if (!accepted) {
      const key = `${fact.suggestedOutcome}>${fact.finalQueue}`;
      const entry = corrections.get(key) ?? { from: fact.suggestedOutcome, to: fact.finalQueue, count: 0 };
      entry.count++;
      corrections.set(key, entry);
    }
  }
  const bySuggestion = [...per].map(([outcome, rate]) => ({ outcome, rate })).sort((a, b) => b.rate.total - a.rate.total);
  const ranked = [...corrections.values()].sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  return { queue, priority, bySuggestion, keepInChatOverridden, corrections: ranked.slice(0, limit) };
}
