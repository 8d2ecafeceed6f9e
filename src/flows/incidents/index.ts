/** The incident screens' entries in the submit table (see src/flows/submit-table.ts). */
import type { SubmitTable } from '../submit-table';
import type { IncidentFlowDeps } from './deps';
import { openDetails, submitUnlink } from './details';
import { submitLink } from './link';
import { openSearch, pickTracker, submitSearch } from './search';
import { openStart, submitStart } from './start';

export type { IncidentFlowDeps } from './deps';
export { incidentView } from './view';

export function incidentHandlers(deps: IncidentFlowDeps): SubmitTable {
  return {
    incident_open: (request) => openSearch(deps, request),
    incident_search: (request) => submitSearch(deps, request),
    incident_pick: (request, trackerId) => {
      if (trackerId === null) throw new Error('incident_pick carries a tracker id');
      return pickTracker(deps, request, trackerId);
    },
    incident_link_submit: (request) => submitLink(deps, request),
    incident_start_open: (request) => openStart(deps, request),
    incident_start_submit: (request) => submitStart(deps, request),
    incident_details: (request) => openDetails(deps, request),
    incident_unlink: (request) => submitUnlink(deps, request),
  };
}
