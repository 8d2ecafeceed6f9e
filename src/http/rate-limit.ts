/**
 * A fixed-window request limit per key (a client address, a workspace), for public endpoints anyone can call
 * (the embed's). In memory and per instance: it bounds what one process does for one caller, which is what protects
 * Intercom's rate limit and our database; the keys are bounded too (emptied when full), so a flood of made-up keys
 * cannot grow it.
 */
import type { Clock } from '../util/clock';

export interface RateLimit {
  /** Counts one request; null when it may go on, else the seconds until the window ends (for Retry-After). */
  take(key: string): number | null;
}

const KEYS_TRACKED = 50_000;

export function createRateLimit(clock: Clock, options: { limit: number; windowMs: number }): RateLimit {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(key) {
      const now = clock.now();
      let window = windows.get(key);
      if (!window || now >= window.start + options.windowMs) {
        if (!window && windows.size >= KEYS_TRACKED) windows.clear();
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count <= options.limit) return null;
      return Math.max(1, Math.ceil((window.start + options.windowMs - now) / 1000));
    },
  };
}
