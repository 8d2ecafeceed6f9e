/**
 * The webhook processor's second half: a row made ready (webhook-processor.ts) has its effect written and its inbox
 * status marked in one transaction, so a row marked done was applied exactly once. How a row that failed is retried
 * is the shared Intercom-failure decision (services/intercom-failure.ts) plus this job's backoff and attempt limit.
 */
import { classifyIntercomFailure } from '../services/intercom-failure';
import { errorMessage } from '../services/job-outcomes';
import { flushDeferredFigures } from '../services/reports/ticket-figures';
import { flushGroupWrites, type GroupTicket, groupStore } from '../services/sync/group-store';
import type { NotificationOutcome, PreparedNotification } from '../services/sync/process-notification';
import type { SyncDeps } from '../services/sync/sync-deps';
import type { InboxFinish, InboxNotification, Store } from '../store';
import { type BackoffPolicy, backoffDelay } from './outbox-backoff';

/** A claimed row made ready outside any transaction, or the transient error that stopped it. */
export type Ready = { n: InboxNotification; prepared: PreparedNotification } | { n: InboxNotification; error: unknown };

interface Retry {
  error: string;
  now: number;
  /** Null: given up. */
  retryAt: number | null;
}

/** How a row ended, logged once its transaction has committed. */
type Recorded = { n: InboxNotification; enqueued: number } & ({ outcome: NotificationOutcome } | { retry: Retry });

export interface RecordingOptions {
  sync: SyncDeps;
  maxAttempts: number;
  backoff: BackoffPolicy;
  random: () => number;
}

export interface WebhookRecording {
  /**
   * Writes a group of rows in one transaction. If it fails, nothing of it stands: a group of several is written
   * again one row per transaction, so one bad row cannot hold back the rest; a lone row is marked for a retry.
   */
  commit(group: readonly Ready[]): Promise<void>;
}

export function createWebhookRecording(options: RecordingOptions): WebhookRecording {
  const { sync, maxAttempts, backoff, random } = options;
  const log = sync.logger;

  /** Transient (retried with backoff, and not before a 429's reset) unless the shared classifier says it cannot heal. */
  function retryFor(n: InboxNotification, error: unknown): Retry {
    const failure = classifyIntercomFailure(error);
    const now = sync.clock.now();
    const backedOff = now + backoffDelay(n.attempts, backoff, random);
    const notBefore = failure?.kind === 'wait' && failure.until !== null ? failure.until : backedOff;
    const givenUp = failure?.kind === 'give_up' || n.attempts >= maxAttempts;
    return { error: errorMessage(error), now, retryAt: givenUp ? null : Math.max(backedOff, notBefore) };
  }

  /**
   * One row's effect inside `tx`, and its final status added to `finishes` (written for the whole group at once).
   * A retry is marked at once. False when the row is no longer pending: a worker that took it over after this
   * one's lease ran out has finished it, and this worker's effect must not stand.
   */
  async function record(tx: Store, ready: Ready, finishes: InboxFinish[]): Promise<Recorded | false> {
    const { n } = ready;
    if ('error' in ready) {
      const retry = retryFor(n, ready.error);
      return (await tx.webhooks.markFailed(n.workspaceId, n.notificationId, retry)) && { n, enqueued: 0, retry };
    }
    const { outcome, enqueued } = 'outcome' in ready.prepared ? { ...ready.prepared, enqueued: 0 } : await ready.prepared.commit(tx);
    const error = outcome.status === 'ignored' ? outcome.reason : outcome.status === 'failed' ? outcome.error : null;
    finishes.push({ workspaceId: n.workspaceId, notificationId: n.notificationId, status: outcome.status, error });
    return { n, enqueued, outcome };
  }

  /** The group's records, or 'taken_over' (and nothing written) when any row of it was finished by another worker. */
  async function recordAll(group: readonly Ready[]): Promise<Recorded[] | 'taken_over'> {
    try {
      return await sync.store.transaction(async (transaction) => {
        let tx = transaction;
        if (group.length > 1) {
          // The group's tickets locked up front, and they, their clocks, firings, case states and the settings
          // revision read once for all its rows; their writes held and sent once (services/sync/group-store.ts).
          tx = await groupStore(tx, ticketsOf(group));
        }
        const done: Recorded[] = [];
        const finishes: InboxFinish[] = [];
        for (const ready of group) {
          const recorded = await record(tx, ready, finishes);
          // Throwing is the only way to roll a transaction back; the sentinel never leaves this function.
          if (!recorded) throw new TakenOver();
          done.push(recorded);
        }
        // The group's held snapshot, clock and case-state writes, then the figures worked out from them.
        await flushGroupWrites(tx);
        await flushDeferredFigures(tx);
        // Every row's status in one statement; a row someone else finished meanwhile rolls the whole group back.
        if ((await tx.webhooks.finishMany(finishes, sync.clock.now())) !== finishes.length) throw new TakenOver();
        return done;
      });
    } catch (error) {
      if (error instanceof TakenOver) return 'taken_over';
      throw error;
    }
  }

  function logRecorded(r: Recorded): void {
    const fields = { workspaceId: r.n.workspaceId, notificationId: r.n.notificationId, topic: r.n.topic, attempt: r.n.attempts };
    if ('retry' in r) {
      const { error, retryAt } = r.retry;
      log.warn({ ...fields, err: error, retryAt }, retryAt === null ? 'webhook failed; giving up' : 'webhook failed; will retry');
    } else if (r.outcome.status === 'ignored') log.info({ ...fields, reason: r.outcome.reason }, 'webhook ignored');
    else if (r.outcome.status === 'failed') log.warn({ ...fields, err: r.outcome.error }, 'webhook payload unusable; not retried');
  }

  /** A lone row whose transaction failed (Intercom or the database): marked for a retry, outside any transaction. */
  async function recordFailure(n: InboxNotification, error: unknown): Promise<void> {
    try {
      const retry = retryFor(n, error);
      await sync.store.webhooks.markFailed(n.workspaceId, n.notificationId, retry);
      logRecorded({ n, enqueued: 0, retry });
    } catch (unrecorded) {
      // Recording the outcome failed (database down): the lease expires and the row is claimed again.
      log.error({ notificationId: n.notificationId, err: errorMessage(unrecorded) }, 'webhook outcome not recorded');
    }
  }

  async function commit(group: readonly Ready[]): Promise<void> {
    let recorded: Recorded[] | 'taken_over';
    try {
      recorded = await recordAll(group);
    } catch (error) {
      if (group.length > 1) for (const ready of group) await commit([ready]);
      else await recordFailure(group[0]!.n, error);
      return;
    }
    if (recorded === 'taken_over') {
      if (group.length > 1) for (const ready of group) await commit([ready]);
      else {
        const { n } = group[0]!;
        log.info(
          { workspaceId: n.workspaceId, notificationId: n.notificationId },
          'webhook already recorded by another worker; rolled back',
        );
      }
      return;
    }
    if (recorded.some((r) => r.enqueued > 0)) sync.pokeOutbox();
    for (const r of recorded) logRecorded(r);
  }

  return { commit };
}

/** The tickets a group's rows write, each once. */
function ticketsOf(group: readonly Ready[]): GroupTicket[] {
  const seen = new Map<string, GroupTicket>();
  for (const ready of group) {
    const ticket = 'prepared' in ready && 'ticket' in ready.prepared ? ready.prepared.ticket : undefined;
    if (ticket) seen.set(`${ticket.workspaceId}\u0000${ticket.ticketId}`, ticket);
  }
  return [...seen.values()];
}

class TakenOver extends Error {
  constructor() {
    super('inbox row is no longer pending');
  }
}
