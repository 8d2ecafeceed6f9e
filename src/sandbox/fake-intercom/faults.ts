/**
 * Switchable failures, so tests and the reliability suite can make Intercom misbehave the ways it does in life.
 * A rule matches a route ("POST /tickets", "PUT /tickets/{id}", "*"), fires a number of times (or forever), and
 * either replaces the answer (`phase: 'before'`, the default: Intercom never acted) or spoils it after the fake
 * has applied the request (`phase: 'after'`: the ticket exists but the client never hears so, the case that makes
 * exactly-once hard).
 */
export type FaultEffect =
  /** Answer with this status and an `error.list` body (500, 503, …). */
  | { type: 'status'; status: number; code?: string; message?: string }
  /** 429 `rate_limit_exceeded` with `X-RateLimit-Reset` this many seconds ahead of the fake's clock. */
  | { type: 'rate_limit'; resetInSeconds: number }
  /** Hold the request without answering (until the fake closes or `holdMs` passes), so the client times out. */
  | { type: 'timeout' }
  /** Destroy the socket without an answer. */
  | { type: 'drop' }
  /** Delay, then answer normally. */
  | { type: 'latency'; ms: number };

export interface FaultRule {
  /** `"METHOD /path"` or `"/path"` (any method) or `"*"`; `{name}` or `*` matches one path segment. Default `"*"`. */
  route?: string;
  effect: FaultEffect;
  /** How many matching requests it affects; `Infinity` for a persistent fault. Default 1. */
  times?: number;
  phase?: 'before' | 'after';
}

export interface FaultHandle {
  /** Matching requests it can still affect. */
  readonly remaining: number;
  remove(): void;
}

export interface AppliedFaults {
  /** Delay before handling, summed over matching latency rules. */
  latencyMs: number;
  /** The first matching non-latency rule, consumed. */
  fault: { effect: Exclude<FaultEffect, { type: 'latency' }>; phase: 'before' | 'after' } | null;
}

interface ActiveRule {
  method: string | null;
  segments: string[] | null;
  effect: FaultEffect;
  remaining: number;
  phase: 'before' | 'after';
}

export class FaultControl {
  private rules: ActiveRule[] = [];
  /** Faults that actually fired (latency excluded): the reliability suite reports it. */
  injected = 0;

  add(rule: FaultRule): FaultHandle {
    const active: ActiveRule = {
      ...parseRoute(rule.route ?? '*'),
      effect: rule.effect,
      remaining: rule.times ?? 1,
      phase: rule.phase ?? 'before',
    };
    this.rules.push(active);
    return {
      get remaining() {
        return active.remaining;
      },
      remove: () => {
        this.rules = this.rules.filter((candidate) => candidate !== active);
      },
    };
  }

  /** The next `times` matching requests answer `status` (default 500). */
  failNext(times = 1, status = 500, route?: string): FaultHandle {
    return this.add({ route, times, effect: { type: 'status', status } });
  }

  rateLimitNext(times = 1, resetInSeconds = 1, route?: string): FaultHandle {
    return this.add({ route, times, effect: { type: 'rate_limit', resetInSeconds } });
  }

  timeoutNext(times = 1, route?: string): FaultHandle {
    return this.add({ route, times, effect: { type: 'timeout' } });
  }

  dropNext(times = 1, route?: string): FaultHandle {
    return this.add({ route, times, effect: { type: 'drop' } });
  }

  /** Persistent latency on matching requests until removed or cleared. */
  latency(ms: number, route?: string): FaultHandle {
    return this.add({ route, times: Number.POSITIVE_INFINITY, effect: { type: 'latency', ms } });
  }

  clear(): void {
    this.rules = [];
  }

  /** Decides what happens to one request, consuming one use of each rule that fires. */
  take(method: string, path: string): AppliedFaults {
    const segments = splitPath(path);
    let latencyMs = 0;
    let fault: AppliedFaults['fault'] = null;
    for (const rule of this.rules) {
      if (rule.remaining <= 0 || !matches(rule, method, segments)) continue;
      if (rule.effect.type === 'latency') {
        latencyMs += rule.effect.ms;
        rule.remaining -= 1;
      } else if (fault === null) {
        fault = { effect: rule.effect, phase: rule.phase };
        rule.remaining -= 1;
        this.injected += 1;
      }
    }
    this.rules = this.rules.filter((rule) => rule.remaining > 0);
    return { latencyMs, fault };
  }
}

function parseRoute(route: string): { method: string | null; segments: string[] | null } {
  const [first, second] = route.trim().split(/\s+/);
  if (second !== undefined) return { method: first!.toUpperCase() === '*' ? null : first!.toUpperCase(), segments: pathSegments(second) };
  if (first === '*' || first === undefined) return { method: null, segments: null };
  return first.startsWith('/') ? { method: null, segments: pathSegments(first) } : { method: first.toUpperCase(), segments: null };
}

function pathSegments(path: string): string[] | null {
  return path === '*' ? null : splitPath(path);
}

function splitPath(path: string): string[] {
  return path
    .split('?')[0]!
    .split('/')
    .filter((segment) => segment !== '');
}

function matches(rule: ActiveRule, method: string, segments: string[]): boolean {
  if (rule.method !== null && rule.method !== method.toUpperCase()) return false;
  if (rule.segments === null) return true;
  if (rule.segments.length !== segments.length) return false;
  return rule.segments.every((pattern, index) => pattern === '*' || /^\{.+\}$/.test(pattern) || pattern === segments[index]);
}
