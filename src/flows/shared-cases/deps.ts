/** What the shared-case screens need: the flows' shared services and the shared-case service. */
import type { SharedCaseDeps } from '../../services/shared-cases';
import type { FlowDeps } from '../deps';

export interface SharedCaseFlowDeps {
  flow: FlowDeps;
  cases: SharedCaseDeps;
}
