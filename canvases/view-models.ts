/**
 * What each screen needs, already decided: flows compute these from the store, the domain and settings;
 * screens only lay them out. Times are epoch ms, and `now` is passed in (canvases never read a clock).
 */
import type { Priority, QueueKey, StateCategory } from '../src/domain/model';

/**
 * The triage recommendation for the open conversation, in words already decided (src/domain/recommendation).
 * `headline`: 'Keep in chat', 'Escalate → Billing / Legal · P2' or 'Could not judge this conversation'.
 */
export interface RecommendationVM {
  kind: 'keep' | 'escalate' | 'unjudged';
  headline: string;
  /** Most decisive first; each names the message it came from ('customer, 10:32'). */
  reasons: readonly { text: string; source: string }[];
  /** 'Close call: runner-up Technical / Bugs · P3', or null. */
  closeCall: string | null;
}

export interface SlaClockVM {
  kind: 'response' | 'resolution';
  status: 'on_track' | 'at_risk' | 'breached' | 'paused' | 'met';
  remainingMs: number;
  dueAt: number | null;
  pausedSince: number | null;
  /** The state the clock pauses in, e.g. 'Waiting on customer'. */
  pausedStateLabel?: string;
  breachedForMs?: number;
}

export interface TicketCardVM {
  ticketId: string;
  ticketNumber: string;
  title: string;
  stateLabel: string;
  priority: Priority;
  queueLabel: string;
  ownerName: string | null;
  teamName: string | null;
  /** The ticket in the Intercom Inbox. */
  url: string;
  clocks: SlaClockVM[];
  /** Why the SLA targets shrank, e.g. 'renewal in 30 days'. */
  tightenedReason?: string | null;
  /** Work for this ticket that Intercom never took (dead outbox jobs): one line, and what to do about it. */
  failedWork?: string | null;
  /** A change made from the sidebar is still on its way to Intercom (outbox). */
  pending?: boolean;
  /** Automatic case updates the customer was sent for this ticket, oldest first (issue 20). */
  customerUpdates?: readonly CustomerUpdateVM[];
  /** A shared case (issue 19): the ticket is another conversation's, attached here, or others are attached to it. */
  shared?: SharedCaseVM | null;
}

export interface SharedCaseVM {
  /** Conversations that have this ticket: the one that opened it and every attached one. */
  conversations: number;
  /** This conversation's attachment (the card offers Detach), or null when the ticket was opened here. */
  attachmentId: string | null;
}

/** A ticket "Add to an existing case" offers: an open back-office ticket linked through Handoff. */
export interface CaseOptionVM {
  ticketId: string;
  number: string;
  title: string;
  stateLabel: string;
}

export interface CaseSearchVM {
  query: string;
  results: CaseOptionVM[];
  error: string | null;
  /** Nothing matched, or no case is open. */
  empty: boolean;
}

export interface CaseAttachFormVM {
  option: CaseOptionVM;
  nonce: string;
  note: string;
  error: string | null;
}

export interface CustomerUpdateVM {
  state: StateCategory;
  sentAt: number;
}

export interface TimeZoneVM {
  /** IANA zone the times are shown in. */
  zone: string;
  /** Where the zone came from, so the canvas can say which time it is showing. */
  source: 'teammate' | 'workspace' | 'utc';
}

export interface PendingEscalationVM {
  escalationId: string;
  createdAt: number;
  /** A short line about what is queued, e.g. the queue and priority. No message text from the customer. */
  message: string;
}

export interface SidebarVM {
  now: number;
  tz: TimeZoneVM;
  tickets: TicketCardVM[];
  pending: PendingEscalationVM[];
  /** Null when no recommendation could be made at all (the Escalate button is there either way). */
  recommendation: RecommendationVM | null;
  /** Workspace settings page; null hides the Settings link. */
  settingsUrl: string | null;
  /** The reports page for settings admins and report viewers; null or absent: no link. */
  reportsUrl?: string | null;
  /** No person selected in the details panel: escalating needs one. */
  contactMissing: boolean;
  /** The conversation's latest escalation failed for good; `message` is Intercom's reason. */
  failedEscalation?: { message: string } | null;
  /** The incident this conversation is linked to (or on its way to), or null. */
  incident?: IncidentVM | null;
  /** "4 other conversations since 09:10 mention E_PAYMENT_502 — incident #88 is open", when no link stands. */
  incidentHint?: IncidentHintVM | null;
}

