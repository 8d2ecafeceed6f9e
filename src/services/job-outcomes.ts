/**
 * How an outbox handler tells the worker what a failure means. Anything else a
 * handler throws is treated as transient and retried with backoff.
 */

/** Retrying cannot help (e.g. Intercom answered 400/404 for this payload): dead-letter now. */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}

/** Transient, and the handler knows when to try again (e.g. a 429 with `X-RateLimit-Reset`). */
export class RetryJobError extends Error {
  override readonly name = 'RetryJobError';

  constructor(
    message: string,
    /** Epoch ms; the worker never retries sooner than its own backoff would. */
    readonly retryAt: number,
  ) {
    super(message);
  }
}

/*
 * Recognised by name as well as by class: an error can cross module instances
 * (jest's per-file registries, a bundled handler), where `instanceof` says no.
 */

export function isPermanentJobError(error: unknown): boolean {
  return error instanceof PermanentJobError || nameOf(error) === 'PermanentJobError';
}

/** The time a `RetryJobError` asks for, or null for any other error. */
export function requestedRetryAt(error: unknown): number | null {
  if (!(error instanceof RetryJobError) && nameOf(error) !== 'RetryJobError') return null;
  const retryAt = (error as { retryAt?: unknown }).retryAt;
  return typeof retryAt === 'number' && Number.isFinite(retryAt) ? retryAt : null;
}

export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

function nameOf(error: unknown): unknown {
  return (error as { name?: unknown } | null)?.name;
}
