/**
 * What ticket sync needs: the services it shares with the sidebar, plus the one mapping from an
 * Intercom ticket to our stored snapshot (owned by escalation, reused here so both write the same shape).
 */
import type { AppServices } from '../app-services';
import type { Ticket } from '../../intercom';
import type { TicketLink, TicketSnapshot } from '../../store';
import type { TicketTypeCache } from '../ticket-types';

/** Intercom ticket → stored snapshot (state, assignees, priority/queue from attributes, owner/team names). */
export type SnapshotMapper = (workspaceId: string, ticket: Ticket, previous: TicketLink) => Promise<TicketSnapshot>;

/** The slice of a pino logger sync uses; never given payloads, bodies or tokens. */
export interface SyncLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface SyncDeps extends AppServices {
  toSnapshot: SnapshotMapper;
  /** Back-office ticket types (cached): the priority list item to send for P1–P4. */
  ticketTypes: Pick<TicketTypeCache, 'find'>;
  logger: SyncLogger;
  /** Asks the outbox worker to look for work now (after enqueueing), instead of at its next poll. */
  pokeOutbox(): void;
}
