/**
 * "Start an incident": a tracker ticket made from this conversation (its handoff summary, the escalation
 * context's title), linked to it at creation. Like the escalate form, it needs the person in the details panel
 * (Intercom creates a ticket with exactly one contact). The submit reserves and runs the start job once inline.
 */
import { actionResultCanvas } from '../../../canvases/action-result';
import { INPUT_IDS } from '../../../canvases/component-ids';
import { incidentStartFormCanvas } from '../../../canvases/incident-forms';
import { decodeStoredData } from '../../../canvases/stored-data';
import { loadContext, ticketTitle } from '../../services/escalation';
import { giveUpLink, reserveStart, runStart, startJobPayload, trackerTypeId } from '../../services/incidents';
import { AppError } from '../../util/app-error';
import { randomNonce } from '../../util/nonce';
import { selectPersonCanvas } from '../escalation/screens';
import { inputText } from '../ticket-actions/action-context';
import { INLINE_GRACE_MS, rejectionText, tryNow } from '../ticket-actions/inline';
import type { CanvasRequest, CanvasResponse } from '../types';
import { type IncidentFlowDeps, inlineDeps } from './deps';

export const INCIDENT_TITLE_MAX_CHARS = 200;

export async function openStart(deps: IncidentFlowDeps, request: CanvasRequest): Promise<CanvasResponse> {
  if (!request.contact) return selectPersonCanvas();
  const context = await loadContext(deps.incidents.escalation, request);
  return incidentStartFormCanvas({ title: ticketTitle(context), nonce: randomNonce(), error: null });
}

export async function submitStart(deps: IncidentFlowDeps, request: CanvasRequest): Promise<CanvasResponse> {
  const stored = decodeStoredData(request.storedData);
  if (stored?.flow !== 'incident' || !stored.nonce)
    throw new AppError('stale_canvas', 'This form is out of date. Open “Start an incident” again.');
  if (!request.contact) return selectPersonCanvas();
  const title = inputText(request, INPUT_IDS.incidentTitle).trim();
  const titleError =
    title === ''
      ? 'Give the incident a title.'
      : title.length > INCIDENT_TITLE_MAX_CHARS
        ? `Titles are limited to ${INCIDENT_TITLE_MAX_CHARS} characters (this one has ${title.length}).`
        : null;
  if (titleError)
    return incidentStartFormCanvas({ title: title.slice(0, INCIDENT_TITLE_MAX_CHARS * 2), nonce: stored.nonce, error: titleError });
  const { workspaceId } = request;
  const [context, typeId] = await Promise.all([
    loadContext(deps.incidents.escalation, request),
    deps.flow.directory.clientFor(workspaceId).then(trackerTypeId),
  ]);
  const now = deps.flow.clock.now();
  const reserved = await reserveStart(deps.incidents, {
    context,
    adminId: request.admin.id,
    title,
    ticketTypeId: typeId,
    nonce: stored.nonce,
    runAt: now + INLINE_GRACE_MS,
  });
  if (reserved.kind === 'already_linked')
    throw new AppError('stale_canvas', 'This conversation is already linked to an incident. Unlink it first (Incident details › Unlink).');
  if (reserved.kind === 'duplicate' || !reserved.job) {
    if (reserved.link.status === 'failed')
      throw new AppError('intercom_rejected', reserved.link.lastError ?? 'Intercom did not create the incident.');
    return actionResultCanvas({
      kind: reserved.link.status === 'linking' ? 'queued' : 'done',
      message: 'Incident started from this conversation',
    });
  }
  const outcome = await tryNow(inlineDeps(deps), reserved.job, () =>
    runStart(deps.incidents, workspaceId, startJobPayload.parse(reserved.job!.payload)),
  );
  deps.search.invalidate(workspaceId);
  if (outcome.kind === 'queued') return actionResultCanvas({ kind: 'queued', message: 'Incident queued: it will be created and linked' });
  if (outcome.kind === 'rejected') {
    await deps.flow.store.transaction((tx) => giveUpLink(tx, deps.flow.clock.now(), workspaceId, reserved.link.id, outcome.reason));
    return incidentStartFormCanvas({ title, nonce: randomNonce(), error: `Not started. ${rejectionText(outcome.reason)}` });
  }
  if (outcome.result.kind === 'refused')
    return incidentStartFormCanvas({ title, nonce: randomNonce(), error: `Not started. ${outcome.result.message}` });
  const number = outcome.result.kind === 'started' ? outcome.result.tracker.ticket_id : null;
  return actionResultCanvas({
    kind: 'done',
    message: number ? `Incident #${number} started` : 'Incident started',
    detail: 'Link other conversations to it with “Link to an incident”.',
  });
}
