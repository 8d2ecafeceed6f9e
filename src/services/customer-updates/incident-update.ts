/**
 * The customer-facing update when an incident resolves: each linked conversation is told its problem is solved,
 * through the same job, rules, words and pacing as a ticket's update (send.ts), once per conversation and
 * resolution.
 *
 * Which queue's choice applies: an incident has no queue (a tracker is no back-office ticket and carries no
 * routing), so it is treated as every ticket without a queue is: it tells the customer when the workspace opted
 * the Default queue in, under the Default queue's customer-facing title. Opting in a specialist queue alone does
 * not make every incident speak to its customers.
 *
 * What the customer reads: the resolved template in their language, with no reference (a tracker is internal;
 * its number means nothing to a customer and would hint at other customers' reports) and our own name for the
 * state (the snapshot keeps only the internal label).
 *
 * The follow-up job (src/services/incidents/follow-ups.ts) enqueues it through member-update.ts, as a shared
 * case's attachment does: after the note and the reopen, due once the collapse window has passed.
 */
import { isStateCategory } from '../../domain/model';
import type { WorkspaceSettings } from '../../domain/settings';
import type { FollowedUpLink, Incident, Store } from '../../store';
import type { CaseFacts } from './case-facts';
import type { CustomerUpdatePayload } from './jobs';
import { enqueueMemberUpdate } from './member-update';
import { updatesEnabled } from './record-state';

/** The queue an incident's updates follow (see above). */
const INCIDENT_QUEUE = { queue: null } as const;

export function incidentUpdatesEnabled(settings: WorkspaceSettings): boolean {
  return updatesEnabled(settings, INCIDENT_QUEUE);
}

/** Returns how many outbox jobs were new (0 or 1). Inside the caller's transaction. */
export function enqueueIncidentUpdate(
  tx: Store,
  settings: WorkspaceSettings,
  link: FollowedUpLink & { workspaceId: string },
  resolvedAt: number,
  now: number,
): Promise<number> {
  if (!incidentUpdatesEnabled(settings)) return Promise.resolve(0);
  const { workspaceId, trackerId: ticketId, conversationId, id } = link;
  return enqueueMemberUpdate(tx, settings, { workspaceId, ticketId, conversationId, resolvedAt, member: { linkId: id } }, now);
}

/** The incident's latest transition as the rules read it: resolved since `resolvedAt`, or back in another state. */
function latestOf(incident: Incident): CaseFacts['latest'] {
  if (incident.resolvedAt !== null) return { state: 'resolved', changedAt: incident.resolvedAt };
  const state = isStateCategory(incident.stateCategory) ? incident.stateCategory : 'in_progress';
  return { state, changedAt: incident.intercomUpdatedAt };
}

export async function incidentCaseFacts(
  store: Store,
  workspaceId: string,
  job: Pick<CustomerUpdatePayload, 'ticketId' | 'linkId'>,
): Promise<CaseFacts> {
  const [link, incident] = await Promise.all([
    job.linkId ? store.incidentLinks.get(workspaceId, job.linkId) : null,
    store.incidents.get(workspaceId, job.ticketId),
  ]);
  // Unlinked since: the incident is no longer this conversation's case, so it has nothing to tell them.
  const standing = link?.status === 'linked' && link.trackerId === job.ticketId && incident !== null;
  return {
    enabled: (settings) => standing && incidentUpdatesEnabled(settings),
    latest: incident ? latestOf(incident) : null,
    externalLabel: null,
    ticketNumber: null,
    queue: null,
  };
}
