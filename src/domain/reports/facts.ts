/**
 * What the report is computed from: plain facts about a workspace's linked tickets, escalations, ladder steps and
 * triage feedback and incidents in the report's window. The service reads them from the store; tests build them by hand.
 */
import {
  CLOCK_KINDS,
  type ClockKind,
  LADDER_STEPS,
  type LadderStep,
  type Priority,
  type QueueKey,
  type StateCategory,
  type Tier,
} from '../model';
import type { SlaPolicy } from '../settings';
import type { Period } from './period';
import type { TicketFigures } from './ticket-figures';

export interface StateEvent {
  kind: 'resolved' | 'reopened';
  at: number;
}

/**
 * A linked ticket: the snapshot fields the report counts by, and the figures stored from its clocks and events
 * (./ticket-figures.ts). Its number and title are read only for the tickets the page names (`TicketDetails`).
 */
export interface TicketFact extends TicketFigures {
  ticketId: string;
  createdAt: number;
  state: StateCategory;
  isOpen: boolean;
  priority: Priority | null;
  queue: QueueKey | null;
  teamId: string | null;
}

/** What the page shows of a ticket it names (the oldest open ones). */
export interface TicketDetails {
  ticketNumber: string | null;
  /** Customer-influenced text: escaped wherever it is shown. */
  title: string;
}

export interface EscalationFact {
  id: string;
  ticketId: string | null;
  status: 'queued' | 'creating' | 'linked' | 'failed';
  createdAt: number;
  queue: QueueKey | null;
  priority: Priority | null;
}

/** The (step, clock kind) pairs a ladder tally counts, in the order of its cells. */
export const FIRING_SLOTS: readonly { step: LadderStep; kind: ClockKind }[] = LADDER_STEPS.flatMap((step) =>
  CLOCK_KINDS.map((kind) => ({ step, kind })),
);
export const firingSlot = (step: LadderStep, kind: ClockKind) =>
  LADDER_STEPS.indexOf(step) * CLOCK_KINDS.length + CLOCK_KINDS.indexOf(kind);

/**
 * One ticket's ladder steps fired in each period, one count per `FIRING_SLOTS` entry. Counted by the store: a
 * busy quarter fires tens of thousands of steps, and the report needs only how many per ticket (its filters and
 * window membership are the ticket's).
 */
export interface FiringTally {
  ticketId: string;
  current: readonly number[];
  previous: readonly number[];
}

export interface FeedbackFact {
  escalationId: string;
  createdAt: number;
  /** The engine judged (not a fallback); only judged suggestions count for accuracy. */
  judged: boolean;
  /** The engine's outcome: a queue's outcome name or `stay_in_chat`. */
  suggestedOutcome: string;
  suggestedPriority: Priority | null;
  finalQueue: QueueKey;
  finalPriority: Priority;
  overrodeKeepInChat: boolean;
}

export interface DeadJobFact {
  kind: string;
  createdAt: number;
}

/** An incident (tracker ticket) Handoff has linked conversations to. */
export interface IncidentFact {
  trackerId: string;
  ticketNumber: string | null;
  /** Customer-influenced text: escaped wherever it is shown. */
  title: string;
  /** The tracker's state category as stored (an unknown one is shown as is). */
  state: string;
  /** Started, or first linked: the earliest link Handoff made to it (a failed one aside). */
  openedAt: number;
  /** When it entered resolved; null while it is not resolved. */
  resolvedAt: number | null;
  /** Conversations linked to it now (standing links). */
  linked: number;
}

/** A standing link to an incident, by when it was made. */
export interface IncidentLinkFact {
  trackerId: string;
  createdAt: number;
}

export interface Filters {
  queue: QueueKey | null;
  priority: Priority | null;
  tier: Tier | null;
  /** An Intercom team id. */
  team: string | null;
}

export const NO_FILTERS: Filters = Object.freeze({ queue: null, priority: null, tier: null, team: null });

export interface ReportInput {
  now: number;
  zone: string;
  /** The workspace's SLA policy: its business hours are the calendar every business-time figure uses. */
  policy: SlaPolicy;
  current: Period;
  previous: Period;
  filters: Filters;
  tickets: readonly TicketFact[];
  escalations: readonly EscalationFact[];
  firings: readonly FiringTally[];
  feedback: readonly FeedbackFact[];
  deadJobs: readonly DeadJobFact[];
  /** Incidents opened or resolved in the window; not filtered (an incident spans queues). */
  incidents: readonly IncidentFact[];
  /** Standing links made in the window. */
  incidentLinks: readonly IncidentLinkFact[];
  /** Conversations first seen in each period (no filter applies to them: a conversation has no queue yet). */
  seen: { current: number; previous: number };
}
