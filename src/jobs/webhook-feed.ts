/**
 * The webhook processor's first half: where its rows come from. While the processor runs, the route stores new
 * rows already leased to it and hands them over parsed (webhook-intake.ts); they are applied without a claim
 * query. Rows that went to the store without a lease (the processor had enough in hand, or was starting) and
 * retries are claimed from the store and queued behind the rows already in hand.
 *
 * Arrival order is kept per ordering key (a ticket, a conversation: services/sync/ordering-key.ts), not across
 * keys: while a key has a row stored without a lease and not yet claimed, or a commit of one under way, its newer
 * rows go to the store too, so they are claimed after it. Otherwise its newer change, handed over, would be
 * applied before the older one waiting in the store, and the older one then ignored as stale: its pause or resume
 * of the SLA clocks lost. Rows of other keys are handed over meanwhile. After `open`, rows stored before it (keys
 * unknown) are drained first: nothing is handed over until a claim has reached past them.
 */
import { orderingKey } from '../services/sync/ordering-key';
import type { InboxNotification, LeaseOnArrival, Store } from '../store';
import type { IntakeDelivery, ProcessorHandOver } from './webhook-intake';
import { createWaitingKeys } from './webhook-waiting-keys';

export interface WebhookFeedOptions {
  store: Store;
  workerId: string;
  batchSize: number;
  leaseMs: number;
  /** Rows kept in hand at most (handed over and claimed, not yet applied); past this new rows wait in the store. */
  maxInHand?: number;
  /** Rows were handed over: the processor should run a pass soon. */
  onHanded(): void;
}

export interface WebhookFeed extends ProcessorHandOver {
  /** The next batch, in arrival order per key: rows in hand first, then what a claim found in the store. */
  next(now: number): Promise<InboxNotification[]>;
  /** Accept hand-overs from now on (`now`: rows stored before it are drained first). */
  open(now: number): void;
  /** Refuse hand-overs, and give rows still in hand back to the store at once rather than waiting out their lease. */
  close(): Promise<void>;
}

export function createWebhookFeed(options: WebhookFeedOptions): WebhookFeed {
  const { store, workerId, batchSize, leaseMs } = options;
  const lease: LeaseOnArrival = { workerId, leaseMs };
  /** Handed rows wait here at most a few batches, far inside their lease; past this the store queues them. */
  const maxInHand = options.maxInHand ?? batchSize * 8;
  const waiting = createWaitingKeys();
  /** Rows in hand, in the order they are to be applied. */
  let inHand: InboxNotification[] = [];
  /** Leases granted whose commit has not ended: room they may take in hand. */
  let leasedUnderWay = 0;
  let open = false;
  /** Since `open`: rows stored before it may wait in the store, of keys nobody knows. */
  let draining = true;
  let openedAt = 0;

  const release = (rows: InboxNotification[]) => store.webhooks.releaseLeases(workerId, rows).catch(() => undefined);

  /** Claimed rows whose key still has an older row waiting in the store: applied once that one is claimed. */
  let parked: Positioned[] = [];

  /** Claims due rows into hand (or parked); how many the claim returned. */
  async function claim(now: number): Promise<number> {
    const claimed = await store.webhooks.claimPending(now, batchSize, workerId, leaseMs);
    const positioned = claimed.map((n) => ({ n, key: orderingKey(n), position: waiting.claimed(orderingKey(n), n.notificationId) }));
    // Claims go oldest first: a short one, or one past the opening, has taken every row stored before it.
    if (claimed.length < batchSize || claimed.some((n) => (n.nextAttemptAt ?? 0) > openedAt)) draining = false;
    // Rows of one commit tie on `received_at`, so the claim may return a key's rows in either order, or the newer
    // alone: the arrival position puts them in order, and a row with an older one still in the store waits for it.
    const candidates = [...parked, ...positioned].sort(
      (a, b) => a.n.receivedAt - b.n.receivedAt || (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER),
    );
    parked = [];
    for (const c of candidates) {
      const oldest = waiting.oldest(c.key);
      if (c.position !== null && oldest !== null && oldest < c.position) parked.push(c);
      else inHand.push(c.n);
    }
    return claimed.length;
  }

  return {
    async next(now) {
      // Keys waiting on the store are claimed every pass, so a steady stream of hand-overs cannot starve them.
      let claimed = draining || waiting.any() || parked.length > 0 || inHand.length === 0 ? await claim(now) : 0;
      // A claim whose rows all wait for an older one still in the store made no batch: claim on while claims find rows.
      while (inHand.length === 0 && parked.length > 0 && claimed > 0) claimed = await claim(now);
      const batch = inHand.slice(0, batchSize);
      inHand = inHand.slice(batch.length);
      return batch;
    },
    open(now) {
      open = true;
      draining = true;
      openedAt = now;
    },
    async close() {
      open = false;
      const left = [...inHand, ...parked.map((p) => p.n)];
      inHand = [];
      parked = [];
      if (left.length > 0) await release(left);
    },
    leasesFor(deliveries) {
      return deliveries.map((d) => {
        const key = orderingKey(d);
        if (open && !draining && !waiting.has(key) && inHand.length + leasedUnderWay < maxInHand) {
          leasedUnderWay += 1;
          return lease;
        }
        waiting.storing(key, d.notificationId);
        return null;
      });
    },
    stored(commit) {
      const handed: InboxNotification[] = [];
      commit.deliveries.forEach((d, i) => {
        const isNew = commit.isNew?.[i] ?? false;
        if (commit.leases[i]) {
          leasedUnderWay -= 1;
          if (isNew) handed.push(leasedRow(d, commit.receivedAt));
          return;
        }
        // Stored while running: it waits for a claim, and its key with it. Otherwise nothing waits on this row.
        if (!isNew || !open) waiting.notStored(orderingKey(d), d.notificationId);
      });
      if (handed.length === 0) return;
      if (!open) {
        // Closed between granting the lease and the commit: give the rows back to the store.
        void release(handed);
        return;
      }
      inHand.push(...handed);
      options.onHanded();
    },
  };
}

interface Positioned {
  n: InboxNotification;
  key: string | null;
  /** Arrival position among rows stored without a lease (webhook-waiting-keys.ts); null when not known here. */
  position: number | null;
}

/** The row as `claimPending` would have returned it, with the payload as parsed from the request. */
function leasedRow(d: IntakeDelivery, now: number): InboxNotification {
  return {
    workspaceId: d.workspaceId,
    notificationId: d.notificationId,
    topic: d.topic,
    payload: d.payload,
    receivedAt: now,
    status: 'pending',
    processedAt: null,
    attempts: 1,
    lastError: null,
    nextAttemptAt: now,
  };
}
