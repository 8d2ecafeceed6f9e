/** The two confirming forms: link to the picked incident (with an optional note), and start a new one. */
import { encodeComponentId, INPUT_IDS } from './component-ids';
import { button, finalizeCanvas, input, submitAction, text, textarea } from './kit';
import type { CanvasResponse } from './kit/types';
import { linkButton, navigation, trim } from './shared-blocks';
import { encodeStoredData } from './stored-data';
import type { IncidentLinkFormVM, IncidentStartFormVM } from './view-models';

export function incidentLinkFormCanvas(vm: IncidentLinkFormVM): CanvasResponse {
  const { option } = vm;
  const count = option.linkedCount === 1 ? '1 conversation linked' : `${option.linkedCount} conversations linked`;
  const components = [
    text(option.number ? `Link to incident #${option.number}` : 'Link to this incident', { style: 'header' }),
    text(trim(option.title, 160), { style: 'muted' }),
    text(`${option.stateLabel ?? 'Open'} · ${count}`, { style: 'muted' }),
    textarea({
      id: INPUT_IDS.incidentNote,
      label: 'Note for the incident (optional)',
      placeholder: 'What this customer adds: account, timing, workaround tried…',
      value: vm.note || undefined,
      error: vm.error ? true : undefined,
    }),
    ...(vm.error ? [text(trim(vm.error, 200), { style: 'error' })] : []),
    button({ id: encodeComponentId('incident_link_submit'), label: 'Link conversation', style: 'primary', action: submitAction() }),
    ...navigation(linkButton('Back to search', 'incident_open')),
  ];
  return finalizeCanvas(components, encodeStoredData({ v: 1, flow: 'incident', nonce: vm.nonce, ticketId: option.trackerId }), {
    first: false,
  });
}

export function incidentStartFormCanvas(vm: IncidentStartFormVM): CanvasResponse {
  const components = [
    text('Start an incident', { style: 'header' }),
    text('A tracker ticket with this conversation’s handoff summary, linked to it. Other conversations can then be linked to it.', {
      style: 'muted',
    }),
    input({ id: INPUT_IDS.incidentTitle, label: 'Title', value: vm.title || undefined, placeholder: 'What is broken, for whom' }),
    ...(vm.error ? [text(trim(vm.error, 200), { style: 'error' })] : []),
    button({ id: encodeComponentId('incident_start_submit'), label: 'Start incident', style: 'primary', action: submitAction() }),
    ...navigation(linkButton('Back to search', 'incident_open')),
  ];
  return finalizeCanvas(components, encodeStoredData({ v: 1, flow: 'incident', nonce: vm.nonce }), { first: false });
}
