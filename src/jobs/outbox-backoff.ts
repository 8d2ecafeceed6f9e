/**
 * Retry delays for outbox jobs: exponential, capped, with jitter so jobs that
 * failed together (an Intercom outage) do not all retry in the same instant.
 */
export interface BackoffPolicy {
  /** Delay after the first failed attempt. */
  baseMs: number;
  /** Upper bound on any delay. */
  maxMs: number;
  /** Fraction (0–1) of the delay that is randomised away; 0 = deterministic. */
  jitter: number;
}

export const DEFAULT_BACKOFF: Readonly<BackoffPolicy> = Object.freeze({ baseMs: 2_000, maxMs: 15 * 60_000, jitter: 0.2 });

/**
 * Delay before the next try after `attempt` failed tries (1-based).
 * `random` returns [0, 1); injected so tests can pin it.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30); // 2^30 × base already exceeds any sane cap
  const capped = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  const jitter = Math.min(Math.max(policy.jitter, 0), 1);
  return Math.round(capped * (1 - jitter * random()));
}
