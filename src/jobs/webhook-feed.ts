/**
 * The webhook processor's first half: where its rows come from. While the processor runs, the route stores new
 * rows already leased to it and hands them over parsed (webhook-intake.ts); they are applied first, without a claim
 * query. Once none are in hand, due rows are claimed from the store (rows stored while the processor was stopped or
 * had enough in hand, and retries).
 *
 * Arrival order is kept: once a row has gone to the store without a lease, no new row is handed over until the
 * store has been drained of what was stored before (a claim took every due row, and no unleased commit was under
 * way or began meanwhile). Otherwise a ticket's newer change, handed over, would be applied before its older one
 * waiting in the store, and the older one then ignored as stale: its pause or resume of the SLA clocks lost.
 */
import type { InboxNotification, LeaseOnArrival, Store } from '../store';
import type { ProcessorHandOver } from './webhook-intake';

export interface WebhookFeedOptions {
  store: Store;
  workerId: string;
  batchSize: number;
  leaseMs: number;
  /** Rows were handed over: the processor should run a pass soon. */
  onHanded(): void;
}

export interface WebhookFeed extends ProcessorHandOver {
  /** The next batch, oldest first: handed rows while there are any, else what is due in the store. */
  next(now: number): Promise<InboxNotification[]>;
  /** Accept hand-overs from now on. */
  open(): void;
  /** Refuse hand-overs, and give rows still in hand back to the store at once rather than waiting out their lease. */
  close(): Promise<void>;
}

export function createWebhookFeed(options: WebhookFeedOptions): WebhookFeed {
  const { store, workerId, batchSize, leaseMs } = options;
  const lease: LeaseOnArrival = { workerId, leaseMs };
  /** Handed rows wait here at most a few batches, far inside their lease; past this the store queues them. */
  const maxHanded = batchSize * 8;
  let handed: InboxNotification[] = [];
  let open = false;
  /** Rows may be waiting in the store (stored while closed, or without a lease): claim them before handing over. */
  let behind = true;
  /** Commits granted no lease that have not ended yet, and how many were ever granted (to see one begin). */
  let unleasedUnderWay = 0;
  let unleasedGranted = 0;

  const release = (rows: InboxNotification[]) => store.webhooks.releaseLeases(workerId, rows).catch(() => undefined);

  return {
    async next(now) {
      if (handed.length > 0) {
        const batch = handed.slice(0, batchSize);
        handed = handed.slice(batch.length);
        return batch;
      }
      // Every unleased commit has ended (so the claim sees its rows) and none may begin before the claim returns.
      const settled = unleasedUnderWay === 0;
      const granted = unleasedGranted;
      const claimed = await store.webhooks.claimPending(now, batchSize, workerId, leaseMs);
      if (settled && granted === unleasedGranted && claimed.length < batchSize) behind = false;
      return claimed;
    },
    open() {
      open = true;
      behind = true;
    },
    async close() {
      open = false;
      const left = handed;
      handed = [];
      if (left.length > 0) await release(left);
    },
    leaseFor(count) {
      if (open && !behind && handed.length + count <= maxHanded) return lease;
      behind = true;
      unleasedUnderWay += 1;
      unleasedGranted += 1;
      return null;
    },
    stored(granted, rows) {
      if (!granted) {
        unleasedUnderWay -= 1;
        return;
      }
      if (rows.length === 0) return;
      if (!open) {
        // Closed between granting the lease and the commit: give the rows back to the store.
        void release(rows);
        return;
      }
      handed.push(...rows);
      options.onHanded();
    },
  };
}
