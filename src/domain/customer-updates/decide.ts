/**
 * Whether a case update is told to the customer, decided when its job runs (a state must have held for the collapse
 * window by then). Pure: the service gathers the facts (the case's latest state, what this customer was last told,
 * the conversation's last update) and acts on the answer, so every rule is tested here without a clock or a store.
 */
import type { StateCategory } from '../model';

export type UpdateOutcome = 'sent' | 'superseded' | 'unchanged' | 'closed' | 'disabled';

export interface UpdateFacts {
  /** The transition this update announces. */
  state: StateCategory;
  enteredAt: number;
  /** The case's latest recorded transition (null before its first). */
  latest: { state: StateCategory; changedAt: number } | null;
  /** The state the customer was last told for this ticket, if any. */
  lastToldState: StateCategory | null;
  /** When this conversation last received an update (from any of its tickets). */
  lastSentAt: number | null;
  /** The ticket's queue still posts updates. */
  enabled: boolean;
  intervalMs: number;
  now: number;
}

export type Plan =
  | { kind: 'skip'; outcome: Exclude<UpdateOutcome, 'sent'> }
  /** Too soon after the conversation's last update: try again then (the state may have moved on by then). */
  | { kind: 'wait'; until: number }
  /** Everything but the conversation's own state allows it: read the conversation, then `allowedOn`. */
  | { kind: 'check_conversation' };

export function planUpdate(facts: UpdateFacts): Plan {
  if (!facts.enabled) return { kind: 'skip', outcome: 'disabled' };
  const { latest } = facts;
  // A later transition owns the news: this one flapped away within the collapse window, or waited behind the interval.
  if (latest && (latest.state !== facts.state || latest.changedAt > facts.enteredAt)) {
    // The same state entered again later: that transition's job tells it (or finds it already told).
    return { kind: 'skip', outcome: 'superseded' };
  }
  // Back to what the customer already knows (in progress → waiting → in progress): nothing new to say.
  if (facts.lastToldState === facts.state) return { kind: 'skip', outcome: 'unchanged' };
  if (facts.lastSentAt !== null && facts.now < facts.lastSentAt + facts.intervalMs) {
    return { kind: 'wait', until: facts.lastSentAt + facts.intervalMs };
  }
  return { kind: 'check_conversation' };
}

export type ResolveBehaviour = 'note_only' | 'reopen' | 'unsnooze';

/**
 * A closed conversation is finished business: a message there would reach a customer who was told goodbye.
 * The one exception is the resolution when the workspace reopens conversations on resolve, since that reopening
 * is itself the workspace telling the customer something.
 */
export function allowedOn(conversationState: string, state: StateCategory, resolveBehaviour: ResolveBehaviour): boolean {
  if (conversationState !== 'closed') return true;
  return state === 'resolved' && resolveBehaviour === 'reopen';
}
