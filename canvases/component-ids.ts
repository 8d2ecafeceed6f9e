/**
 * The ids the submit table dispatches on. A Canvas Kit submit tells us only which component fired
 * (`component_id`), so per-ticket buttons carry their ticket id in the id itself: `ticket_note_open:215`.
 * Encode and decode through this file only; nothing else splits ids.
 */

/** Actions that act on the conversation as a whole. */
export const PLAIN_ACTIONS = [
  'refresh',
  'back',
  'escalate_open',
  'escalate_submit',
  'escalate_force', // create a second ticket although one is open: an explicit choice on the form
  'escalate_add_note_instead',
  'tickets_all', // "Show all N tickets" when the sidebar cannot fit them
  'incident_open', // "Link to an incident": the search form
  'incident_search',
  'incident_link_submit', // the picked tracker and the nonce travel in stored_data
  'incident_start_open',
  'incident_start_submit',
  'incident_details', // the conversation's incident, with Unlink
  'incident_unlink',
  'case_open', // "Add to an existing case": the search form
  'case_search',
  'case_attach_submit', // the picked ticket and the nonce travel in stored_data
] as const;

/** Actions on one linked ticket; the ticket id is the argument. */
export const TICKET_ACTIONS = [
  'ticket_details',
  'ticket_note_open',
  'ticket_note_submit',
  'ticket_priority_open',
  'ticket_priority_submit',
  'ticket_refresh',
  'incident_pick', // a search result: the tracker's ticket id
  'case_pick', // a search result: the shared case's ticket id
  'case_detach', // the argument is this conversation's attachment id, not a ticket id
] as const;

export type PlainAction = (typeof PLAIN_ACTIONS)[number];
export type TicketAction = (typeof TICKET_ACTIONS)[number];
export type ComponentAction = PlainAction | TicketAction;

export type DecodedComponentId =
  | { readonly action: PlainAction; readonly arg: null }
  | { readonly action: TicketAction; readonly arg: string };

const SEPARATOR = ':';
/** Intercom ticket ids are digits; allow a little more, never the separator, and keep ids short. */
const ARG_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

function isPlain(action: string): action is PlainAction {
  return (PLAIN_ACTIONS as readonly string[]).includes(action);
}

function isTicketAction(action: string): action is TicketAction {
  return (TICKET_ACTIONS as readonly string[]).includes(action);
}

export function encodeComponentId(action: PlainAction): string;
export function encodeComponentId(action: TicketAction, arg: string): string;
export function encodeComponentId(action: ComponentAction, arg?: string): string {
  if (isPlain(action)) {
    if (arg !== undefined) throw new TypeError(`${action} takes no argument`);
    return action;
  }
  if (arg === undefined || !ARG_PATTERN.test(arg))
    throw new TypeError(`${action} needs an id matching ${ARG_PATTERN}, got ${JSON.stringify(arg)}`);
  return `${action}${SEPARATOR}${arg}`;
}

/** `null` for anything we did not produce (stale canvases from an older version, tampering, typos). */
export function decodeComponentId(id: unknown): DecodedComponentId | null {
  if (typeof id !== 'string') return null;
  const at = id.indexOf(SEPARATOR);
  if (at === -1) return isPlain(id) ? { action: id, arg: null } : null;
  const action = id.slice(0, at);
  const arg = id.slice(at + 1);
  return isTicketAction(action) && ARG_PATTERN.test(arg) ? { action, arg } : null;
}

/** Ids of the form fields; they are the keys of `input_values` on submit. */
export const INPUT_IDS = Object.freeze({
  ticketType: 'ticket_type',
  priority: 'priority',
  queue: 'queue',
  reason: 'reason',
  shareWithCustomer: 'share_with_customer',
  noteBody: 'note_body',
  crossPost: 'cross_post',
  newPriority: 'new_priority',
  incidentQuery: 'incident_query',
  incidentNote: 'incident_note',
  incidentTitle: 'incident_title',
  caseQuery: 'case_query',
  caseNote: 'case_note',
} as const);
export type InputId = (typeof INPUT_IDS)[keyof typeof INPUT_IDS];

/**
 * Option ids of the single-option checkboxes. A checked box submits `[<option id>]`, an unchecked one `[]`
 * (or nothing: canvas-kit.md §7 treats missing values as "no value").
 */
export const CHECKBOX_OPTION_IDS = Object.freeze({
  shareWithCustomer: 'share',
  crossPost: 'cross_post',
} as const);
