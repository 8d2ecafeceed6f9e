/**
 * Applies stored webhook notifications. The HTTP route only stores them (the inbox is the durable queue), so a
 * burst is answered at insert speed and worked off here without dropping anything; a crash leaves claimed rows to
 * their lease and they are claimed again. A pass is three steps: feed (webhook-feed.ts: rows handed over by the
 * route, else claimed from the store), prepare (everything that may wait: Intercom, caches, outside any
 * transaction; the store reads a batch needs are made once for all of it, services/sync/batch-lookups.ts), record
 * (webhook-recording.ts: effect and status in one transaction, so a row marked done was applied exactly once; many
 * rows share a transaction, one commit for the lot).
 *
 * Outcomes: done / ignored (understood, nothing to do) / failed (a payload retrying cannot fix). A thrown error is
 * transient (Intercom or the database) and the row is retried with backoff, up to `maxAttempts` claims.
 */
import { errorMessage } from '../services/job-outcomes';
import { type BatchLookups, batchLookups } from '../services/sync/batch-lookups';
import { prepareNotification } from '../services/sync/process-notification';
import type { SyncDeps } from '../services/sync/sync-deps';
import type { InboxNotification } from '../store';
import type { BackgroundJob } from './background-job';
import { type ChunkBudget, type ChunkCost, type ChunkPacing, inSizedChunks, processCpuMs, setImmediateYield } from './chunk-budget';
import { type BackoffPolicy, DEFAULT_BACKOFF } from './outbox-backoff';
import { lanes } from './lanes';
import { createPollingLoop } from './polling-loop';
import { createWebhookFeed } from './webhook-feed';
import type { ProcessorHandOver } from './webhook-intake';
import { createWebhookRecording, type Ready } from './webhook-recording';
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
  /** SQLite: how a batch is cut into transactions (default `SQLITE_WEBHOOK_COMMITS`); tests pass their own. */
  commitBudget?: ChunkBudget;
  /** The process's CPU time in ms, to measure a transaction by; tests pass their own. */
  cpuMs?: () => number;
  /** Lets the event loop run between two SQLite transactions of a batch. */
  yieldToLoop?: () => Promise<void>;
}

/**
 * SQLite: a transaction holds the event loop from BEGIN to COMMIT (better-sqlite3 is synchronous), and a batch of
 * 100 notifications at about 14 statements each is over 50 ms of it on a busy host: sidebar views, and an SLA
 * storm's chunks, would wait that long. So a batch commits in transactions sized by their CPU time, like the
 * scheduler's chunks (chunk-budget.ts), with a turn of the loop between; several rows still share each commit.
 */
export const SQLITE_WEBHOOK_COMMITS: ChunkBudget = { budgetMs: 15, initial: 25, min: 5, max: 100 };

/** PostgreSQL: rows a lane takes before the batch opens another (lanes.ts). */
const ROWS_PER_LANE = 25;

export interface WebhookProcessor extends BackgroundJob, ProcessorHandOver {
  poke(): void;
}

const HOUR = 3_600_000;

export function createWebhookProcessor(options: WebhookProcessorOptions): WebhookProcessor {
  const { sync, workerId } = options;
  const batchSize = options.batchSize ?? 100;
  const leaseMs = options.leaseMs ?? 60_000;
  const retainMs = options.retainMs ?? 72 * HOUR;
  const recording = createWebhookRecording({
    sync,
    maxAttempts: options.maxAttempts ?? 8,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    random: options.random ?? Math.random,
  });
  const pacing: ChunkPacing = {
    budget: options.commitBudget ?? SQLITE_WEBHOOK_COMMITS,
    cpuMs: options.cpuMs ?? processCpuMs,
    yieldToLoop: options.yieldToLoop ?? setImmediateYield,
  };
  /** The last SQLite transaction's cost, carried across passes. */
  let lastCommit: ChunkCost | null = null;
  const feed = createWebhookFeed({ store: sync.store, workerId, batchSize, leaseMs, onHanded: () => loop.poke() });
  let lastPrune = Number.NEGATIVE_INFINITY;

  async function prepare(n: InboxNotification, lookups: BatchLookups): Promise<Ready> {
    try {
      return { n, prepared: await prepareNotification(sync, n, lookups) };
    } catch (error) {
      return { n, error };
    }
  }

  const commitKey = (r: Ready) => ('prepared' in r && 'key' in r.prepared ? r.prepared.key : null);

  async function pass(): Promise<number> {
    const now = sync.clock.now();
    const batch = await feed.next(now);
    const lookups = batchLookups(sync, batch);
    // Oldest first: notifications of one ticket mostly arrive in order. Everything that may wait (Intercom, caches)
    // happens here, before any transaction, so the transactions below hold the store only for store work.
    const ready: Ready[] = [];
    for (const notification of batch) ready.push(await prepare(notification, lookups));
    if (sync.store.dialect === 'sqlite') {
      // One writer: rows in arrival order, many to a transaction (one commit for them all), each transaction sized.
      lastCommit = await inSizedChunks(ready, pacing, lastCommit, (group) => recording.commit(group));
    } else {
      // Each lane's rows share transactions (one commit, one NOTIFY, their tickets locked up front in one order),
      // and the lanes run side by side on their own connections; a ticket keeps to one lane, so to arrival order.
      await Promise.all(
        lanes(ready, commitKey, ROWS_PER_LANE).map(async (lane) => {
          for (const group of sharedTransactions(lane)) await recording.commit(group);
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
    pass,
    isFull: (n) => n === batchSize,
    onError: (error) => sync.logger.error({ err: errorMessage(error) }, 'webhook poll failed'),
  });
  return {
    name: 'webhooks',
    runOnce: loop.runOnce,
    start() {
      feed.open(sync.clock.now());
      loop.start(options.intervalMs);
    },
    async stop() {
      await feed.close();
      await loop.stop();
    },
    poke: loop.poke,
    leasesFor: feed.leasesFor,
    stored: feed.stored,
  };
}

/**
 * A lane's rows cut into transactions, in order: consecutive rows that write at most their own ticket go together;
 * a row that writes several tickets (a conversation's) or a tracker goes alone, so no transaction holds a batch of
 * ticket locks while it waits for locks it could not take up front.
 */
function sharedTransactions(lane: readonly Ready[]): Ready[][] {
  const groups: Ready[][] = [];
  let open: Ready[] = [];
  for (const r of lane) {
    if (!('prepared' in r) || 'outcome' in r.prepared || r.prepared.ticket) {
      open.push(r);
      continue;
    }
    if (open.length > 0) groups.push(open);
    open = [];
    groups.push([r]);
  }
  if (open.length > 0) groups.push(open);
  return groups;
}
