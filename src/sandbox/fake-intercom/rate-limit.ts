/**
 * Intercom's rate-limit bookkeeping: a per-workspace budget per 10-second window, reported on every authenticated
 * answer as `X-RateLimit-Limit`/`-Remaining`/`-Reset` (unix seconds). Exhausting it answers a real 429, so
 * throttling code can be tested without a fault rule.
 */
import type { Clock } from '../../util/clock';

const WINDOW_SECONDS = 10;

export interface RateLimitVerdict {
  allowed: boolean;
  headers: Record<string, string>;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; used: number }>();

  /** 10,000 calls/min per app, split into six 10-second windows as Intercom does. */
  constructor(
    private readonly clock: Clock,
    private readonly perWindow = 1_666,
  ) {}

  windowReset(): number {
    const now = Math.floor(this.clock.now() / 1000);
    return now - (now % WINDOW_SECONDS) + WINDOW_SECONDS;
  }

  take(workspaceId: string): RateLimitVerdict {
    const reset = this.windowReset();
    const start = reset - WINDOW_SECONDS;
    const window = this.windows.get(workspaceId);
    const current = window && window.start === start ? window : { start, used: 0 };
    this.windows.set(workspaceId, current);
    const allowed = current.used < this.perWindow;
    if (allowed) current.used += 1;
    return {
      allowed,
      headers: {
        'X-RateLimit-Limit': String(this.perWindow),
        'X-RateLimit-Remaining': String(Math.max(0, this.perWindow - current.used)),
        'X-RateLimit-Reset': String(reset),
      },
    };
  }
}
