/**
 * Closing the loop: when an incident resolves, every linked conversation gets the workspace's resolve follow-up
 * (the note, then reopen or unsnooze per `resolveBehaviour`), exactly once, paced.
 *
 * - The fan-out job (one per resolution, see apply.ts) runs the shared paced fan-out (src/services/resolve-fan-out.ts)
 *   over the linked conversations: one follow-up job each, keyed by tracker, conversation and resolution.
 * - A follow-up job sends the shared follow-up (note, then reopen or unsnooze) and marks the link followed up for
 *   this resolution (the progress the sidebar shows), enqueueing in the same transaction the customer-facing update
 *   when the workspace tells customers (src/services/customer-updates/incident-update.ts).
 * - A conversation linked after the resolution is enqueued at once by the link (link.ts).
 */
import { escapeHtml } from '../../domain/text';
import type { WorkspaceSettings } from '../../domain/settings';
import type { Incident, IncidentLink, Store } from '../../store';
import { enqueueIncidentUpdate } from '../customer-updates/incident-update';
import { HANDOFF_NOTE_MARK } from '../sync/ticket-events';
import { runPacedFanOut, sendResolveFollowUp } from '../resolve-fan-out';
import type { Attempt } from '../sync/intercom-writes';
import type { IncidentDeps } from './deps';
import { type FollowUpJobPayload, followUpJobPayload, INCIDENT_JOB_KINDS, incidentKeys } from './jobs';

export async function enqueueFollowUp(tx: Store, link: IncidentLink, resolvedAt: number, now: number, runAt = now): Promise<number> {
  const payload = followUpJobPayload.parse({ linkId: link.id, trackerId: link.trackerId, conversationId: link.conversationId, resolvedAt });
  const { created } = await tx.outbox.enqueue(link.workspaceId, {
    kind: INCIDENT_JOB_KINDS.followUp,
    dedupeKey: incidentKeys.followUp(link.trackerId, link.conversationId, resolvedAt),
    payload,
    now,
    runAt,
  });
  return created ? 1 : 0;
}

/** Enqueues the resolution's follow-ups through the shared paced fan-out (src/services/resolve-fan-out.ts). */
export function runFanOut(
  deps: IncidentDeps,
  workspaceId: string,
  trackerId: string,
  resolvedAt: number,
): Promise<{ enqueued: number; linked: number }> {
  const { store } = deps.sync;
  return runPacedFanOut({ ...deps.sync, pacing: deps.pacing }, resolvedAt, {
    page: (afterId, limit) => store.incidentLinks.listLinked(workspaceId, trackerId, { ...(afterId ? { afterId } : {}), limit }),
    enqueue: (tx, link, now, runAt) => enqueueFollowUp(tx, link, resolvedAt, now, runAt),
    describe: { workspaceId, trackerId, source: 'incident' },
  });
}

export function incidentResolvedNoteHtml(incident: Pick<Incident, 'ticketNumber' | 'trackerId' | 'title'>): string {
  const number = incident.ticketNumber ?? incident.trackerId;
  return [
    `<p>✅ Incident #${escapeHtml(number)} resolved: ${escapeHtml(incident.title)}</p>`,
    '<p>The problem this customer reported is fixed. Let them know, then close this conversation.</p>',
    `<p><em>${HANDOFF_NOTE_MARK}</em></p>`,
  ].join('');
}

export async function runFollowUp(deps: IncidentDeps, workspaceId: string, job: FollowUpJobPayload, attempt: Attempt): Promise<unknown> {
  const { store } = deps.sync;
  const [link, incident] = await Promise.all([
    store.incidentLinks.get(workspaceId, job.linkId),
    store.incidents.get(workspaceId, job.trackerId),
  ]);
  // Unlinked since, or already done: the conversation is no longer this incident's to follow up.
  if (link?.status !== 'linked' || link.trackerId !== job.trackerId) return { skipped: 'not linked' };
  if (link.followedUpFor === job.resolvedAt) return { skipped: 'done' };
  const body = incidentResolvedNoteHtml(incident ?? { ticketNumber: null, trackerId: job.trackerId, title: 'the incident' });
  const { note, reopened } = await sendResolveFollowUp(
    deps.sync,
    workspaceId,
    { conversationId: job.conversationId, ticketId: job.trackerId, body },
    attempt,
  );
  const settings = await deps.sync.settings.get(workspaceId);
  const told = await markFollowedUp(deps, settings, link, job.resolvedAt);
  return { note, reopened, customerUpdate: told > 0 ? 'enqueued' : 'none' };
}

/** The follow-up is done: its progress, and the customer's update when the workspace sends them, in one transaction. */
async function markFollowedUp(deps: IncidentDeps, settings: WorkspaceSettings, link: IncidentLink, resolvedAt: number): Promise<number> {
  const now = deps.clock.now();
  const enqueued = await deps.sync.store.transaction(async (tx) => {
    await tx.incidentLinks.markFollowedUp(link.workspaceId, link, resolvedAt);
    return enqueueIncidentUpdate(tx, settings, link, resolvedAt, now);
  });
  if (enqueued > 0) deps.sync.pokeOutbox();
  return enqueued;
}

export interface FollowUpProgress {
  done: number;
  total: number;
}

/** How far a resolved incident's follow-ups are; null while it is not resolved. */
export async function followUpProgress(store: Store, incident: Incident): Promise<FollowUpProgress | null> {
  if (incident.resolvedAt === null) return null;
  const [done, total] = await Promise.all([
    store.incidentLinks.countFollowedUp(incident.workspaceId, incident.trackerId, incident.resolvedAt),
    store.incidentLinks.countLinked(incident.workspaceId, incident.trackerId),
  ]);
  return { done, total };
}
