/**
 * Pruning the outbox's done rows, as the webhook processor prunes its inbox: hourly, rows done longer ago than
 * the retention go, a bounded batch per statement and a bounded number of batches per poll, so neither one
 * statement nor one poll holds the store for long. A backlog larger than one poll's share carries on at the next
 * poll instead of waiting an hour. Dead rows are never pruned: they wait for an operator (settings › Failed work).
 */
import type { Store } from '../store';

const HOUR = 3_600_000;
const PRUNE_BATCH = 500;
const PRUNE_BATCHES_PER_POLL = 20;

/** Three days, like the webhook inbox. */
export const DEFAULT_RETAIN_DONE_MS = 72 * HOUR;

/** Returns the step the worker runs at the start of each poll. */
export function createOutboxPruner(store: Store, retainDoneMs: number): (now: number) => Promise<void> {
  let lastPrune = Number.NEGATIVE_INFINITY;
  return async (now) => {
    if (now - lastPrune < HOUR) return;
    lastPrune = now;
    for (let batch = 0; batch < PRUNE_BATCHES_PER_POLL; batch++) {
      if ((await store.outbox.pruneDone(now - retainDoneMs, PRUNE_BATCH)) < PRUNE_BATCH) return;
    }
    lastPrune = Number.NEGATIVE_INFINITY;
  };
}
