/**
 * Ticket sync's public surface and its one factory. Webhooks in (src/http/webhook-routes.ts, processed by
 * src/jobs/webhook-processor.ts), sidebar actions out (src/flows/ticket-actions), reconciliation
 * (src/jobs/reconciler.ts), all applying tickets through `applyTicket`.
 */
import type { AppServices } from '../app-services';
import { createDirectoryCache, type DirectoryCache } from '../directory-cache';
import { createTicketSnapshotter } from '../ticket-snapshot';
import { createTicketTypeCache, type TicketTypeCache } from '../ticket-types';
import type { SyncDeps, SyncLogger } from './sync-deps';

export { applyTicket, type ApplyResult } from './apply-ticket';
export type { SyncDeps } from './sync-deps';

export interface SyncFactoryInput {
  deps: AppServices;
  logger: SyncLogger;
  pokeOutbox(): void;
  /** Shared caches when the caller already has them; otherwise sync makes its own. */
  names?: DirectoryCache;
  ticketTypes?: TicketTypeCache;
}

export function createSyncDeps(input: SyncFactoryInput): SyncDeps {
  const { deps } = input;
  const clientFor = (workspaceId: string) => deps.directory.clientFor(workspaceId);
  const names = input.names ?? createDirectoryCache({ clientFor, clock: deps.clock });
  const ticketTypes = input.ticketTypes ?? createTicketTypeCache({ clientFor, clock: deps.clock });
  const snapshotter = createTicketSnapshotter({ directory: names, ticketTypes });
  return {
    store: deps.store,
    clock: deps.clock,
    settings: deps.settings,
    directory: deps.directory,
    sla: deps.sla,
    triage: deps.triage,
    ticketTypes,
    logger: input.logger,
    pokeOutbox: input.pokeOutbox,
    async toSnapshot(workspaceId, ticket, previous) {
      const settings = await deps.settings.get(workspaceId);
      const snapshot = await snapshotter.snapshot(workspaceId, ticket, { settings, conversationId: previous.conversationId });
      // Never null here (the stored conversation is the fallback), but a snapshot must always be written.
      return snapshot ?? previous;
    },
  };
}
