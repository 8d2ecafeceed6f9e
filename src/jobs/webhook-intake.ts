/**
 * The webhook route's way into the inbox. Deliveries that arrive together (a burst keeps dozens in flight) are
 * stored in one transaction — one commit for the lot instead of one each — and each is answered only once that
 * commit has returned, so a 200 still always means stored.
 *
 * When the webhook processor is running and has room, new rows are stored already leased to it and handed over in
 * memory, parsed (each row decided on its own, webhook-feed.ts): it applies them without claiming them from the
 * store or parsing them again. Should this process die first, the lease runs out and any worker claims the rows as
 * usual; nothing is lost or applied twice (the processor's own check, see webhook-processor.ts).
 *
 * The deliveries waiting for a commit are bounded: while the database is slow or away they pile up, and past
 * `maxQueued` a new one is refused at once (the route answers 503 and Intercom delivers it again later) instead
 * of holding every body in memory until the process runs out of it.
 */
import { type Delivery, type LeaseOnArrival, type Store, toJson } from '../store';
import type { Clock } from '../util/clock';

export interface IntakeDelivery {
  workspaceId: string;
  notificationId: string;
  topic: string;
  payload: unknown;
}

/** A commit the intake asked leases for, once it has ended. */
export interface StoredCommit {
  deliveries: readonly IntakeDelivery[];
  /** As `leasesFor` granted them, one per delivery. */
  leases: readonly (LeaseOnArrival | null)[];
  /** Per delivery, whether it was stored as a new row; null when the commit failed and stored nothing. */
  isNew: readonly boolean[] | null;
  receivedAt: number;
}

/** The webhook processor's side of the in-memory hand-over of new rows. */
export interface ProcessorHandOver {
  /**
   * For each delivery about to be stored, the lease to store it under (the processor takes the row over once
   * stored), or null: the processor is not running or has enough in hand, or an older row of the same ticket or
   * conversation still waits in the store (a newer one handed over now would be applied before it). Every call is
   * answered by one `stored` once the commit it was asked for has ended.
   */
  leasesFor(deliveries: readonly IntakeDelivery[]): (LeaseOnArrival | null)[];
  stored(commit: StoredCommit): void;
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
  delivery: IntakeDelivery & Omit<Delivery, 'lease'>;
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
    const receivedAt = deps.clock.now();
    const deliveries = group.map((w) => w.delivery);
    const leases = deps.processor?.leasesFor(deliveries) ?? deliveries.map(() => null);
    let isNew: boolean[];
    try {
      isNew = await deps.store.transaction((tx) =>
        tx.webhooks.acceptMany(
          deliveries.map((d, i) => ({ ...d, lease: leases[i] ?? null })),
          receivedAt,
        ),
      );
    } catch (error) {
      deps.processor?.stored({ deliveries, leases, isNew: null, receivedAt });
      // Nothing of the group was stored: each delivery gets the error, and Intercom will deliver it again.
      for (const w of group) w.reject(error);
      return;
    }
    deps.processor?.stored({ deliveries, leases, isNew, receivedAt });
    if (isNew.some((stored, i) => stored && !leases[i])) deps.onStored();
    group.forEach((w, i) => {
      w.resolve(isNew[i] ? 'new' : 'duplicate');
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
