/** The shared-case screens' entries in the submit table (see src/flows/submit-table.ts). */
import type { SubmitTable } from '../submit-table';
import { submitAttach } from './attach';
import type { SharedCaseFlowDeps } from './deps';
import { submitDetach } from './detach';
import { openCaseSearch, pickCase, submitCaseSearch } from './search';

export type { SharedCaseFlowDeps } from './deps';

export function sharedCaseHandlers(deps: SharedCaseFlowDeps): SubmitTable {
  return {
    case_open: (request) => openCaseSearch(deps.flow, request),
    case_search: (request) => submitCaseSearch(deps.flow, request),
    case_pick: (request, ticketId) => {
      if (ticketId === null) throw new Error('case_pick carries a ticket id');
      return pickCase(deps.flow, request, ticketId);
    },
    case_attach_submit: (request) => submitAttach(deps, request),
    case_detach: (request, attachmentId) => {
      if (attachmentId === null) throw new Error('case_detach carries an attachment id');
      return submitDetach(deps, request, attachmentId);
    },
  };
}
