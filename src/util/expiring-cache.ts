/**
 * Bounded caches whose entries expire on the injected clock: lru-cache, configured once for this codebase.
 * `perf` is our `Clock`, so a test or the sandbox that moves time moves expiry with it; `ttlResolution: 0` because
 * lru-cache otherwise reuses a reading of the clock for a millisecond of real time, which a manual clock that jumps
 * ten minutes inside that millisecond would not see. The bound (least recently used out first) keeps a stream of
 * distinct keys (made-up ids from a hostile caller, a process that runs for weeks) from growing it without end.
 */
import { LRUCache } from 'lru-cache';
import type { Clock } from './clock';

export interface ExpiringCacheOptions {
  /** Most entries kept. */
  max: number;
  /** How long an entry stands, in milliseconds of the clock. */
  ttlMs: number;
  clock: Clock;
}

/** Keys and values are anything but null or undefined: lru-cache's own bound. */
export function createExpiringCache<K extends {}, V extends {}>(options: ExpiringCacheOptions): LRUCache<K, V> {
  return new LRUCache<K, V>({ max: options.max, ttl: options.ttlMs, ttlResolution: 0, perf: options.clock });
}
