/** What the incident service needs; built once in the composition root from the parts escalation and sync use. */
import type { Clock } from '../../util/clock';
import type { EscalationDeps } from '../escalation';
import type { FanOutPacing } from '../resolve-fan-out';
import type { SyncDeps } from '../sync/sync-deps';

export interface IncidentDeps {
  /** Shared services, the outbox poke and the Intercom-side note and reopen writes that resolve follow-ups use. */
  sync: SyncDeps;
  /** The escalation context and handoff summary a new incident is started with. */
  escalation: EscalationDeps;
  clock: Clock;
  pacing: FanOutPacing;
  ticketUrl(workspaceId: string, ticketId: string): string;
}
