/** What the incident service needs; built once in the composition root from the parts escalation and sync use. */
import type { Clock } from '../../util/clock';
import type { EscalationDeps } from '../escalation';
import type { SyncDeps } from '../sync/sync-deps';

/**
 * How fast a resolution's follow-ups go out. Each follow-up costs about three Intercom calls (a note, a read, a
 * reopen), and two more when the workspace tells customers (a read and the reply, due at the same pace one
 * collapse window later); Intercom allows 10,000 calls a minute per app and workspace, shared with everything else
 * Handoff and the workspace's other apps do, so the fan-out takes a fixed slice of it and leaves the rest alone.
 */
export interface FanOutPacing {
  /** Follow-ups started per second. */
  perSecond: number;
  /** Follow-ups enqueued per fan-out step (one transaction each). */
  batch: number;
}

/**
 * 10 a second ≈ 1,800 calls a minute (3,000 with customer updates), under a third of the limit: 2,500
 * conversations in about four minutes.
 */
export const DEFAULT_PACING: FanOutPacing = Object.freeze({ perSecond: 10, batch: 250 });

export interface IncidentDeps {
  /** Shared services, the outbox poke and the Intercom-side note and reopen writes that resolve follow-ups use. */
  sync: SyncDeps;
  /** The escalation context and handoff summary a new incident is started with. */
  escalation: EscalationDeps;
  clock: Clock;
  pacing: FanOutPacing;
  ticketUrl(workspaceId: string, ticketId: string): string;
}
