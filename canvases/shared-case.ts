/**
 * "Add to an existing case": search the workspace's open back-office tickets (title words or number), pick one,
 * confirm with an optional note. The ticket stays the other conversation's; this one is attached to it.
 */
import { encodeComponentId, INPUT_IDS } from './component-ids';
import { button, finalizeCanvas, input, submitAction, text, textarea } from './kit';
import type { CanvasResponse, Component } from './kit/types';
import { linkButton, navigation, trim } from './shared-blocks';
import { encodeStoredData } from './stored-data';
import type { CaseAttachFormVM, CaseOptionVM, CaseSearchVM } from './view-models';

export function caseOptionLabel(option: CaseOptionVM): string {
  return `#${trim(option.number, 12)} · ${trim(option.title, 48)} (${trim(option.stateLabel, 20)})`;
}

export function caseSearchCanvas(vm: CaseSearchVM): CanvasResponse {
  const results: Component[] = vm.results.map((option) =>
    button({ id: encodeComponentId('case_pick', option.ticketId), label: caseOptionLabel(option), style: 'link', action: submitAction() }),
  );
  const components: Component[] = [
    text('Add to an existing case', { style: 'header' }),
    text('Attach this conversation to a ticket another conversation opened: both show it, and both hear when it resolves.', {
      style: 'muted',
    }),
    input({
      id: INPUT_IDS.caseQuery,
      label: 'Search open cases',
      placeholder: 'Words of the title, or its number',
      value: vm.query || undefined,
      action: submitAction(),
    }),
    ...(vm.error ? [text(trim(vm.error, 200), { style: 'error' })] : []),
    button({ id: encodeComponentId('case_search'), label: 'Search', style: 'secondary', action: submitAction() }),
    ...(vm.empty && !vm.error
      ? [text(vm.query ? 'No open case matches that.' : 'No case is open in this workspace.', { style: 'muted' })]
      : []),
    ...results,
    ...navigation(linkButton('Cancel', 'back')),
  ];
  return finalizeCanvas(components, encodeStoredData({ v: 1, flow: 'case' }), { first: false });
}

export function caseAttachFormCanvas(vm: CaseAttachFormVM): CanvasResponse {
  const { option } = vm;
  const components = [
    text(`Add to case #${trim(option.number, 12)}`, { style: 'header' }),
    text(trim(option.title, 160), { style: 'muted' }),
    text(option.stateLabel, { style: 'muted' }),
    text('A note on the ticket will say this conversation reported it too, with its handoff summary.', { style: 'muted' }),
    textarea({
      id: INPUT_IDS.caseNote,
      label: 'Note for the ticket (optional)',
      placeholder: 'What this customer adds: account, timing, workaround tried…',
      value: vm.note || undefined,
      error: vm.error ? true : undefined,
    }),
    ...(vm.error ? [text(trim(vm.error, 200), { style: 'error' })] : []),
    button({ id: encodeComponentId('case_attach_submit'), label: 'Add to case', style: 'primary', action: submitAction() }),
    ...navigation(linkButton('Back to search', 'case_open')),
  ];
  return finalizeCanvas(components, encodeStoredData({ v: 1, flow: 'case', nonce: vm.nonce, ticketId: option.ticketId }), { first: false });
}
