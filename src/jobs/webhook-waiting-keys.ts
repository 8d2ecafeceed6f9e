/**
 * The webhook feed's record of ordering keys that have rows in the store without a lease (webhook-feed.ts): a
 * key is waiting from the moment a delivery of it is granted no lease until every such row has been claimed.
 *
 * Counted per notification id, because a redelivery of a row still in the store is granted no lease either and
 * ends as a duplicate: it must not end its original's wait. A claim ends the id's wait whatever is still under
 * way for it (a commit that lands after the claim stored nothing new).
 */
export interface WaitingKeys {
  any(): boolean;
  has(key: string | null): boolean;
  /** A delivery of `key` is being stored without a lease. */
  storing(key: string | null, notificationId: string): void;
  /** That commit ended without a new row for the processor to claim (failed, duplicate, or nobody to claim it). */
  notStored(key: string | null, notificationId: string): void;
  /** The row was claimed from the store. */
  claimed(key: string | null, notificationId: string): void;
}

export function createWaitingKeys(): WaitingKeys {
  /** key → notification id → deliveries of it granted no lease and not yet settled. */
  const keys = new Map<string, Map<string, number>>();

  const forget = (key: string, ids: Map<string, number>, notificationId: string) => {
    ids.delete(notificationId);
    if (ids.size === 0) keys.delete(key);
  };

  return {
    any: () => keys.size > 0,
    has: (key) => key !== null && keys.has(key),
    storing(key, notificationId) {
      if (key === null) return;
      const ids = keys.get(key) ?? new Map<string, number>();
      ids.set(notificationId, (ids.get(notificationId) ?? 0) + 1);
      keys.set(key, ids);
    },
    notStored(key, notificationId) {
      const ids = key === null ? undefined : keys.get(key);
      const count = ids?.get(notificationId);
      if (!ids || count === undefined || key === null) return;
      if (count > 1) ids.set(notificationId, count - 1);
      else forget(key, ids, notificationId);
    },
    claimed(key, notificationId) {
      const ids = key === null ? undefined : keys.get(key);
      if (ids && key !== null) forget(key, ids, notificationId);
    },
  };
}
