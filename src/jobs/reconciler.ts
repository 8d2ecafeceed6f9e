/**
 * Reconciliation: re-reads linked tickets whose snapshot is older than the workspace's `snapshotMaxAgeMinutes`
 * (a webhook was lost, or one we expected never came — see services/sync/expect-update.ts) and applies them
 * exactly as a webhook would. A public app shares one rate limit across every workspace, so each pass is
 * bounded (`perTick`, `perWorkspace`, a few calls in flight) and a 429 pauses the job until Intercom's reset.
 *
 * Candidates come oldest first from one index scan across workspaces; a ticket that cannot be re-read for good
 * (deleted, workspace uninstalled) is marked synced so it moves to the back instead of blocking the head.
 */
import { classifyIntercomFailure } from '../services/intercom-failure';
import { createPollingLoop } from './polling-loop';
import { refreshTicket } from '../services/sync/refresh-ticket';
import type { SyncDeps } from '../services/sync/sync-deps';
import type { TicketLink } from '../store';
import type { BackgroundJob } from './background-job';
import { errorMessage } from '../services/job-outcomes';

export interface ReconcilerOptions {
  sync: SyncDeps;
  intervalMs: number;
  /** Tickets re-read per pass, across all workspaces. */
  perTick?: number;
  /** So one large workspace cannot take a whole pass. */
  perWorkspace?: number;
  /** Reads in flight at once. */
  concurrency?: number;
}

/** The smallest `snapshotMaxAgeMinutes` settings allow: nothing younger is ever a candidate. */
const MIN_AGE_MS = 60_000;

export function createReconciler(options: ReconcilerOptions): BackgroundJob {
  const { sync } = options;
  const perTick = options.perTick ?? 60;
  const perWorkspace = options.perWorkspace ?? 20;
  const concurrency = options.concurrency ?? 4;
  let pausedUntil = 0;

  async function due(now: number): Promise<TicketLink[]> {
    const candidates = await sync.store.tickets.listStale(null, now - MIN_AGE_MS, perTick * 4);
    const picked: TicketLink[] = [];
    const perWs = new Map<string, number>();
    for (const ticket of candidates) {
      if (picked.length >= perTick) break;
      const settings = await sync.settings.get(ticket.workspaceId);
      if (ticket.syncedAt >= now - settings.snapshotMaxAgeMinutes * 60_000) continue;
      const taken = perWs.get(ticket.workspaceId) ?? 0;
      if (taken >= perWorkspace) continue;
      perWs.set(ticket.workspaceId, taken + 1);
      picked.push(ticket);
    }
    return picked;
  }

  /** True to keep going; false stops the pass (rate limited). */
  async function reconcile(ticket: TicketLink): Promise<boolean> {
    const { workspaceId, ticketId } = ticket;
    try {
      await refreshTicket(sync, workspaceId, ticketId, 'reconcile');
      return true;
    } catch (error) {
      const now = sync.clock.now();
      const failure = classifyIntercomFailure(error);
      if (failure?.kind === 'wait') {
        pausedUntil = Math.max(pausedUntil, failure.until ?? now + 60_000);
        sync.logger.warn({ workspaceId, pausedUntil }, 'reconciliation rate limited; pausing');
        return false;
      }
      const permanent = failure?.kind === 'give_up';
      sync.logger.warn({ workspaceId, ticketId, err: errorMessage(error), permanent }, 'ticket could not be reconciled');
      // Moved to the back of the queue; a transient failure is simply tried again on a later pass.
      if (permanent) await sync.store.tickets.markSynced(workspaceId, ticketId, now);
      return true;
    }
  }

  async function runOnce(): Promise<number> {
    const now = sync.clock.now();
    if (now < pausedUntil) return 0;
    const queue = await due(now);
    let done = 0;
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const next = queue.shift();
        if (!next) return;
        if (!(await reconcile(next))) stop = true;
        done += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
    return done;
  }

  const loop = createPollingLoop({
    name: 'reconcile',
    pass: runOnce,
    // Bounded by design: never run back to back, whatever is left waits for the next interval.
    isFull: () => false,
    onError: (error) => sync.logger.error({ err: errorMessage(error) }, 'reconciliation pass failed'),
  });
  return { name: 'reconcile', runOnce: loop.runOnce, start: () => loop.start(options.intervalMs), stop: loop.stop };
}
