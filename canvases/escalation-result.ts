/**
 * After Create ticket: ✅ with the ticket number, or ⏳ when Intercom was unreachable and the escalation waits
 * in the outbox. Either way a Done link leads back to the sidebar. (Intercom rejecting the ticket is not a
 * result: the form comes back with its message, see escalate-form.ts.)
 */
import { button, finalizeCanvas, urlAction } from './kit';
import type { CanvasResponse, Component } from './kit/types';
import { QUEUED_TEXT, linkButton, lines, navigation, trim } from './shared-blocks';
import { encodeStoredData } from './stored-data';
import type { EscalationResultVM } from './view-models';

export function escalationResultCanvas(vm: EscalationResultVM): CanvasResponse {
  const body: Component[] =
    vm.kind === 'created'
      ? [
          ...lines([
            { text: `✅ Ticket #${vm.ticketNumber} created`, style: 'header' },
            { text: trim(vm.title, 120) },
            { text: `${vm.priority} · ${vm.queueLabel}`, style: 'muted' },
          ]),
          button({ id: 'open_created_ticket', label: 'Open in Intercom', style: 'secondary', action: urlAction(vm.url) }),
        ]
      : lines([
          { text: QUEUED_TEXT, style: 'header' },
          { text: `${vm.priority} · ${vm.queueLabel}`, style: 'muted' },
          { text: 'Your reason and the handoff summary are saved. The sidebar shows the escalation as pending until the ticket exists.' },
        ]);
  return finalizeCanvas([...body, ...navigation(linkButton('Done', 'back'))], encodeStoredData({ v: 1, flow: 'home' }), { first: false });
}
