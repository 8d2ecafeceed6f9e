/**
 * The webhook processor's first half: where its rows come from. While the processor runs, the route stores new
 * rows already leased to it and hands them over parsed (webhook-intake.ts); they are applied first, without a claim
 * query. Once none are in hand, due rows are claimed from the store (rows stored while the processor was stopped or
 * had enough in hand, and retries).
 */
import type { InboxNotification, LeaseOnArrival, Store } from '../store';
import type { InboxHandoff } from './webhook-intake';

export interface WebhookFeedOptions {
  store: Store;
  workerId: string;
  batchSize: number;
  leaseMs: number;
  /** Rows were handed over: the processor should run a pass soon. */
  onHanded(): void;
}

export interface WebhookFeed extends InboxHandoff {
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

  const release = (rows: InboxNotification[]) => store.webhooks.releaseLeases(workerId, rows).catch(() => undefined);

  return {
    async next(now) {
      if (handed.length === 0) return store.webhooks.claimPending(now, batchSize, workerId, leaseMs);
      const batch = handed.slice(0, batchSize);
      handed = handed.slice(batch.length);
      return batch;
    },
    open() {
      open = true;
    },
    async close() {
      open = false;
      const left = handed;
      handed = [];
      if (left.length > 0) await release(left);
    },
    leaseFor: (count) => (open && handed.length + count <= maxHanded ? lease : null),
    take(rows) {
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
