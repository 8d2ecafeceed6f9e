/**
 * The conversation's incident: state, how many conversations it has, how far the follow-ups are once resolved,
 * and Unlink. Also the block the first canvas shows (kept to three short lines and a link).
 */
import { encodeComponentId } from './component-ids';
import { button, finalizeCanvas, submitAction, text, urlAction } from './kit';
import type { CanvasResponse, Component } from './kit/types';
import { linkButton, lines, navigation, trim } from './shared-blocks';
import { encodeStoredData } from './stored-data';
import type { IncidentHintVM, IncidentVM } from './view-models';

function heading(vm: IncidentVM): string {
  if (vm.status === 'linking') return vm.number ? `Linking to incident #${vm.number}…` : 'Starting an incident…';
  return vm.number ? `Incident #${vm.number}` : 'Incident';
}

function statusLine(vm: IncidentVM): string {
  const count = vm.linkedCount === 1 ? '1 conversation' : `${vm.linkedCount} conversations`;
  const unlinking = vm.status === 'unlinking' ? ' · unlinking…' : '';
  return `${vm.stateLabel} · ${count}${unlinking}`;
}

function followUpLine(vm: IncidentVM): string | null {
  if (!vm.followUps) return null;
  const { done, total } = vm.followUps;
  return done >= total ? `Follow-ups sent to all ${total} conversations` : `Follow-ups sent: ${done} of ${total}`;
}

/** How much of the incident the first canvas shows, largest first: it shrinks when the canvas is short of room. */
export const INCIDENT_BLOCK_SIZES = ['full', 'compact', 'link'] as const;
export type IncidentBlockSize = (typeof INCIDENT_BLOCK_SIZES)[number];

/**
 * For the first canvas: heading, title, state and count (and follow-up progress), and the way in. `compact`: no
 * title, and state and progress share one line; `link`: only the way in, named after the incident.
 */
export function incidentBlock(vm: IncidentVM, size: IncidentBlockSize = 'full'): Component[] {
  if (size === 'link') {
    return [button({ id: encodeComponentId('incident_details'), label: trim(heading(vm), 40), style: 'link', action: submitAction() })];
  }
  const progress = followUpLine(vm);
  const body =
    size === 'compact'
      ? [{ text: trim(progress ? `${vm.stateLabel} · ${progress}` : statusLine(vm), 90), style: 'muted' as const }]
      : [
          { text: trim(vm.title, 60), style: 'muted' as const },
          { text: statusLine(vm), style: 'muted' as const },
          ...(progress ? [{ text: progress, style: 'muted' as const }] : []),
        ];
  return [
    ...lines([{ text: heading(vm), style: 'header' }, ...body]),
    button({ id: encodeComponentId('incident_details'), label: 'Incident details', style: 'link', action: submitAction() }),
  ];
}

/** The "noticed it first" line and its one-click link. */
export function incidentHintBlock(hint: IncidentHintVM): Component[] {
  const link = hint.trackerId
    ? button({
        id: encodeComponentId('incident_pick', hint.trackerId),
        label: 'Link to that incident',
        style: 'link',
        action: submitAction(),
      })
    : button({ id: encodeComponentId('incident_open'), label: 'Link to an incident', style: 'link', action: submitAction() });
  return [text(trim(hint.text, 140), { style: 'muted', bottomMargin: 'none' }), link];
}

export function incidentDetailsCanvas(vm: IncidentVM): CanvasResponse {
  const progress = followUpLine(vm);
  const components: Component[] = [
    ...lines([
      { text: heading(vm), style: 'header' },
      { text: trim(vm.title, 200) },
      { text: statusLine(vm), style: 'muted' },
      ...(progress ? [{ text: progress, style: 'muted' as const }] : []),
    ]),
    ...(vm.url
      ? [button({ id: 'incident_open_in_intercom', label: 'Open in Intercom', style: 'secondary', action: urlAction(vm.url) })]
      : []),
    ...(vm.status === 'linked'
      ? [
          button({
            id: encodeComponentId('incident_unlink'),
            label: 'Unlink this conversation',
            style: 'secondary',
            action: submitAction(),
          }),
        ]
      : []),
    ...navigation(linkButton('Back', 'back')),
  ];
  return finalizeCanvas(components, encodeStoredData({ v: 1, flow: 'incident', linkId: vm.linkId }), { first: false });
}
