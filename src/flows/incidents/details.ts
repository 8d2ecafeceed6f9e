/**
 * The conversation's incident (`incident_details`), refreshed from Intercom on the way in (a teammate who opens
 * it wants the current state and count), and Unlink (`incident_unlink`): recorded, then tried once inline.
 */
import { actionResultCanvas } from '../../../canvases/action-result';
import { incidentDetailsCanvas } from '../../../canvases/incident-details';
import { decodeStoredData } from '../../../canvases/stored-data';
import { requestUnlink, rereadTracker, runUnlink } from '../../services/incidents';
import { AppError } from '../../util/app-error';
import { INLINE_GRACE_MS, rejectionText, tryNow } from '../ticket-actions/inline';
import type { CanvasRequest, CanvasResponse } from '../types';
import { type IncidentFlowDeps, inlineDeps } from './deps';
import { incidentView } from './view';

const NOT_LINKED = 'This conversation is not linked to an incident any more. Refresh to see the current view.';

export async function openDetails(deps: IncidentFlowDeps, request: CanvasRequest): Promise<CanvasResponse> {
  const { workspaceId, conversationId } = request;
  const standing = await deps.flow.store.incidentLinks.getStanding(workspaceId, conversationId);
  if (!standing) throw new AppError('stale_canvas', NOT_LINKED);
  if (standing.trackerId) await rereadTracker(deps.incidents, workspaceId, standing.trackerId);
  const vm = await incidentView(deps.flow, workspaceId, conversationId);
  if (!vm) throw new AppError('stale_canvas', NOT_LINKED);
  return incidentDetailsCanvas(vm);
}

export async function submitUnlink(deps: IncidentFlowDeps, request: CanvasRequest): Promise<CanvasResponse> {
  const stored = decodeStoredData(request.storedData);
  if (stored?.flow !== 'incident' || !stored.linkId) throw new AppError('stale_canvas', NOT_LINKED);
  const { workspaceId, conversationId } = request;
  const now = deps.flow.clock.now();
  const { link, job } = await requestUnlink(deps.incidents, {
    workspaceId,
    conversationId,
    adminId: request.admin.id,
    linkId: stored.linkId,
    runAt: now + INLINE_GRACE_MS,
  });
  const incident = await deps.flow.store.incidents.get(workspaceId, link.trackerId);
  const number = incident?.ticketNumber ? `#${incident.ticketNumber}` : '';
  if (job.status === 'done') return actionResultCanvas({ kind: 'done', message: `Unlinked from incident ${number}`.trim() });
  const outcome = await tryNow(inlineDeps(deps), job, () => runUnlink(deps.incidents, workspaceId, link.id));
  deps.search.invalidate(workspaceId);
  if (outcome.kind === 'queued')
    return actionResultCanvas({ kind: 'queued', message: `Unlink from incident ${number} queued`.replace('  ', ' ') });
  if (outcome.kind === 'rejected') throw new AppError('intercom_rejected', `Not unlinked. ${rejectionText(outcome.reason)}`);
  return actionResultCanvas({ kind: 'done', message: `Unlinked from incident ${number}`.trim() });
}
