/**
 * Applies stored webhook notifications. The HTTP route only stores them (the inbox is the durable queue) and
 * pokes this job, so a burst is answered at insert speed and worked off here without dropping anything; a crash
 * leaves claimed rows to their lease and they are claimed again.
 *
 * Outcomes: done / ignored (understood, nothing to do) / failed (a payload retrying cannot fix). A thrown error is
 * transient (Intercom or the database) and the row is retried with backoff, up to `maxAttempts` claims.
 */
import { isIntercomApiError } from '../intercom';
import { AppError } from '../http/errors';
import { type InstalledCheck, processNotification } from '../services/sync/process-notification';
import type { SyncDeps } from '../services/sync/sync-deps';
import type { InboxNotification } from '../store';
import type { BackgroundJob } from './background-job';
import { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from './outbox-backoff';
import { errorMessage } from './outbox-errors';
import { createPollingLoop } from '../services/sync/polling-loop';

export interface WebhookProcessorOptions {
  sync: SyncDeps;
  workerId: string;
  /** How often to look when nobody pokes (a poke follows every accepted notification). */
  intervalMs: number;
  batchSize?: number;
  leaseMs?: number;
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  /** Done and ignored rows older than this are deleted; redelivery after that re-applies harmlessly. */
  retainMs?: number;
}

export interface WebhookProcessor extends BackgroundJob {
  poke(): void;
}

const HOUR = 3_600_000;

export function createWebhookProcessor(options: WebhookProcessorOptions): WebhookProcessor {
  const { sync, workerId } = options;
  const batchSize = options.batchSize ?? 100;
  const leaseMs = options.leaseMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const random = options.random ?? Math.random;
  const retainMs = options.retainMs ?? 72 * HOUR;
  const log = sync.logger;
  let lastPrune = Number.NEGATIVE_INFINITY;

  async function handle(n: InboxNotification, isInstalled: InstalledCheck): Promise<void> {
    const { store, clock } = sync;
    const fields = { workspaceId: n.workspaceId, notificationId: n.notificationId, topic: n.topic, attempt: n.attempts };
    try {
      const outcome = await processNotification(sync, n, isInstalled);
      if (outcome.status === 'done') await store.webhooks.markDone(n.workspaceId, n.notificationId, clock.now());
      else if (outcome.status === 'ignored') {
        log.info({ ...fields, reason: outcome.reason }, 'webhook ignored');
        await store.webhooks.markIgnored(n.workspaceId, n.notificationId, clock.now(), outcome.reason);
      } else {
        log.warn({ ...fields, err: outcome.error }, 'webhook payload unusable; not retried');
        await store.webhooks.markFailed(n.workspaceId, n.notificationId, { error: outcome.error, now: clock.now(), retryAt: null });
      }
    } catch (error) {
      const message = errorMessage(error);
      const permanent = (isIntercomApiError(error) && !error.retryable) || (error instanceof AppError && error.code === 'not_installed');
      const now = clock.now();
      const retryAt = permanent || n.attempts >= maxAttempts ? null : now + backoffDelay(n.attempts, backoff, random);
      log.warn({ ...fields, err: message, retryAt }, retryAt === null ? 'webhook failed; giving up' : 'webhook failed; will retry');
      await store.webhooks.markFailed(n.workspaceId, n.notificationId, { error: message, now, retryAt });
    }
  }

  async function runOnce(): Promise<number> {
    const now = sync.clock.now();
    const batch = await sync.store.webhooks.claimPending(now, batchSize, workerId, leaseMs);
    const isInstalled = oncePerBatch(sync);
    // One at a time, oldest first: notifications of one ticket mostly arrive in order, and SQLite has one writer anyway.
    for (const notification of batch) {
      await handle(notification, isInstalled).catch((error: unknown) =>
        // Recording the outcome failed (database down): the lease expires and the row is claimed again.
        log.error({ notificationId: notification.notificationId, err: errorMessage(error) }, 'webhook outcome not recorded'),
      );
    }
    if (now - lastPrune >= HOUR) {
      lastPrune = now;
      await sync.store.webhooks.prune(now - retainMs);
    }
    return batch.length;
  }

  const loop = createPollingLoop({
    name: 'webhooks',
    runOnce,
    intervalMs: options.intervalMs,
    isFull: (n) => n === batchSize,
    onError: (error) => log.error({ err: errorMessage(error) }, 'webhook poll failed'),
  });
  return { name: 'webhooks', runOnce: loop.runOnce, start: loop.start, stop: loop.stop, poke: loop.poke };
}

/** A burst is mostly one workspace: ask the store once per batch whether it is (still) installed. */
function oncePerBatch(sync: SyncDeps): InstalledCheck {
  const known = new Map<string, Promise<boolean>>();
  return (workspaceId) => {
    let answer = known.get(workspaceId);
    if (!answer) {
      answer = sync.store.workspaces.get(workspaceId).then((w) => w !== null && w.uninstalledAt === null);
      known.set(workspaceId, answer);
    }
    return answer;
  };
}
