/**
 * What a conversation's sidebar shows from the store, in one statement (sidebar-statement.ts): its tickets, the
 * shared cases it is in, their SLA clocks, its escalations, the customer updates sent, and its incident. Only the
 * columns the cards use are read. The rows are ours, written through the repositories: they are mapped, and the
 * few union-typed columns narrowed (a bad value is a bug and fails loudly), not validated again on every view.
 * Read-only, so not an observed repository; a write to any of these tables reaches the change feed through its
 * own repository.
 */
import { CompiledQuery } from 'kysely';
import {
  CLOCK_KINDS,
  type ClockKind,
  PRIORITIES,
  type Priority,
  QUEUE_KEYS,
  type QueueKey,
  STATE_CATEGORIES,
  type StateCategory,
} from '../../domain/model';
import { ESCALATION_STATUSES, type EscalationStatus } from './escalation-model';
import { INCIDENT_LINK_STATUSES, type IncidentLinkStatus } from './incident-links';
import { type Cells, parseJsonRows } from './json-rows';
import { narrow, narrowOrNull, type RepoContext } from './repo-helpers';
import { sidebarStatement } from './sidebar-statement';

export { SENT_UPDATES_SHOWN } from './sidebar-statement';

/** A ticket snapshot as a card shows it. */
export interface SidebarTicket {
  ticketId: string;
  ticketNumber: string | null;
  conversationId: string;
  title: string;
  stateCategory: StateCategory;
  stateLabel: string | null;
  priority: Priority | null;
  queue: QueueKey | null;
  ownerName: string | null;
  teamName: string | null;
  createdAt: number;
}

/** A ticket of a shared case this conversation is in (attached here, or opened here and attached elsewhere). */
export interface SidebarSharedTicket {
  ticket: SidebarTicket;
  /** Conversations attached to it (the one that opened it not counted). */
  attachedCount: number;
  /** This conversation's attachment, when the ticket is attached here rather than opened here. */
  attachmentId: string | null;
}

/** An SLA clock: its state is the SLA module's own, parsed by it (src/domain/sla). */
export interface SidebarClock {
  ticketId: string;
  kind: ClockKind;
  state: unknown;
}

export interface SidebarEscalation {
  id: string;
  status: EscalationStatus;
  ticketId: string | null;
  lastError: string | null;
  createdAt: number;
  /** What was asked for (from the stored request). */
  priority: Priority;
  queue: QueueKey;
}

export interface SidebarUpdate {
  ticketId: string;
  state: StateCategory;
  decidedAt: number;
}

/** The conversation's standing incident link, its tracker's snapshot (null until we know it) and follow-up counts. */
export interface SidebarIncident {
  link: { id: string; trackerId: string; status: IncidentLinkStatus };
  tracker: {
    ticketNumber: string | null;
    title: string;
    stateCategory: string;
    stateLabel: string | null;
    linkedCount: number;
    resolvedAt: number | null;
  } | null;
  /** Linked conversations of the tracker, and those followed up for its resolution (0 while unresolved). */
  followUps: { done: number; total: number };
}

export interface SidebarRows {
  /** The conversation's own tickets, oldest first. */
  tickets: SidebarTicket[];
  /** Its shared cases, oldest first. */
  shared: SidebarSharedTicket[];
  /** The clocks of its own tickets and of the tickets attached here, by ticket then kind. */
  clocks: SidebarClock[];
  /** Oldest first. */
  escalations: SidebarEscalation[];
  /** The latest customer updates sent (at most SENT_UPDATES_SHOWN), newest first. */
  sentUpdates: SidebarUpdate[];
  incident: SidebarIncident | null;
}

export interface SidebarReadRepo {
  /** Everything the conversation's sidebar shows from the store, in one statement. */
  read(workspaceId: string, conversationId: string): Promise<SidebarRows>;
}

type Row = Record<'tickets' | 'shared' | 'clocks' | 'escalations' | 'updates' | 'incident', unknown>;

