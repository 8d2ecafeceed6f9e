/** Change a linked ticket's priority; the SLA due time is recomputed from the time already spent. */
import { INPUT_IDS, encodeComponentId } from './component-ids';
import { PRIORITIES } from '../src/domain/model';
import { button, finalizeCanvas, singleSelect, submitAction, text } from './kit';
import type { CanvasResponse } from './kit/types';
import { linkButton, navigation, trim } from './shared-blocks';
import { encodeStoredData } from './stored-data';
import type { PriorityFormVM } from './view-models';

export function priorityFormCanvas(vm: PriorityFormVM): CanvasResponse {
  const components = [
    text(`Change priority of #${vm.ticketNumber}`, { style: 'header' }),
    text(`${trim(vm.title, 120)} · now ${vm.current}`, { style: 'muted' }),
    singleSelect({
      id: INPUT_IDS.newPriority,
      label: 'New priority',
      options: PRIORITIES.map((p) => ({ id: p, text: p })),
      value: vm.selected ?? vm.current,
      saveState: vm.error ? 'failed' : undefined,
    }),
    ...(vm.error ? [text(trim(vm.error, 200), { style: 'error' })] : []),
    text('The SLA due time is recalculated from the time already spent.', { style: 'muted' }),
    button({
      id: encodeComponentId('ticket_priority_submit', vm.ticketId),
      label: 'Change priority',
      style: 'primary',
      action: submitAction(),
    }),
    ...navigation(linkButton('Cancel', 'ticket_details', vm.ticketId)),
  ];
  return finalizeCanvas(components, encodeStoredData({ v: 1, flow: 'priority', nonce: vm.nonce, ticketId: vm.ticketId }), { first: false });
}
