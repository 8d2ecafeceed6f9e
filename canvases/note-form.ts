/** Add a note to a linked ticket, optionally cross-posted into this conversation. */
import { CHECKBOX_OPTION_IDS, INPUT_IDS, encodeComponentId } from './component-ids';
import { button, checkbox, finalizeCanvas, submitAction, text, textarea } from './kit';
import type { CanvasResponse } from './kit/types';
import { linkButton, navigation, trim } from './shared-blocks';
import { encodeStoredData } from './stored-data';
import type { NoteFormVM } from './view-models';

export function noteFormCanvas(vm: NoteFormVM): CanvasResponse {
  const crossPost = CHECKBOX_OPTION_IDS.crossPost;
  const components = [
    text(`Add a note to #${vm.ticketNumber}`, { style: 'header' }),
    text(trim(vm.title, 120), { style: 'muted' }),
    textarea({
      id: INPUT_IDS.noteBody,
      label: 'Note',
      placeholder: 'What should the back-office team know?',
      value: vm.body || undefined,
      error: vm.error ? true : undefined,
    }),
    ...(vm.error ? [text(trim(vm.error, 200), { style: 'error' })] : []),
    checkbox({
      id: INPUT_IDS.crossPost,
      label: 'Conversation',
      options: [{ id: crossPost, text: 'Cross-post to this conversation' }],
      value: vm.crossPost ? [crossPost] : [],
    }),
    button({ id: encodeComponentId('ticket_note_submit', vm.ticketId), label: 'Add note', style: 'primary', action: submitAction() }),
    ...navigation(linkButton('Cancel', 'ticket_details', vm.ticketId)),
  ];
  return finalizeCanvas(components, encodeStoredData({ v: 1, flow: 'note', nonce: vm.nonce, ticketId: vm.ticketId }), { first: false });
}
