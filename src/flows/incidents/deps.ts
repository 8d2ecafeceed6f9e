/** What the incident screens need: the flows' shared services, the incident service and the tracker search. */
import type { IncidentDeps, TrackerSearch } from '../../services/incidents';
import type { FlowDeps } from '../deps';
import type { TicketActionDeps } from '../ticket-actions/action-context';

export interface IncidentFlowDeps {
  flow: FlowDeps;
  incidents: IncidentDeps;
  search: TrackerSearch;
}

/** The inline try (flows/ticket-actions/inline.ts) needs the flow and sync halves; incidents carry both. */
export function inlineDeps(deps: IncidentFlowDeps): TicketActionDeps {
  return { flow: deps.flow, sync: deps.incidents.sync };
}
