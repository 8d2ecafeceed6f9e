/**
 * Work that may run side by side except where it shares a key: the webhook processor's PostgreSQL transactions,
 * where rows of one ticket must stay in arrival order and rows of different tickets need not wait for each other.
 */

/** Transactions in flight at once on PostgreSQL; the pool (10) keeps room for ingest and the other jobs. */
export const LANES = 4;

/**
 * Items split into lanes, in order within each lane; items with the same key always share one. At most one lane
 * per `perLane` items: a lane's transaction costs the webhook processor about the same dozen statements however
 * many rows it holds (services/sync/group-store.ts), so a small batch split four ways sends four times the
 * statements to save little waiting.
 */
export function lanes<T>(items: readonly T[], keyOf: (item: T) => string | null, perLane = 1): T[][] {
  const count = Math.max(1, Math.min(LANES, Math.ceil(items.length / perLane)));
  const split: T[][] = Array.from({ length: count }, () => []);
  const laneOf = new Map<string, number>();
  let next = 0;
  for (const item of items) {
    const key = keyOf(item);
    let lane = key === null ? undefined : laneOf.get(key);
    if (lane === undefined) {
      lane = next++ % count;
      if (key !== null) laneOf.set(key, lane);
    }
    split[lane]!.push(item);
  }
  return split.filter((lane) => lane.length > 0);
}
