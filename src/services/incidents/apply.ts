/**
 * The one way a view of a tracker reaches our store (the link's re-read, a webhook, the sidebar's refresh, a
 * search): the snapshot, and when this view is the one that finds it resolved, the fan-out of that resolution's
 * follow-ups, in the same transaction. The resolution instant comes from the stored snapshot, so however many
 * views report it the fan-out is keyed once.
 */
import type { Ticket } from '../../intercom';
import type { Incident, Store } from '../../store';
import { fanOutJobPayload, INCIDENT_JOB_KINDS, incidentKeys } from './jobs';
import { incidentSnapshot, isTracker } from './snapshot';

export interface AppliedIncident {
  incident: Incident;
  /** Outbox jobs written: the caller pokes the outbox once the transaction has committed. */
  enqueued: number;
}

/** Inside the caller's transaction. Null when the ticket is not a tracker. */
export async function applyIncidentView(tx: Store, workspaceId: string, ticket: Ticket, now: number): Promise<AppliedIncident | null> {
  if (!isTracker(ticket)) return null;
  const written = await tx.incidents.upsert(workspaceId, incidentSnapshot(ticket, now), now);
  if (written.kind === 'stale' || !written.resolvedNow || written.incident.resolvedAt === null)
    return { incident: written.incident, enqueued: 0 };
  const { trackerId, resolvedAt } = { trackerId: ticket.id, resolvedAt: written.incident.resolvedAt };
  const job = await tx.outbox.enqueue(workspaceId, {
    kind: INCIDENT_JOB_KINDS.fanOut,
    dedupeKey: incidentKeys.fanOut(trackerId, resolvedAt),
    payload: fanOutJobPayload.parse({ trackerId, resolvedAt }),
    now,
  });
  return { incident: written.incident, enqueued: job.created ? 1 : 0 };
}

/** Outside a transaction: applies and pokes the outbox when something was enqueued. */
export async function applyIncident(
  store: Store,
  poke: () => void,
  workspaceId: string,
  ticket: Ticket,
  now: number,
): Promise<Incident | null> {
  const applied = await store.transaction((tx) => applyIncidentView(tx, workspaceId, ticket, now));
  if (applied && applied.enqueued > 0) poke();
  return applied?.incident ?? null;
}
