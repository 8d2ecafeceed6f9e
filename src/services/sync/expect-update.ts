/**
 * "A webhook should arrive about this ticket soon." Rather than a table of expectations, the snapshot's
 * freshness is shortened: it turns stale `withinMs` from now, so the reconciliation job re-reads the ticket then,
 * unless a webhook (or any other view) arrives first and makes it fresh again. Nothing is lost if the expected
 * webhook never comes, and nothing is called if it does.
 */
import type { Store, TicketLink } from '../../store';

export async function expectTicketUpdate(
  store: Store,
  workspaceId: string,
  ticket: TicketLink,
  timing: { withinMs: number; maxAgeMs: number; now: number },
): Promise<boolean> {
  const syncedAt = timing.now - timing.maxAgeMs + timing.withinMs;
  // Already due at least that soon: leave it.
  if (ticket.syncedAt <= syncedAt) return false;
  // Re-writing the stored snapshot (same `updated_at`, so it applies) is how `synced_at` moves back; a newer
  // snapshot written meanwhile wins the conditional upsert and this becomes a no-op.
  const { applied } = await store.tickets.upsert(workspaceId, ticket, syncedAt);
  return applied;
}
