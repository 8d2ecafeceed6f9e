/**
 * The webhook route's way into the inbox. Deliveries that arrive together (a burst keeps dozens in flight) are
 * stored in one transaction — one commit for the lot instead of one each — and each is answered only once that
 * commit has returned, so a 200 still always means stored.
 *
 * When the webhook processor is running and has room, the new rows are stored already leased to it and handed
 * over in memory, parsed: it applies them without claiming them from the store or parsing them again. Should this
 * process die first, the lease runs out and any worker claims the rows as usual; nothing is lost or applied twice
 * (the processor's own check, see webhook-processor.ts).
 *
 * The deliveries waiting for a commit are bounded: while the database is slow or away they pile up, and past
 * `maxQueued` a new one is refused at once (the route answers 503 and Intercom delivers it again later) instead
 * of holding every body in memory until the process runs out of it.
 */
import { type Delivery, type InboxNotification, type LeaseOnArrival, type Store, toJson } from '../store';
import type { Clock } from '../util/clock';

export interface IntakeDelivery {
  workspaceId: string;
  notificationId: string;
  topic: string;
  payload: unknown;
}

/** The webhook processor's side of the in-memory hand-over of new rows. */
export interface ProcessorHandOver {
  /**
   * The lease to store `count` new rows under, or null: the processor is not running, has enough in hand, or rows
   * stored without a lease still wait in the store (newer rows handed over now would be applied before them).
   * Every call is answered by one `stored` once the commit it was asked for has ended.
   */
  leaseFor(count: number): LeaseOnArrival | null;
  /** The commit ended: the rows it stored under `lease`, for the processor to apply (none when unleased or failed). */
  stored(lease: LeaseOnArrival | null, rows: InboxNotification[]): void;
}

export interface WebhookIntake {
  /** Resolves once the delivery is committed ('new') or found already stored ('duplicate'). */
  accept(delivery: IntakeDelivery): Promise<'new' | 'duplicate'>;
}

export interface WebhookIntakeDeps {
  store: Store;
  clock: Clock;
  processor: ProcessorHandOver | null;
  /** After a commit that stored new rows the processor was not handed (it polls them). */
  onStored(): void;
  /** Deliveries that may wait for a commit at once (the group being written not counted). */
  maxQueued: number;
}

/** The intake is full: nothing of this delivery was stored, and the sender should try again later. */
export class IntakeFullError extends Error {
  constructor(limit: number) {
    super(`webhook intake full (${limit} deliveries waiting to be stored)`);
    this.name = 'IntakeFullError';
  }
}

/** Bounds one transaction, so a huge burst still commits (and answers) in steady steps. */
const MAX_PER_COMMIT = 256;

interface Waiting {
  delivery: IntakeDelivery & Delivery;
  resolve(answer: 'new' | 'duplicate'): void;
  reject(error: unknown): void;
}

export function createWebhookIntake(deps: WebhookIntakeDeps): WebhookIntake {
  let queue: Waiting[] = [];
  let scheduled = false;
  let writing = false;

  function schedule(): void {
    if (scheduled || writing || queue.length === 0) return;
    scheduled = true;
    // After this turn of the event loop: every delivery whose body has arrived by then joins the same commit.
    setImmediate(() => {
      scheduled = false;
      void flush();
    });
  }

  async function flush(): Promise<void> {
    writing = true;
    const group = queue.slice(0, MAX_PER_COMMIT);
    queue = queue.slice(group.length);
    try {
      await store(group);
    } finally {
      writing = false;
      schedule();
    }
  }

  async function store(group: Waiting[]): Promise<void> {
    const now = deps.clock.now();
    const lease = deps.processor?.leaseFor(group.length) ?? null;
    let stored: boolean[];
    try {
      stored = await deps.store.transaction((tx) =>
        tx.webhooks.acceptMany(
          group.map((w) => w.delivery),
          now,
          lease,
        ),
      );
    } catch (error) {
      deps.processor?.stored(lease, []);
      // Nothing of the group was stored: each delivery gets the error, and Intercom will deliver it again.
      for (const w of group) w.reject(error);
      return;
    }
    const handed: InboxNotification[] = [];
    group.forEach((w, i) => {
      if (stored[i] && lease) handed.push(leased(w.delivery, now));
    });
    deps.processor?.stored(lease, handed);
    if (!lease && stored.some(Boolean)) deps.onStored();
    group.forEach((w, i) => {
      w.resolve(stored[i] ? 'new' : 'duplicate');
    });
  }

  return {
    accept(delivery) {
      if (queue.length >= deps.maxQueued) return Promise.reject(new IntakeFullError(deps.maxQueued));
      let payloadJson: string;
      try {
        // Serialised now, alone: an item too deeply nested to serialise fails its own delivery, not its group's.
        payloadJson = toJson(delivery.payload);
      } catch (error) {
        return Promise.reject(error);
      }
      return new Promise((resolve, reject) => {
        queue.push({ delivery: { ...delivery, payloadJson }, resolve, reject });
        schedule();
      });
    },
  };
}

/** The row as `claimPending` would have returned it, with the payload as parsed from the request. */
function leased(d: IntakeDelivery, now: number): InboxNotification {
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
