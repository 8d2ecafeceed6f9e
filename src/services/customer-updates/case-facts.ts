/**
 * What the rules and the words of a case update need to know of the case, whichever kind it is, and how a
 * back-office ticket answers (for its own conversation; a shared case's attached conversations read the same
 * ticket, shared-case-update.ts). An incident answers in incident-update.ts.
 */
import type { QueueKey, StateCategory } from '../../domain/model';
import type { WorkspaceSettings } from '../../domain/settings';
import type { Store } from '../../store';
import { updatesEnabled } from './record-state';

export interface CaseFacts {
  /** Whether the case still posts updates under these settings. */
  enabled(settings: WorkspaceSettings): boolean;
  /** The case's latest transition (null before its first). */
  latest: { state: StateCategory; changedAt: number } | null;
  /** The state's customer-facing label, when Intercom has one. */
  externalLabel: string | null;
  /** The reference the customer may be shown ("#123"), when there is one they can know. */
  ticketNumber: string | null;
  /** Picks the customer-facing title; null reads as the default queue. */
  queue: QueueKey | null;
}

/** A ticket's facts: its snapshot (queue, number) and the latest state ticket sync recorded for it. */
export async function ticketCaseFacts(store: Store, workspaceId: string, ticketId: string): Promise<CaseFacts> {
  const [ticket, latest] = await Promise.all([
    store.tickets.get(workspaceId, ticketId),
    store.customerSide.getState(workspaceId, ticketId),
  ]);
  return {
    enabled: (settings) => ticket !== null && updatesEnabled(settings, ticket),
    latest: latest ? { state: latest.state, changedAt: latest.changedAt } : null,
    externalLabel: latest?.externalLabel ?? null,
    ticketNumber: ticket?.ticketNumber ?? null,
    queue: ticket?.queue ?? null,
  };
}
