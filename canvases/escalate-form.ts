/**
 * The escalate form: ticket type, priority, queue, reason, optional sharing, a summary preview. The same
 * screen redisplays after a failed submit with the teammate's values kept and the bad fields marked
 * (canvas-kit.md §7), and warns when the conversation already has an open ticket.
 */
import { CHECKBOX_OPTION_IDS, INPUT_IDS, encodeComponentId } from './component-ids';
import { MAX_SELECT_OPTIONS, button, checkbox, dropdown, finalizeCanvas, singleSelect, submitAction, text, textarea } from './kit';
import type { CanvasResponse, Component } from './kit/types';
import { PRIORITIES } from '../src/domain/model';
import { linkButton, lines, navigation, trim } from './parts';
import { encodeStoredData } from './stored-data';
import type { ChoiceVM, EscalateField, EscalateFormVM } from './view-models';

const PREVIEW_CHARS = 280;

export function escalateFormCanvas(vm: EscalateFormVM): CanvasResponse {
  const single = vm.ticketTypes.length === 1;
  const components: Component[] = [
    text('Escalate to back office', { style: 'header' }),
    ...(vm.formError ? [text(trim(vm.formError, 300), { style: 'error' })] : []),
    ...recommendationLines(vm),
    ...openTicketNotice(vm),
    ...pendingNotice(vm),
    ...ticketTypeField(vm),
    singleSelect({
      id: INPUT_IDS.priority,
      label: 'Priority',
      options: PRIORITIES.map((p) => ({ id: p, text: p })),
      value: vm.priority,
      saveState: failed(vm, 'priority'),
    }),
    ...fieldError(vm, 'priority'),
    dropdown({
      id: INPUT_IDS.queue,
      label: 'Queue',
      options: vm.queues.map((q) => ({ id: q.id, text: q.label })),
      value: vm.queue,
      saveState: failed(vm, 'queue'),
    }),
    ...fieldError(vm, 'queue'),
    textarea({ id: INPUT_IDS.reason, label: 'Reason', value: vm.reason, error: vm.fieldErrors?.reason ? true : undefined }),
    ...fieldError(vm, 'reason'),
    ...(vm.shareAllowed ? [shareCheckbox(vm)] : []),
    ...lines([
      { text: 'Summary preview', style: 'muted' },
      { text: trim(vm.summaryPreview, PREVIEW_CHARS) || '(empty conversation)', style: 'muted' },
    ]),
    createButton(vm),
    ...navigation(linkButton('Cancel', 'back')),
  ];
  const stored = { v: 1 as const, flow: 'escalate' as const, nonce: vm.nonce, conversationId: vm.conversationId };
  const typed = single ? { ...stored, ticketTypeId: vm.ticketTypes[0].id } : stored;
  // "Add a note instead" acts on the open ticket; Canvas Kit has no hidden input, so its id travels here.
  const data = vm.openTicket ? { ...typed, ticketId: vm.openTicket.ticketId } : typed;
  return finalizeCanvas(components, encodeStoredData(data), { first: false });
}

/** The recommendation the fields start from; the teammate's choice is what counts. */
function recommendationLines(vm: EscalateFormVM): Component[] {
  const rec = vm.recommendation;
  if (!rec) return [];
  return lines([
    { text: `Recommended: ${trim(rec.headline, 80)}`, style: 'muted' },
    ...(rec.closeCall ? [{ text: trim(rec.closeCall, 80), style: 'muted' as const }] : []),
  ]);
}

function failed(vm: EscalateFormVM, field: EscalateField): 'failed' | undefined {
  return vm.fieldErrors?.[field] ? 'failed' : undefined;
}

function fieldError(vm: EscalateFormVM, field: EscalateField): Component[] {
  const message = vm.fieldErrors?.[field];
  return message ? [text(trim(message, 200), { style: 'error' })] : [];
}

/** One type needs no choice: it is shown as text and travels in stored_data (Canvas Kit has no hidden input). */
function ticketTypeField(vm: EscalateFormVM): Component[] {
  if (vm.ticketTypes.length === 1) {
    return [text(`Ticket type: ${vm.ticketTypes[0].label}`, { style: 'muted' }), ...fieldError(vm, 'ticket_type')];
  }
  const options = selectableTypes(vm);
  const field = dropdown({
    id: INPUT_IDS.ticketType,
    label: 'Ticket type',
    options: options.map((t) => ({ id: t.id, text: t.label })),
    // A default that is no longer a back-office type is not preselected; the teammate picks one.
    value: options.some((t) => t.id === vm.ticketTypeId) ? vm.ticketTypeId : undefined,
    saveState: failed(vm, 'ticket_type'),
  });
  return [field, ...fieldError(vm, 'ticket_type')];
}

/** A dropdown takes at most 10 options: keep the preselected type and fill up in the given order. */
export function selectableTypes(vm: EscalateFormVM): ChoiceVM[] {
  const selected = vm.ticketTypes.find((t) => t.id === vm.ticketTypeId);
  const others = vm.ticketTypes.filter((t) => t.id !== vm.ticketTypeId);
  const picked = selected ? [selected, ...others.slice(0, MAX_SELECT_OPTIONS - 1)] : others.slice(0, MAX_SELECT_OPTIONS);
  return vm.ticketTypes.filter((t) => picked.includes(t));
}

function shareCheckbox(vm: EscalateFormVM): Component {
  const id = CHECKBOX_OPTION_IDS.shareWithCustomer;
  return checkbox({
    id: INPUT_IDS.shareWithCustomer,
    label: 'Customer visibility',
    options: [{ id, text: 'Share with customer' }],
    value: vm.shareWithCustomer ? [id] : [],
  });
}

function openTicketNotice(vm: EscalateFormVM): Component[] {
  const open = vm.openTicket;
  if (!open) return [];
  return [
    ...lines([
      { text: `This conversation already has an open ticket: ${trim(open.title, 56)} · #${open.ticketNumber}` },
      { text: 'Add a note to it instead, or create another ticket if this is a separate problem.', style: 'muted' },
    ]),
    button({
      id: encodeComponentId('escalate_add_note_instead'),
      label: `Add a note to #${open.ticketNumber} instead`,
      style: 'secondary',
      action: submitAction(),
    }),
  ];
}

/** An escalation still on its way: there is no ticket to add a note to yet, but a second one stays a choice. */
function pendingNotice(vm: EscalateFormVM): Component[] {
  const pending = vm.pendingEscalation;
  if (!pending || vm.openTicket) return [];
  return lines([
    { text: `This conversation already has an escalation on its way: ${trim(pending.message, 60)}` },
    { text: 'Its ticket will appear in the sidebar. Create another only if this is a separate problem.', style: 'muted' },
  ]);
}

/** With an open ticket the only create button is the explicit "anyway", so a second ticket is always a choice. */
function createButton(vm: EscalateFormVM): Component {
  return vm.openTicket || vm.pendingEscalation
    ? button({ id: encodeComponentId('escalate_force'), label: 'Create another ticket anyway', style: 'primary', action: submitAction() })
    : button({ id: encodeComponentId('escalate_submit'), label: 'Create ticket', style: 'primary', action: submitAction() });
}
