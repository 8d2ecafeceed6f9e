/** "Link to an incident": search the workspace's open incidents (tracker tickets) by title or number, pick one. */
import { encodeComponentId, INPUT_IDS } from './component-ids';
import { button, finalizeCanvas, input, submitAction, text } from './kit';
import type { CanvasResponse, Component } from './kit/types';
import { linkButton, navigation, trim } from './shared-blocks';
import { encodeStoredData } from './stored-data';
import type { IncidentOptionVM, IncidentSearchVM } from './view-models';

export function optionLabel(option: IncidentOptionVM): string {
  const number = option.number ? `#${option.number} · ` : '';
  const count = option.linkedCount === 1 ? '1 conversation' : `${option.linkedCount} conversations`;
  return `${number}${trim(option.title, 48)} (${count})`;
}

export function incidentSearchCanvas(vm: IncidentSearchVM): CanvasResponse {
  const results: Component[] = vm.results.map((option) =>
    button({ id: encodeComponentId('incident_pick', option.trackerId), label: optionLabel(option), style: 'link', action: submitAction() }),
  );
  const components: Component[] = [
    text('Link to an incident', { style: 'header' }),
    input({
      id: INPUT_IDS.incidentQuery,
      label: 'Search open incidents',
      placeholder: 'Words of the title, or its number',
      value: vm.query || undefined,
      action: submitAction(),
    }),
    ...(vm.error ? [text(trim(vm.error, 200), { style: 'error' })] : []),
    button({ id: encodeComponentId('incident_search'), label: 'Search', style: 'secondary', action: submitAction() }),
    ...(vm.empty && !vm.error
      ? [text(vm.query ? 'No open incident matches that.' : 'No incident is open in this workspace.', { style: 'muted' })]
      : []),
    ...results,
    text('Nothing fits? Start one from this conversation.', { style: 'muted' }),
    button({ id: encodeComponentId('incident_start_open'), label: 'Start an incident', style: 'secondary', action: submitAction() }),
    ...navigation(linkButton('Cancel', 'back')),
  ];
  return finalizeCanvas(components, encodeStoredData({ v: 1, flow: 'incident' }), { first: false });
}
