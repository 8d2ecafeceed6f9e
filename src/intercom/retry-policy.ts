/**
 * When to try an Intercom call again, and how long to wait: pure functions of the error, the attempt number,
 * the time and a random source, so tests can pin every delay.
 */
import type { IntercomApiError } from './errors';

export interface RetryPolicy {
  /** Retries after the first attempt (0 = never retry). */
  maxRetries: number;
  /** First backoff step; doubles on each retry. */
  baseDelayMs: number;
  /** Ceiling of a single backoff step. */
  maxDelayMs: number;
  /**
   * Ceiling of the total time spent waiting across retries. A 429 whose reset lies beyond it fails at once:
   * a caller in a Canvas Kit request cannot wait a minute, and the outbox will retry later anyway.
   */
  maxTotalWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxRetries: 3,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  maxTotalWaitMs: 15_000,
});

/**
 * Exponential backoff with "equal jitter": half of the step is fixed so a retry never fires immediately, half is
 * random so many workers hitting the same outage spread out instead of retrying in lockstep.
 */
export function backoffDelay(retryNumber: number, policy: RetryPolicy, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retryNumber - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/**
 * Delay before retrying `error`. A 429 carrying `X-RateLimit-Reset` waits until the window resets, plus a little
 * jitter so every waiting caller does not land on the new window at the same instant; anything else backs off.
 */
export function retryDelay(error: IntercomApiError, retryNumber: number, nowMs: number, policy: RetryPolicy, random: () => number): number {
  if (error.status === 429 && error.rateLimitResetAt !== null) {
    return Math.max(0, error.rateLimitResetAt - nowMs) + Math.round(random() * policy.baseDelayMs);
  }
  return backoffDelay(retryNumber, policy, random);
}
