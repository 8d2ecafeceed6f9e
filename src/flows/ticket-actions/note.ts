/**
 * Add note: a textarea → an internal note on the ticket (`POST /tickets/{id}/reply`, `cross_post` when the
 * teammate ticks "Cross-post to this conversation"). The text is validated and length-limited, escaped into
 * HTML, and marked as Handoff's so it never counts as the back-office team's first response. One note per form:
 * the form's nonce is the outbox dedupe key, so a double click or a replayed submit posts nothing new.
 */
import { actionResultCanvas } from '../../../canvases/action-result';
import { CHECKBOX_OPTION_IDS, INPUT_IDS } from '../../../canvases/component-ids';
import { noteFormCanvas } from '../../../canvases/note-form';
import { escapeHtml } from '../../domain/text';
import type { CanvasRequest } from '../types';
import { postTicketNote } from '../../services/sync/intercom-writes';
import { dedupeKeys, SYNC_JOB_KINDS, type TicketNotePayload } from '../../services/sync/sync-jobs';
import { HANDOFF_NOTE_MARK } from '../../services/sync/ticket-events';
import type { TicketLink } from '../../store';
import type { CanvasResponse } from '../types';
import { formState, inputChecked, inputText, loadTicket, resultOfExisting, type TicketActionDeps, ticketNumber } from './action-context';
import { randomNonce } from '../../util/nonce';
import { INLINE_GRACE_MS, rejectionText, tryNow } from './inline';

export const NOTE_MAX_CHARS = 4_000;

/** Blank lines separate paragraphs, single newlines break lines; everything the teammate typed is escaped. */
export function noteHtml(text: string): string {
  const paragraphs = text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\r?\n/g, '<br>')}</p>`);
  return `${paragraphs.join('')}<p><em>Added from the conversation ${HANDOFF_NOTE_MARK}</em></p>`;
}

export function validateNote(text: string): string | null {
  const length = text.trim().length;
  if (length === 0) return 'Write the note first.';
  if (length > NOTE_MAX_CHARS)
    return `Notes are limited to ${NOTE_MAX_CHARS.toLocaleString('en-US')} characters (this one has ${length.toLocaleString('en-US')}).`;
  return null;
}

function form(ticket: TicketLink, state: { nonce: string; body: string; crossPost: boolean; error?: string | null }) {
  return noteFormCanvas({ ...state, ticketId: ticket.ticketId, ticketNumber: ticketNumber(ticket), title: ticket.title });
}

export async function openNoteForm(deps: TicketActionDeps, request: CanvasRequest, ticketId: string): Promise<CanvasResponse> {
  const ticket = await loadTicket(deps, request, ticketId);
  return form(ticket, { nonce: randomNonce(), body: '', crossPost: false });
}

export async function submitNote(deps: TicketActionDeps, request: CanvasRequest, ticketId: string): Promise<CanvasResponse> {
  const { nonce } = formState(request, 'note', ticketId);
  const ticket = await loadTicket(deps, request, ticketId);
  const body = inputText(request, INPUT_IDS.noteBody);
  const crossPost = inputChecked(request, INPUT_IDS.crossPost, CHECKBOX_OPTION_IDS.crossPost);
  const invalid = validateNote(body);
  if (invalid) return form(ticket, { nonce, body: body.slice(0, NOTE_MAX_CHARS * 2), crossPost, error: invalid });

  const { workspaceId } = request;
  const number = ticketNumber(ticket);
  const done = `Note added to ticket #${number}`;
  const payload: TicketNotePayload = { ticketId, adminId: request.admin.id, body: noteHtml(body), crossPost };
  const now = deps.flow.clock.now();
  const { created, job } = await deps.flow.store.outbox.enqueue(workspaceId, {
    kind: SYNC_JOB_KINDS.ticketNote,
    dedupeKey: dedupeKeys.ticketNote(ticketId, nonce),
    payload,
    now,
    runAt: now + INLINE_GRACE_MS,
  });
  if (!created) return resultOfExisting(job, { done, ticketId });

  const outcome = await tryNow(deps, job, () => postTicketNote(deps.sync, workspaceId, payload, { mayHavePosted: false, notBefore: now }));
  if (outcome.kind === 'rejected') {
    // The dead job keeps this nonce; a fresh one lets the teammate fix and send again.
    return form(ticket, { nonce: randomNonce(), body, crossPost, error: `The note was not added. ${rejectionText(outcome.reason)}` });
  }
  const detail = crossPost ? 'Also posted in this conversation.' : null;
  if (outcome.kind === 'done') return actionResultCanvas({ kind: 'done', message: done, detail, ticketId });
  return actionResultCanvas({ kind: 'queued', message: `Note for ticket #${number} queued`, ticketId });
}
