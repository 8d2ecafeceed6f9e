/** The end of a ticket action (note, priority, refresh): what happened, or that it is queued, and the way back. */
import { finalizeCanvas } from './kit';
import type { ButtonComponent, CanvasResponse } from './kit/types';
import { linkButton, lines, navigation, trim } from './shared-blocks';
import { encodeStoredData } from './stored-data';
import type { ActionResultVM } from './view-models';

export function actionResultCanvas(vm: ActionResultVM): CanvasResponse {
  const marker = vm.kind === 'done' ? '✅' : '⏳';
  const detail =
    vm.detail ?? (vm.kind === 'queued' ? 'Intercom is not answering right now; this will be sent automatically, nothing is lost.' : null);
  const links: ButtonComponent[] = [linkButton('Done', 'back')];
  if (vm.ticketId) links.push(linkButton('Back to ticket', 'ticket_details', vm.ticketId));
  const components = [
    ...lines([
      { text: `${marker} ${trim(vm.message, 120)}`, style: 'header' },
      ...(detail ? [{ text: trim(detail, 300), style: 'muted' as const }] : []),
    ]),
    ...navigation(...links),
  ];
  return finalizeCanvas(components, encodeStoredData({ v: 1, flow: 'home' }), { first: false });
}
