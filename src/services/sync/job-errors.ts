/**
 * Intercom's answer → what the outbox should do with a sync job. A 4xx other than 429 says this request will
 * never succeed (dead-letter now); a 429 says when to come back; 5xx, timeouts and dropped connections are
 * retried with backoff. A workspace that uninstalled Handoff has no token left to retry with, and a ticket we no
 * longer track has nothing left to change.
 */
import { AppError } from '../../util/app-error';
import { isIntercomApiError } from '../../intercom';
import { PermanentJobError, RetryJobError } from '../job-outcomes';

export function toJobError(error: unknown): unknown {
  if (error instanceof AppError && (error.code === 'not_installed' || error.code === 'not_found'))
    return new PermanentJobError(`${error.code}: ${error.message}`);
  if (!isIntercomApiError(error)) return error;
  const what = `Intercom ${error.status || ''} ${error.code}`.trim();
  if (error.status === 429 && error.rateLimitResetAt !== null) return new RetryJobError(what, error.rateLimitResetAt);
  if (!error.retryable) return new PermanentJobError(`${what}: ${error.message}`.slice(0, 300));
  return error;
}

/** Runs `fn`, translating its failure for the outbox worker. */
export async function asJob<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toJobError(error);
  }
}

/** A job's payload as its schema says, or a permanent failure: a row no handler can read will not improve. */
export function parsePayload<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  payload: unknown,
): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new PermanentJobError('job payload does not match its kind');
  return parsed.data;
}
