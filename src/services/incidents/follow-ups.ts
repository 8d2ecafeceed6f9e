/**
 * Closing the loop: when an incident resolves, every linked conversation gets the workspace's resolve follow-up
 * (the note, then reopen or unsnooze per `resolveBehaviour`), exactly once, paced.
 *
 * - The fan-out job (one per resolution, see apply.ts) pages through the linked conversations and enqueues one
 *   follow-up job each, keyed by tracker, conversation and resolution, due one after another at
 *   `pacing.perSecond`. Its due times are stored, so a restart resumes at the same pace, and a re-run of the
 *   fan-out after a crash enqueues nothing twice.
 * - A follow-up job posts the note (looking for it first when an earlier try may have posted it), reopens, and
 *   marks the link followed up for this resolution (the progress the sidebar shows), enqueueing in the same
 *   transaction the customer-facing update when the workspace tells customers
 *   (src/services/customer-updates/incident-update.ts).
 * - A conversation linked after the resolution is enqueued at once by the link (link.ts).
 */
import { escapeHtml } from '../../domain/text';
import type { WorkspaceSettings } from '../../domain/settings';
import type { Incident, IncidentLink, Store } from '../../store';
import { enqueueIncidentUpdate } from '../customer-updates/incident-update';
import { HANDOFF_NOTE_MARK } from '../sync/ticket-events';
import { type Attempt, postConversationNote, reopenConversation } from '../sync/intercom-writes';
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

/** Enqueues the resolution's follow-ups in batches, one transaction each; returns how many were new. */
export async function runFanOut(
  deps: IncidentDeps,
  workspaceId: string,
  trackerId: string,
  resolvedAt: number,
): Promise<{ enqueued: number; linked: number }> {
  const { store } = deps.sync;
  const spacingMs = 1_000 / deps.pacing.perSecond;
  const start = deps.clock.now();
  let afterId: string | undefined;
  let index = 0;
  let enqueued = 0;
  for (;;) {
    const page = await store.incidentLinks.listLinked(workspaceId, trackerId, {
      ...(afterId ? { afterId } : {}),
      limit: deps.pacing.batch,
    });
    if (page.length === 0) break;
    const first = index;
    enqueued += await store.transaction(async (tx) => {
      let created = 0;
      for (const [offset, link] of page.entries()) {
        if (link.followedUpFor === resolvedAt) continue;
        created += await enqueueFollowUp(tx, link, resolvedAt, start, start + Math.floor((first + offset) * spacingMs));
      }
      return created;
    });
    index += page.length;
    afterId = page.at(-1)!.id;
    deps.sync.pokeOutbox();
  }
  deps.sync.logger.info({ workspaceId, trackerId, linked: index, enqueued }, 'incident resolved: follow-ups enqueued');
  return { enqueued, linked: index };
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
  const [link, incident, settings] = await Promise.all([
    store.incidentLinks.get(workspaceId, job.linkId),
    store.incidents.get(workspaceId, job.trackerId),
    deps.sync.settings.get(workspaceId),
  ]);
  // Unlinked since, or already done: the conversation is no longer this incident's to follow up.
  if (link?.status !== 'linked' || link.trackerId !== job.trackerId) return { skipped: 'not linked' };
  if (link.followedUpFor === job.resolvedAt) return { skipped: 'done' };
  const body = incidentResolvedNoteHtml(incident ?? { ticketNumber: null, trackerId: job.trackerId, title: 'the incident' });
  const note = await postConversationNote(
    deps.sync,
    workspaceId,
    { conversationId: job.conversationId, ticketId: job.trackerId, body, adminId: null },
    attempt,
  );
  const reopened =
    settings.resolveBehaviour === 'note_only'
      ? null
      : await reopenConversation(deps.sync, workspaceId, {
          conversationId: job.conversationId,
          ticketId: job.trackerId,
          mode: settings.resolveBehaviour,
          adminId: null,
        });
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
