/**
 * Applies stored webhook notifications. The HTTP route only stores them (the inbox is the durable queue), so a
 * burst is answered at insert speed and worked off here without dropping anything; a crash leaves claimed rows to
 * their lease and they are claimed again. While this job runs, the route stores new rows already leased to it and
 * hands them over parsed (webhook-intake.ts): they are applied without a claim query; rows stored otherwise
 * (the job stopped, or enough in hand) are claimed from the store. A row's effect and its new status are written in
 * one transaction, so a row that is marked done was applied exactly once.
 *
 * Outcomes: done / ignored (understood, nothing to do) / failed (a payload retrying cannot fix). A thrown error is
 * transient (Intercom or the database) and the row is retried with backoff, up to `maxAttempts` claims.
 */
import {
  type InstalledCheck,
  type NotificationOutcome,
  type PreparedNotification,
  prepareNotification,
} from '../services/sync/process-notification';
import type { SyncDeps } from '../services/sync/sync-deps';
import type { InboxNotification, Store } from '../store';
import type { BackgroundJob } from './background-job';
import { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from './outbox-backoff';
import { classifyIntercomFailure } from '../services/intercom-failure';
import { errorMessage } from '../services/job-outcomes';
import { createPollingLoop } from './polling-loop';
import { lanes } from './lanes';
import type { InboxHandoff } from './webhook-intake';

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

export interface WebhookProcessor extends BackgroundJob, InboxHandoff {
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
  /** Rows the route stored leased to this worker and handed over (see webhook-intake.ts), oldest first. */
  let handed: InboxNotification[] = [];
  /** Handed rows wait here at most a few batches, far inside their lease; past this the store queues them. */
  const maxHanded = batchSize * 8;
  let running = false;

  /** A claimed row made ready outside any transaction, or the transient error that stopped it. */
  type Ready = { n: InboxNotification; prepared: PreparedNotification } | { n: InboxNotification; error: unknown };
  /** How a row ended, logged once its transaction has committed. */
  type Recorded = { n: InboxNotification; enqueued: number } & (
    | { outcome: NotificationOutcome }
    | { retry: { error: string; now: number; retryAt: number | null } }
  );

  async function prepare(n: InboxNotification, isInstalled: InstalledCheck): Promise<Ready> {
    try {
      return { n, prepared: await prepareNotification(sync, n, isInstalled) };
    } catch (error) {
      return { n, error };
    }
  }

  /**
   * A thrown error is transient (retried with backoff, and not before a 429's reset) unless the shared
   * classifier says it cannot heal.
   */
  function retryFor(n: InboxNotification, error: unknown) {
    const failure = classifyIntercomFailure(error);
    const now = sync.clock.now();
    const backedOff = now + backoffDelay(n.attempts, backoff, random);
    const notBefore = failure?.kind === 'wait' && failure.until !== null ? failure.until : backedOff;
    return {
      error: errorMessage(error),
      now,
      retryAt: failure?.kind === 'give_up' || n.attempts >= maxAttempts ? null : Math.max(backedOff, notBefore),
    };
  }

  /**
   * Applies one row and marks it, inside `tx`: the effect and the inbox status commit together or not at all.
   * A row that is no longer pending was finished by a worker that took it over after this one's lease ran out:
   * throwing rolls this worker's effect back, so the notification is applied exactly once.
   */
  async function record(tx: Store, ready: Ready): Promise<Recorded> {
    const { n } = ready;
    if ('error' in ready) {
      const retry = retryFor(n, ready.error);
      if (!(await tx.webhooks.markFailed(n.workspaceId, n.notificationId, retry))) throw new AlreadyRecorded();
      return { n, enqueued: 0, retry };
    }
    const { outcome, enqueued } = 'outcome' in ready.prepared ? { ...ready.prepared, enqueued: 0 } : await ready.prepared.commit(tx);
    const now = sync.clock.now();
    const marked =
      outcome.status === 'done'
        ? await tx.webhooks.markDone(n.workspaceId, n.notificationId, now)
        : outcome.status === 'ignored'
          ? await tx.webhooks.markIgnored(n.workspaceId, n.notificationId, now, outcome.reason)
          : await tx.webhooks.markFailed(n.workspaceId, n.notificationId, { error: outcome.error, now, retryAt: null });
    if (!marked) throw new AlreadyRecorded();
    return { n, enqueued, outcome };
  }

  function logRecorded(r: Recorded): void {
    const fields = { workspaceId: r.n.workspaceId, notificationId: r.n.notificationId, topic: r.n.topic, attempt: r.n.attempts };
    if ('retry' in r) {
      const { error, retryAt } = r.retry;
      log.warn({ ...fields, err: error, retryAt }, retryAt === null ? 'webhook failed; giving up' : 'webhook failed; will retry');
    } else if (r.outcome.status === 'ignored') log.info({ ...fields, reason: r.outcome.reason }, 'webhook ignored');
    else if (r.outcome.status === 'failed') log.warn({ ...fields, err: r.outcome.error }, 'webhook payload unusable; not retried');
  }

  /**
   * Rows in one transaction. If it fails, nothing of it stands: a group of several is retried one row per
   * transaction, so one bad row cannot hold back the rest; a lone row is marked for a retry with backoff.
   */
  async function commit(group: readonly Ready[]): Promise<void> {
    try {
      const recorded = await sync.store.transaction(async (tx) => {
        const done: Recorded[] = [];
        for (const ready of group) done.push(await record(tx, ready));
        return done;
      });
      if (recorded.some((r) => r.enqueued > 0)) sync.pokeOutbox();
      for (const r of recorded) logRecorded(r);
    } catch (error) {
      if (group.length > 1) {
        for (const ready of group) await commit([ready]);
        return;
      }
      const { n } = group[0]!;
      if (error instanceof AlreadyRecorded) {
        log.info(
          { workspaceId: n.workspaceId, notificationId: n.notificationId },
          'webhook already recorded by another worker; rolled back',
        );
        return;
      }
      try {
        const retry = retryFor(n, error);
        await sync.store.webhooks.markFailed(n.workspaceId, n.notificationId, retry);
        logRecorded({ n, enqueued: 0, retry });
      } catch (unrecorded) {
        // Recording the outcome failed (database down): the lease expires and the row is claimed again.
        log.error({ notificationId: n.notificationId, err: errorMessage(unrecorded) }, 'webhook outcome not recorded');
      }
    }
  }

  const commitKey = (r: Ready) => ('prepared' in r && 'key' in r.prepared ? r.prepared.key : null);

  /** The handed rows first; once they are all applied, whatever is due in the store. */
  async function nextBatch(now: number): Promise<InboxNotification[]> {
    if (handed.length === 0) return sync.store.webhooks.claimPending(now, batchSize, workerId, leaseMs);
    const batch = handed.slice(0, batchSize);
    handed = handed.slice(batch.length);
    return batch;
  }

  async function runOnce(): Promise<number> {
    const now = sync.clock.now();
    const batch = await nextBatch(now);
    const isInstalled = oncePerBatch(sync);
    // Oldest first: notifications of one ticket mostly arrive in order. Everything that may wait (Intercom, caches)
    // happens here, before any transaction, so the transactions below hold the store only for store work.
    const ready: Ready[] = [];
    for (const notification of batch) ready.push(await prepare(notification, isInstalled));
    if (sync.store.dialect === 'sqlite') {
      // One writer: the whole batch in one transaction costs one commit instead of one per row.
      if (ready.length > 0) await commit(ready);
    } else {
      // A transaction per row, so no transaction holds locks on several tickets while waiting for another's. Each
      // one is a few round trips to the server, so different tickets run side by side; a ticket keeps to one lane.
      await Promise.all(
        lanes(ready, commitKey).map(async (lane) => {
          for (const r of lane) await commit([r]);
        }),
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
    pass: runOnce,
    isFull: (n) => n === batchSize,
    onError: (error) => log.error({ err: errorMessage(error) }, 'webhook poll failed'),
  });
  return {
    name: 'webhooks',
    runOnce: loop.runOnce,
    start() {
      running = true;
      loop.start(options.intervalMs);
    },
    async stop() {
      running = false;
      await loop.stop();
      // Rows still in hand go back to the store at once, rather than waiting out their lease.
      const left = handed;
      handed = [];
      if (left.length > 0) await sync.store.webhooks.releaseLeases(workerId, left).catch(() => undefined);
    },
    poke: loop.poke,
    leaseFor: (count) => (running && handed.length + count <= maxHanded ? { workerId, leaseMs } : null),
    take(rows) {
      if (!running) {
        // Stopped between granting the lease and the commit: give the rows back to the store.
        void sync.store.webhooks.releaseLeases(workerId, rows).catch(() => undefined);
        return;
      }
      handed.push(...rows);
      loop.poke();
    },
  };
}

class AlreadyRecorded extends Error {
  constructor() {
    super('inbox row is no longer pending');
  }
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
