/**
 * The outbox worker: claims due jobs, runs the handler registered for each
 * job's kind, and records the outcome. Handlers must be safe to repeat: a
 * worker that dies mid-job leaves its lease to expire and the job runs again.
 *
 * Outcomes: success → done; `PermanentJobError` → dead; anything else → retried
 * with backoff (or at the `RetryJobError`'s time), dead once the kind's retry
 * budget is spent (retry-horizons.ts: hours for ladder and resolve jobs, ten
 * tries for the rest).
 * Every outcome is written with the claim's lease, so a worker that lost its
 * lease cannot overwrite the newer claim's result.
 */
import type { Lease, OutboxJob, Store } from '../store';
import type { Clock } from '../util/clock';
import { type BackoffPolicy, backoffDelay } from './outbox-backoff';
import { createOutboxPruner, DEFAULT_RETAIN_DONE_MS } from './outbox-pruning';
import { DEFAULT_RETRY_LIMITS, maxAttemptsFor } from './retry-horizons';
import { errorMessage, isPermanentJobError, PermanentJobError, requestedRetryAt } from '../services/job-outcomes';
import { createPollingLoop } from './polling-loop';

export interface OutboxJobContext {
  workspaceId: string;
  /** 1 on the first try. */
  attempt: number;
  now: number;
  logger: WorkerLogger;
}

export type OutboxHandler = (job: OutboxJob, ctx: OutboxJobContext) => Promise<unknown>;

/**
 * Runs in the same transaction as the dead-lettering of a job of its kind, so whoever waits on the job's
 * outcome (a teammate looking at "Queued" in the sidebar) learns it will not come.
 */
export type DeadLetterHandler = (tx: Store, job: OutboxJob, error: string) => Promise<void>;

/** The slice of a pino logger the worker uses; a test can pass a recorder. Never given payloads. */
export interface WorkerLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface OutboxWorkerOptions {
  store: Store;
  clock: Clock;
  /** One handler per job kind; jobs of other kinds are left for workers that know them. */
  handlers: Readonly<Record<string, OutboxHandler>>;
  /** Per job kind, what else gives up with a dead job (see DeadLetterHandler). */
  onDeadLettered?: Readonly<Record<string, DeadLetterHandler>>;
  workerId: string;
  logger: WorkerLogger;
  backoff?: BackoffPolicy;
  /** Tries before a job of a kind without a horizon is dead-lettered (claims that crashed count too). */
  maxAttempts?: number;
  /** kind → how long it keeps retrying (default: RETRY_HORIZONS); turned into tries under `backoff`. */
  horizons?: Readonly<Record<string, number>>;
  batchSize?: number;
  /** How long a claim is exclusive; a handler must finish well within it. */
  leaseMs?: number;
  random?: () => number;
  /** How long done rows are kept before pruning (outbox-pruning.ts; three days by default). */
  retainDoneMs?: number;
}

export interface OutboxWorker {
  /** Claims and runs one batch; resolves with how many jobs it took. */
  runOnce(): Promise<number>;
  /** Polls every `intervalMs` (immediately again while batches come back full). */
  start(intervalMs: number): void;
  /** Runs a poll now instead of waiting for the interval (after enqueueing, say). */
  poke(): void;
  /** Stops polling and resolves once every job in flight has finished. */
  stop(): Promise<void>;
}

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { store, clock, handlers, workerId, logger } = options;
  const backoff = options.backoff ?? DEFAULT_RETRY_LIMITS.backoff;
  const maxAttempts = maxAttemptsFor({
    backoff,
    maxAttempts: options.maxAttempts ?? DEFAULT_RETRY_LIMITS.maxAttempts,
    horizons: options.horizons ?? DEFAULT_RETRY_LIMITS.horizons,
  });
  const batchSize = options.batchSize ?? 10;
  const leaseMs = options.leaseMs ?? 60_000;
  const random = options.random ?? Math.random;
  const pruneIfDue = createOutboxPruner(store, options.retainDoneMs ?? DEFAULT_RETAIN_DONE_MS);
  const kinds = Object.keys(handlers);

  async function finish(job: OutboxJob, error: unknown): Promise<boolean> {
    const lease: Lease = { workerId, attempts: job.attempts };
    const message = errorMessage(error);
    const log = { jobId: job.id, kind: job.kind, workspaceId: job.workspaceId, attempt: job.attempts };
    if (isPermanentJobError(error) || job.attempts >= maxAttempts(job.kind)) {
      logger.error({ ...log, err: message }, 'outbox job dead-lettered');
      const onDead = options.onDeadLettered?.[job.kind];
      if (!onDead) return store.outbox.deadLetter(job.workspaceId, job.id, { error: message, now: clock.now(), lease });
      return store.transaction(async (tx) => {
        const recorded = await tx.outbox.deadLetter(job.workspaceId, job.id, { error: message, now: clock.now(), lease });
        if (recorded) await onDead(tx, job, message);
        return recorded;
      });
    }
    const backedOff = clock.now() + backoffDelay(job.attempts, backoff, random);
    const retryAt = Math.max(requestedRetryAt(error) ?? backedOff, backedOff);
    logger.warn({ ...log, err: message, retryAt }, 'outbox job failed; will retry');
    return store.outbox.fail(job.workspaceId, job.id, { error: message, retryAt, lease });
  }

  async function runJob(job: OutboxJob): Promise<void> {
    const lease: Lease = { workerId, attempts: job.attempts };
    let recorded: boolean;
    if (job.attempts > maxAttempts(job.kind)) {
      // Claimed more often than tried: earlier claims died (crash, lost lease) before recording an outcome.
      recorded = await finish(job, new PermanentJobError(`no outcome recorded after ${maxAttempts(job.kind)} attempts`));
    } else {
      const handler = handlers[job.kind]!;
      const ctx: OutboxJobContext = { workspaceId: job.workspaceId, attempt: job.attempts, now: clock.now(), logger };
      let outcome: { ok: true; result: unknown } | { ok: false; error: unknown };
      try {
        outcome = { ok: true, result: await handler(job, ctx) };
      } catch (error) {
        outcome = { ok: false, error };
      }
      recorded = outcome.ok
        ? await store.outbox.complete(job.workspaceId, job.id, { now: clock.now(), result: outcome.result ?? null, lease })
        : await finish(job, outcome.error);
    }
    if (!recorded)
      logger.warn({ jobId: job.id, kind: job.kind, workspaceId: job.workspaceId }, 'outbox lease lost before the outcome was recorded');
  }

  /** One batch: every job of it has finished (and recorded its outcome) when this resolves. */
  async function pass(): Promise<number> {
    if (kinds.length === 0) return 0;
    await pruneIfDue(clock.now()).catch((error: unknown) =>
      logger.error({ err: errorMessage(error) }, 'outbox prune failed; the next hour tries again'),
    );
    const jobs = await store.outbox.claimDue(clock.now(), batchSize, workerId, leaseMs, kinds);
    await Promise.all(
      jobs.map((job) =>
        // A failure to record an outcome (database down) must not sink the batch; the lease expiry retries it.
        runJob(job).catch((error: unknown) =>
          logger.error({ jobId: job.id, kind: job.kind, err: errorMessage(error) }, 'outbox job outcome not recorded'),
        ),
      ),
    );
    return jobs.length;
  }

  return createPollingLoop({
    name: 'outbox',
    pass,
    // A full batch may mean more is waiting.
    isFull: (n) => n === batchSize,
    onError: (error) => logger.error({ err: errorMessage(error) }, 'outbox poll failed'),
  });
}
