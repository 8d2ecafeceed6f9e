/**
 * The webhook feed's record of ordering keys that have rows in the store without a lease (webhook-feed.ts): a
 * key is waiting from the moment a delivery of it is granted no lease until every such row has been claimed.
 *
 * Counted per notification id, because a redelivery of a row still in the store is granted no lease either and
 * ends as a duplicate: it must not end its original's wait. A claim ends the id's wait whatever is still under
 * way for it (a commit that lands after the claim stored nothing new). Each id keeps the position it arrived in:
 * rows of one commit share their `received_at`, so a claim may return a key's rows in either order, or only the
 * newer one; the position says which came first.
 */
export interface WaitingKeys {
  any(): boolean;
  has(key: string | null): boolean;
  /** A delivery of `key` is being stored without a lease. */
  storing(key: string | null, notificationId: string): void;
  /** That commit ended without a new row for the processor to claim (failed, duplicate, or nobody to claim it). */
  notStored(key: string | null, notificationId: string): void;
  /** The row was claimed from the store: its arrival position (null when it was not waiting here). */
  claimed(key: string | null, notificationId: string): number | null;
  /** The arrival position of the key's oldest row still waiting; null when none waits. */
  oldest(key: string | null): number | null;
}

export function createWaitingKeys(): WaitingKeys {
  /** key → notification id → deliveries of it granted no lease and not yet settled, and its arrival position. */
  const keys = new Map<string, Map<string, { count: number; position: number }>>();
  let arrivals = 0;

  const idsOf = (key: string | null) => (key === null ? undefined : keys.get(key));
  const forget = (key: string, notificationId: string) => {
    const ids = keys.get(key);
    ids?.delete(notificationId);
    if (ids?.size === 0) keys.delete(key);
  };

  return {
    any: () => keys.size > 0,
    has: (key) => key !== null && keys.has(key),
    storing(key, notificationId) {
      if (key === null) return;
      const ids = keys.get(key) ?? new Map<string, { count: number; position: number }>();
      const entry = ids.get(notificationId);
      if (entry) entry.count += 1;
      else ids.set(notificationId, { count: 1, position: arrivals++ });
      keys.set(key, ids);
    },
    notStored(key, notificationId) {
      const entry = idsOf(key)?.get(notificationId);
      if (!entry || key === null) return;
      if (entry.count > 1) entry.count -= 1;
      else forget(key, notificationId);
    },
    claimed(key, notificationId) {
      const entry = idsOf(key)?.get(notificationId);
      if (!entry || key === null) return null;
      forget(key, notificationId);
      return entry.position;
    },
    oldest(key) {
      let oldest: number | null = null;
      for (const { position } of idsOf(key)?.values() ?? []) if (oldest === null || position < oldest) oldest = position;
      return oldest;
    },
  };
}
