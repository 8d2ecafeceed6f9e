/**
 * The services every flow, job and service shares: the store, the clock, settings, the workspace directory (who is
 * installed, and an Intercom client for each), the SLA clocks and triage. Built once in src/wiring/services.ts.
 */
import type { Store } from '../store';
import type { Clock } from '../util/clock';
import type { SettingsService } from './settings-service';
import type { SlaService } from './sla/sla-service';
import type { TriageService } from './triage';
import type { WorkspaceDirectory } from './workspace-directory';

export interface AppServices {
  store: Store;
  clock: Clock;
  settings: SettingsService;
  directory: WorkspaceDirectory;
  /** SLA clocks: escalation starts them, ticket events move them (see src/services/sla/sla-service.ts). */
  sla: SlaService;
  /** The triage recommendation with the workspace's learnt adjustments, and its feedback (src/services/triage). */
  triage: TriageService;
}
