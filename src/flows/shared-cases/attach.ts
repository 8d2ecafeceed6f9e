/**
 * `case_attach_submit`: attach this conversation to the picked case. The ticket id came back from a canvas, so the
 * service checks it again inside its transaction (this workspace's, known, open, not this conversation's own). The
 * note on the ticket is an outbox job, tried once inline: posted → done; Intercom slow or down → the attachment
 * stands and the note is queued; Intercom refused the note → the attachment stands, the teammate is told.
 */
import { actionResultCanvas } from '../../../canvases/action-result';
import { INPUT_IDS } from '../../../canvases/component-ids';
import { caseAttachFormCanvas } from '../../../canvases/shared-case';
import { decodeStoredData } from '../../../canvases/stored-data';
import { loadContext } from '../../services/escalation';
import { attachToCase } from '../../services/shared-cases';
import { postTicketNote } from '../../services/sync/intercom-writes';
import { ticketNotePayload } from '../../services/sync/sync-jobs';
import { AppError } from '../../util/app-error';
import { randomNonce } from '../../util/nonce';
import { selectPersonCanvas } from '../escalation/screens';
import { inputText } from '../ticket-actions/action-context';
import { INLINE_GRACE_MS, rejectionText, tryNow } from '../ticket-actions/inline';
import type { CanvasRequest, CanvasResponse } from '../types';
import type { SharedCaseFlowDeps } from './deps';
import { caseOption, searchScreen } from './search';

export const CASE_NOTE_MAX_CHARS = 2_000;
const STALE_FORM = 'This form is out of date. Open “Add to an existing case” again from the sidebar.';

export async function submitAttach(deps: SharedCaseFlowDeps, request: CanvasRequest): Promise<CanvasResponse> {
  const stored = decodeStoredData(request.storedData);
  if (stored?.flow !== 'case' || !stored.nonce || !stored.ticketId) throw new AppError('stale_canvas', STALE_FORM);
  if (!request.contact) return selectPersonCanvas();
  const { workspaceId, conversationId } = request;
  const ticket = await deps.flow.store.tickets.get(workspaceId, stored.ticketId);
  if (!ticket)
    return searchScreen(deps.flow, request, '', { kind: 'recent' }, 'That ticket is not a case Handoff knows in this workspace.');
  const option = caseOption(ticket);
  const typed = inputText(request, INPUT_IDS.caseNote).trim();
  if (typed.length > CASE_NOTE_MAX_CHARS) {
    const error = `Notes are limited to ${CASE_NOTE_MAX_CHARS.toLocaleString('en-US')} characters (this one has ${typed.length.toLocaleString('en-US')}).`;
    return caseAttachFormCanvas({ option, nonce: stored.nonce, note: typed.slice(0, CASE_NOTE_MAX_CHARS * 2), error });
  }
  const note = typed === '' ? null : typed;
  const context = await loadContext(deps.cases.escalation, { workspaceId, conversationId, contact: request.contact });
  const outcome = await attachToCase(deps.cases, {
    context,
    adminId: request.admin.id,
    ticketId: ticket.ticketId,
    note,
    nonce: stored.nonce,
    runAt: deps.flow.clock.now() + INLINE_GRACE_MS,
  });
  const number = `#${option.number}`;
  if (outcome.kind === 'refused') return caseAttachFormCanvas({ option, nonce: randomNonce(), note: typed, error: outcome.message });
  if (!outcome.attachment.attached)
    return actionResultCanvas({ kind: 'done', message: `This conversation was detached from case ${number} since.` });
  const done = actionResultCanvas({ kind: 'done', message: `Added to case ${number}`, detail: 'Both conversations now show the ticket.' });
  if (outcome.kind === 'duplicate' || !outcome.job || outcome.job.status === 'done') return done;
  const job = outcome.job;
  const inline = await tryNow({ flow: deps.flow, sync: deps.cases.sync }, job, () =>
    postTicketNote(deps.cases.sync, workspaceId, ticketNotePayload.parse(job.payload), { mayHavePosted: false, notBefore: job.createdAt }),
  );
  if (inline.kind === 'queued')
    return actionResultCanvas({
      kind: 'done',
      message: `Added to case ${number}`,
      detail: 'The note on the ticket is queued: Intercom is slow right now.',
    });
  if (inline.kind === 'rejected')
    return actionResultCanvas({
      kind: 'done',
      message: `Added to case ${number}`,
      detail: `The note on the ticket was not posted. ${rejectionText(inline.reason)}`,
    });
  return done;
}