export interface IncidentVM {
  linkId: string;
  trackerId: string;
  /** The Inbox "#" number, or null while a started incident has none yet. */
  number: string | null;
  title: string;
  stateLabel: string;
  /** Conversations linked to it in Intercom. */
  linkedCount: number;
  status: 'linking' | 'linked' | 'unlinking';
  /** Resolved: how many linked conversations got their follow-up. */
  followUps: { done: number; total: number } | null;
  url: string | null;
}

export interface IncidentHintVM {
  text: string;
  /** The open incident to link to in one click, when one matches. */
  trackerId: string | null;
}

export interface IncidentOptionVM {
  trackerId: string;
  number: string | null;
  title: string;
  stateLabel: string | null;
  linkedCount: number;
}

/** "Link to an incident": the search box, its results (most recent first) or why there are none. */
export interface IncidentSearchVM {
  query: string;
  results: IncidentOptionVM[];
  error: string | null;
  /** The incidents matched nothing, or there are none open. */
  empty: boolean;
}

export interface IncidentLinkFormVM {
  option: IncidentOptionVM;
  nonce: string;
  note: string;
  error: string | null;
}

export interface IncidentStartFormVM {
  title: string;
  nonce: string;
  error: string | null;
}

/** "Show all N tickets": every linked ticket as one list row. */
export interface TicketListVM {
  now: number;
  tz: TimeZoneVM;
  tickets: TicketCardVM[];
}

export interface ErrorVM {
  title: string;
  message: string;
  /** True: offer "Try again" (refresh); false: offer "Back". */
  retryable: boolean;
}

export interface ChoiceVM<T extends string = string> {
  id: T;
  label: string;
}

export type EscalateField = 'ticket_type' | 'priority' | 'queue' | 'reason';

export interface EscalateFormVM {
  nonce: string;
  conversationId: string;
  /** The workspace's back-office ticket types; never empty (the flow shows an error canvas instead). */
  ticketTypes: [ChoiceVM, ...ChoiceVM[]];
  ticketTypeId: string;
  priority: Priority;
  queues: ChoiceVM<QueueKey>[];
  queue: QueueKey;
  reason: string;
  /** The ticket type allows sharing with the customer: only then is the checkbox shown. */
  shareAllowed: boolean;
  shareWithCustomer: boolean;
  /** Plain-text summary; the form shows a trimmed preview. */
  summaryPreview: string;
  /** Per-field messages; the other values are kept as the teammate left them. */
  fieldErrors?: Partial<Record<EscalateField, string>>;
  /** A form-wide problem, e.g. what Intercom said when it rejected the ticket. */
  formError?: string | null;
  /** The conversation already has this open ticket: explain and offer a note instead. */
  openTicket?: { ticketId: string; ticketNumber: string; title: string } | null;
  /** An escalation of this conversation is still on its way to a ticket (e.g. 'P2 · Billing / Legal'). */
  pendingEscalation?: { message: string } | null;
  /** What the app recommended, above the fields it preselected ('Escalate → Billing / Legal · P2'). */
  recommendation?: { headline: string; closeCall: string | null } | null;
}

export type EscalationResultVM =
  | { kind: 'created'; ticketNumber: string; title: string; url: string; priority: Priority; queueLabel: string }
  | { kind: 'queued'; priority: Priority; queueLabel: string };

export interface TicketDetailsVM {
  now: number;
  tz: TimeZoneVM;
  ticket: TicketCardVM;
}

export interface NoteFormVM {
  nonce: string;
  ticketId: string;
  ticketNumber: string;
  title: string;
  body: string;
  crossPost: boolean;
  error?: string | null;
}

export interface PriorityFormVM {
  nonce: string;
  ticketId: string;
  ticketNumber: string;
  title: string;
  current: Priority;
  /** Preselected value, e.g. kept after a failed submit; defaults to `current`. */
  selected?: Priority;
  error?: string | null;
}

export interface ActionResultVM {
  kind: 'done' | 'queued';
  /** What happened, e.g. 'Note added to ticket #215'. */
  message: string;
  detail?: string | null;
  /** Offer "Back to ticket" besides "Done". */
  ticketId?: string | null;
}
