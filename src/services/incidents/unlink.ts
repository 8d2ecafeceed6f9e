/**
 * Unlink a conversation from its incident. The link becomes `unlinking` (who asked, when) with its outbox job in
 * one transaction; the job deletes the link in Intercom and records `unlinked`. Repeating converges: a link
 * Intercom no longer has answers 404, which means done.
 */
import { isIntercomApiError } from '../../intercom';
import type { IncidentLink, OutboxJob } from '../../store';
import { AppError } from '../../util/app-error';
import type { IncidentDeps } from './deps';
import { INCIDENT_JOB_KINDS, incidentKeys } from './jobs';
import { rereadTracker } from './link';

export async function requestUnlink(
  deps: IncidentDeps,
  input: { workspaceId: string; conversationId: string; adminId: string; linkId: string; runAt: number },
): Promise<{ link: IncidentLink; job: OutboxJob }> {
  const now = deps.clock.now();
  return deps.sync.store.transaction(async (tx) => {
    const standing = await tx.incidentLinks.getStanding(input.workspaceId, input.conversationId);
    // The canvas names the link it showed: a link replaced since (or another conversation's) is not this one's to undo.
    if (!standing || standing.id !== input.linkId)
      throw new AppError('stale_canvas', 'This conversation is not linked to that incident any more. Refresh to see the current view.');
    if (standing.status === 'linking')
      throw new AppError('stale_canvas', 'The link is still on its way to Intercom. Try again in a moment.');
    const link =
      standing.status === 'unlinking'
        ? standing
        : ((await tx.incidentLinks.setStatus(input.workspaceId, standing.id, { status: 'unlinking', by: input.adminId }, now)) ?? standing);
    const { job } = await tx.outbox.enqueue(input.workspaceId, {
      kind: INCIDENT_JOB_KINDS.unlink,
      dedupeKey: incidentKeys.unlink(link.id),
      payload: { linkId: link.id },
      now,
      runAt: input.runAt,
    });
    return { link, job };
  });
}

export async function runUnlink(deps: IncidentDeps, workspaceId: string, linkId: string): Promise<{ unlinked: boolean }> {
  const { store } = deps.sync;
  const link = await store.incidentLinks.get(workspaceId, linkId);
  if (link?.status !== 'unlinking') return { unlinked: false };
  try {
    await (await deps.sync.directory.clientFor(workspaceId)).trackers.unlinkConversation(link.trackerId, link.conversationId);
  } catch (error) {
    // Not linked (any more) in Intercom: what we were asked for is already true.
    const gone = isIntercomApiError(error) && error.status === 404;
    if (!gone) throw error;
  }
  await store.incidentLinks.setStatus(workspaceId, link.id, { status: 'unlinked' }, deps.clock.now());
  await rereadTracker(deps, workspaceId, link.trackerId);
  return { unlinked: true };
}
