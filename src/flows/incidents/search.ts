/**
 * "Link to an incident": the search form (the most recent open incidents first, before anything is typed), a
 * search, and picking a result, which reads that tracker from Intercom so the confirming form shows its current
 * state and count. A typed query is bounded before it costs a call (src/domain/incidents/search-query.ts); a
 * picked id is only ever used through this workspace's token, so another workspace's tracker is simply not found.
 */
import { INPUT_IDS } from '../../../canvases/component-ids';
import { incidentLinkFormCanvas } from '../../../canvases/incident-forms';
import { incidentSearchCanvas } from '../../../canvases/incident-search';
import type { IncidentOptionVM } from '../../../canvases/view-models';
import { type IncidentQuery, MAX_SEARCH_CHARS, parseIncidentQuery } from '../../domain/incidents/search-query';
import { readTracker, toOption } from '../../services/incidents';
import { randomNonce } from '../../util/nonce';
import { inputText } from '../ticket-actions/action-context';
import type { CanvasRequest, CanvasResponse } from '../types';
import type { IncidentFlowDeps } from './deps';

export async function openSearch(deps: IncidentFlowDeps, request: CanvasRequest): Promise<CanvasResponse> {
  return searchScreen(deps, request, '', { kind: 'recent' });
}

export async function submitSearch(deps: IncidentFlowDeps, request: CanvasRequest): Promise<CanvasResponse> {
  const typed = inputText(request, INPUT_IDS.incidentQuery);
  const parsed = parseIncidentQuery(typed);
  // What goes back into the box is bounded too: a pasted page is not echoed whole.
  const shown = typed.slice(0, MAX_SEARCH_CHARS * 2);
  if (!parsed.ok) return incidentSearchCanvas({ query: shown, results: [], error: parsed.error, empty: false });
  return searchScreen(deps, request, shown, parsed.query);
}

async function searchScreen(deps: IncidentFlowDeps, request: CanvasRequest, query: string, parsed: IncidentQuery): Promise<CanvasResponse> {
  const found = await deps.search.find(request.workspaceId, parsed);
  const results: IncidentOptionVM[] = found.map(({ trackerId, number, title, stateLabel, linkedCount }) => ({
    trackerId,
    number,
    title,
    stateLabel,
    linkedCount,
  }));
  return incidentSearchCanvas({ query, results, error: null, empty: results.length === 0 });
}

export async function pickTracker(deps: IncidentFlowDeps, request: CanvasRequest, trackerId: string): Promise<CanvasResponse> {
  const ticket = await readTracker(deps.incidents, request.workspaceId, trackerId);
  const option = toOption(ticket, deps.flow.clock.now());
  return incidentLinkFormCanvas({ option, nonce: randomNonce(), note: '', error: null });
}
