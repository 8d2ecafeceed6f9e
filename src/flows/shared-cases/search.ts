/**
 * "Add to an existing case": the search form (the workspace's most recent open cases first, before anything is
 * typed), a search, and picking a result. Everything is read from our store (tickets linked through Handoff), so
 * no Intercom call is made; a typed query is bounded first (src/domain/incidents/search-query.ts) and the read is
 * bounded by `RESULTS_SHOWN`. A picked id is looked up in this workspace only: another workspace's ticket, or one
 * Handoff does not know, is simply not found.
 */
import { caseAttachFormCanvas, caseSearchCanvas } from '../../../canvases/shared-case';
import { INPUT_IDS } from '../../../canvases/component-ids';
import type { CaseOptionVM } from '../../../canvases/view-models';
import { STATE_LABELS } from '../../domain/model';
import { type IncidentQuery, MAX_SEARCH_CHARS, parseIncidentQuery } from '../../domain/incidents/search-query';
import { REFUSED } from '../../services/shared-cases';
import type { TicketLink } from '../../store';
import { randomNonce } from '../../util/nonce';
import type { FlowDeps } from '../deps';
import { inputText } from '../ticket-actions/action-context';
import type { CanvasRequest, CanvasResponse } from '../types';

export const RESULTS_SHOWN = 10;

export function caseOption(ticket: TicketLink): CaseOptionVM {
  return {
    ticketId: ticket.ticketId,
    number: ticket.ticketNumber ?? ticket.ticketId,
    title: ticket.title,
    stateLabel: ticket.stateLabel ?? STATE_LABELS[ticket.stateCategory],
  };
}

export function openCaseSearch(deps: FlowDeps, request: CanvasRequest): Promise<CanvasResponse> {
  return searchScreen(deps, request, '', { kind: 'recent' }, null);
}

export async function submitCaseSearch(deps: FlowDeps, request: CanvasRequest): Promise<CanvasResponse> {
  const typed = inputText(request, INPUT_IDS.caseQuery);
  const parsed = parseIncidentQuery(typed, 'case');
  // What goes back into the box is bounded too: a pasted page is not echoed whole.
  const shown = typed.slice(0, MAX_SEARCH_CHARS * 2);
  if (!parsed.ok) return caseSearchCanvas({ query: shown, results: [], error: parsed.error, empty: false });
  return searchScreen(deps, request, shown, parsed.query, null);
}

export async function searchScreen(
  deps: FlowDeps,
  request: CanvasRequest,
  query: string,
  parsed: IncidentQuery,
  error: string | null,
): Promise<CanvasResponse> {
  // One more than shown: this conversation's own ticket may be among them and is left out.
  const found = await deps.store.caseAttachments.listCandidates(request.workspaceId, parsed, RESULTS_SHOWN + 1);
  const results = found
    .filter((ticket) => ticket.conversationId !== request.conversationId)
    .slice(0, RESULTS_SHOWN)
    .map(caseOption);
  return caseSearchCanvas({ query, results, error, empty: results.length === 0 });
}

export async function pickCase(deps: FlowDeps, request: CanvasRequest, ticketId: string): Promise<CanvasResponse> {
  const ticket = await deps.store.tickets.get(request.workspaceId, ticketId);
  if (!ticket) return searchScreen(deps, request, '', { kind: 'recent' }, REFUSED.unknown);
  if (ticket.conversationId === request.conversationId) return searchScreen(deps, request, '', { kind: 'recent' }, REFUSED.own);
  return caseAttachFormCanvas({ option: caseOption(ticket), nonce: randomNonce(), note: '', error: null });
}