export function createSidebarReadRepo({ db, dialect }: RepoContext): SidebarReadRepo {
  const statement = sidebarStatement(dialect);
  return {
    async read(workspaceId, conversationId) {
      const { rows } = await db.executeQuery<Row>(CompiledQuery.raw(statement.sql, statement.bind(workspaceId, conversationId)));
      const row = rows[0];
      if (!row) throw new Error('the sidebar read returned no row');
      const incident = pieces(row.incident).map(toIncident)[0] ?? null;
      return {
        tickets: pieces(row.tickets).map(toTicket).sort(oldestTicketFirst),
        shared: pieces(row.shared)
          .map((cells) => ({ ticket: toTicket(cells), attachedCount: Number(cells[11]), attachmentId: cells[12] as string | null }))
          .sort((a, b) => oldestTicketFirst(a.ticket, b.ticket)),
        clocks: pieces(row.clocks)
          .map(toClock)
          .sort((a, b) => byText(a.ticketId, b.ticketId) || byText(a.kind, b.kind)),
        escalations: pieces(row.escalations)
          .map(toEscalation)
          .sort((a, b) => a.createdAt - b.createdAt || byText(a.id, b.id)),
        sentUpdates: pieces(row.updates)
          .map(toUpdate)
          .sort((a, b) => b.decidedAt - a.decidedAt),
        incident,
      };
    },
  };
}

/** PostgreSQL's driver parses `json` columns; SQLite hands the text over. */
const pieces = parseJsonRows;

function toTicket(cells: Cells): SidebarTicket {
  return {
    ticketId: cells[0] as string,
    ticketNumber: cells[1] as string | null,
    conversationId: cells[2] as string,
    title: cells[3] as string,
    stateCategory: narrow(STATE_CATEGORIES, cells[4] as string, 'ticket_links.state_category'),
    stateLabel: cells[5] as string | null,
    priority: narrowOrNull(PRIORITIES, cells[6] as string | null, 'ticket_links.priority'),
    queue: narrowOrNull(QUEUE_KEYS, cells[7] as string | null, 'ticket_links.queue'),
    ownerName: cells[8] as string | null,
    teamName: cells[9] as string | null,
    createdAt: Number(cells[10]),
  };
}

function toClock(cells: Cells): SidebarClock {
  return {
    ticketId: cells[0] as string,
    kind: narrow(CLOCK_KINDS, cells[1] as string, 'sla_clocks.kind'),
    // Embedded as JSON by the statement, so already parsed with the rest of the answer.
    state: cells[2],
  };
}

function toEscalation(cells: Cells): SidebarEscalation {
  return {
    id: cells[0] as string,
    status: narrow(ESCALATION_STATUSES, cells[1] as string, 'escalations.status'),
    ticketId: cells[2] as string | null,
    lastError: cells[3] as string | null,
    createdAt: Number(cells[4]),
    priority: narrow(PRIORITIES, cells[5] as string, 'escalations.request_json.priority'),
    queue: narrow(QUEUE_KEYS, cells[6] as string, 'escalations.request_json.queue'),
  };
}

function toUpdate(cells: Cells): SidebarUpdate {
  return {
    ticketId: cells[0] as string,
    state: narrow(STATE_CATEGORIES, cells[1] as string, 'customer_updates.state'),
    decidedAt: Number(cells[2]),
  };
}

function toIncident(cells: Cells): SidebarIncident {
  const known = cells[3] !== null;
  return {
    link: {
      id: cells[0] as string,
      trackerId: cells[1] as string,
      status: narrow(INCIDENT_LINK_STATUSES, cells[2] as string, 'incident_links.status'),
    },
    tracker: known
      ? {
          ticketNumber: cells[4] as string | null,
          title: cells[5] as string,
          stateCategory: cells[6] as string,
          stateLabel: cells[7] as string | null,
          linkedCount: Number(cells[8]),
          resolvedAt: cells[9] === null ? null : Number(cells[9]),
        }
      : null,
    followUps: { done: Number(cells[10]), total: Number(cells[11]) },
  };
}

/** Oldest first, then by id, as the repositories list a conversation's rows (see `oldestFirst`, repo-helpers.ts). */
function oldestTicketFirst(a: SidebarTicket, b: SidebarTicket): number {
  return a.createdAt - b.createdAt || byText(a.ticketId, b.ticketId);
}

/** Byte order, as SQLite's `order by` on text compares ids (they are ASCII). */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
