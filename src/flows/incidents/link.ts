/**
 * `incident_link_submit`: link this conversation to the picked incident. The tracker is read again (it may have
 * moved since the form opened, and the id came back from a canvas), the link and its job are reserved, then the
 * job runs once inline: linked → done; Intercom refused → the form again with the reason in plain words and a
 * fresh nonce; Intercom slow or down → queued, the outbox finishes it.
 */
import { actionResultCanvas } from '../../../canvases/action-result';
import { INPUT_IDS } from '../../../canvases/component-ids';
import { incidentLinkFormCanvas } from '../../../canvases/incident-forms';
import { decodeStoredData } from '../../../canvases/stored-data';
import { giveUpLink, type LinkOutcome, readTracker, reserveLink, runLink, toOption } from '../../services/incidents';
import type { IncidentLink } from '../../store';
import { AppError } from '../../util/app-error';
import { randomNonce } from '../../util/nonce';
import { inputText } from '../ticket-actions/action-context';
import { INLINE_GRACE_MS, rejectionText, tryNow } from '../ticket-actions/inline';
import type { CanvasRequest, CanvasResponse } from '../types';
import { type IncidentFlowDeps, inlineDeps } from './deps';

export const INCIDENT_NOTE_MAX_CHARS = 2_000;

export async function submitLink(deps: IncidentFlowDeps, request: CanvasRequest): Promise<CanvasResponse> {
  const stored = decodeStoredData(request.storedData);
  if (stored?.flow !== 'incident' || !stored.nonce || !stored.ticketId) {
    throw new AppError('stale_canvas', 'This form is out of date. Open “Link to an incident” again from the sidebar.');
  }
  const { workspaceId, conversationId } = request;
  const ticket = await readTracker(deps.incidents, workspaceId, stored.ticketId);
  const option = toOption(ticket, deps.flow.clock.now());
  const note = inputText(request, INPUT_IDS.incidentNote).trim();
  if (note.length > INCIDENT_NOTE_MAX_CHARS) {
    const error = `Notes are limited to ${INCIDENT_NOTE_MAX_CHARS.toLocaleString('en-US')} characters (this one has ${note.length.toLocaleString('en-US')}).`;
    return incidentLinkFormCanvas({ option, nonce: stored.nonce, note: note.slice(0, INCIDENT_NOTE_MAX_CHARS * 2), error });
  }
  const now = deps.flow.clock.now();
  const reserved = await reserveLink(deps.incidents, {
    workspaceId,
    conversationId,
    adminId: request.admin.id,
    trackerId: option.trackerId,
    note: note === '' ? null : note,
    nonce: stored.nonce,
    runAt: now + INLINE_GRACE_MS,
  });
  const number = option.number ? `#${option.number}` : 'the incident';
  if (reserved.kind === 'already_linked') return alreadyLinked(deps, reserved.link, option.trackerId);
  if (reserved.kind === 'duplicate' || !reserved.job) return linkStatus(reserved.link, number);
  const outcome = await tryNow(inlineDeps(deps), reserved.job, () => runLink(deps.incidents, workspaceId, reserved.link.id));
  deps.search.invalidate(workspaceId);
  if (outcome.kind === 'queued') return actionResultCanvas({ kind: 'queued', message: `Link to incident ${number} queued` });
  if (outcome.kind === 'rejected') {
    // The job is dead: the link must stop showing as on its way, as the worker's dead-letter handler would do.
    await deps.flow.store.transaction((tx) => giveUpLink(tx, deps.flow.clock.now(), workspaceId, reserved.link.id, outcome.reason));
    return incidentLinkFormCanvas({ option, nonce: randomNonce(), note, error: `Not linked. ${rejectionText(outcome.reason)}` });
  }
  return resultOf(outcome.result, number, option, note);
}

function resultOf(outcome: LinkOutcome, number: string, option: ReturnType<typeof toOption>, note: string): CanvasResponse {
  if (outcome.kind === 'refused')
    return incidentLinkFormCanvas({ option, nonce: randomNonce(), note, error: `Not linked. ${outcome.message}` });
  return linkStatus(outcome.link, number);
}

function linkStatus(link: IncidentLink, number: string): CanvasResponse {
  switch (link.status) {
    case 'linked':
    case 'unlinking':
      return actionResultCanvas({
        kind: 'done',
        message: `Linked to incident ${number}`,
        detail: link.note ? 'Your note is on its way to the incident.' : null,
      });
    case 'linking':
      return actionResultCanvas({ kind: 'queued', message: `Link to incident ${number} queued` });
    case 'unlinked':
      return actionResultCanvas({ kind: 'done', message: `This link to incident ${number} was undone since.` });
    case 'failed':
      throw new AppError('intercom_rejected', link.lastError ?? 'Intercom did not link the conversation.');
  }
}

async function alreadyLinked(deps: IncidentFlowDeps, standing: IncidentLink, wanted: string): Promise<CanvasResponse> {
  const incident = standing.trackerId ? await deps.flow.store.incidents.get(standing.workspaceId, standing.trackerId) : null;
  const which = incident?.ticketNumber ? `incident #${incident.ticketNumber}` : 'an incident';
  if (standing.trackerId === wanted) return actionResultCanvas({ kind: 'done', message: `Already linked to ${which}` });
  throw new AppError('stale_canvas', `This conversation is already linked to ${which}. Unlink it there first (Incident details › Unlink).`);
}
