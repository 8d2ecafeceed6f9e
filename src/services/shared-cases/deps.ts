/** What the shared-case service needs; built once in the composition root from the parts escalation and sync use. */
import type { Clock } from '../../util/clock';
import type { EscalationDeps } from '../escalation';
import type { FanOutPacing } from '../resolve-fan-out';
import type { SyncDeps } from '../sync/sync-deps';

export interface SharedCaseDeps {
  /** Shared services, the outbox poke and the Intercom-side note and reopen writes the follow-ups use. */
  sync: SyncDeps;
  /** The conversation's context and handoff summary, for the note on the ticket. */
  escalation: EscalationDeps;
  clock: Clock;
  pacing: FanOutPacing;
}
