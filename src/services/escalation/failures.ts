/**
 * What a failed Intercom call means for an escalation. Only an answer that says "this request is wrong" (a 4xx
 * other than 429) is final; anything else may succeed later, or may even have succeeded already (a 5xx after
 * the write, a lost answer), so it goes to the outbox, whose job looks for the result before trying again.
 */
import { AppError } from '../../util/app-error';
import { isIntercomApiError } from '../../intercom';
import { PermanentJobError, RetryJobError } from '../job-outcomes';
import { BudgetExceededError } from './budget';

export type Failure =
  | { kind: 'rejected'; message: string }
  | { kind: 'transient'; message: string /** Epoch ms Intercom asked us to wait for (429). */; retryAt: number | null };

const MESSAGE_CHARS = 240;

function cap(text: string): string {
  return text.length > MESSAGE_CHARS ? `${text.slice(0, MESSAGE_CHARS - 1)}…` : text;
}

/** Unknown errors (bugs) are not classified: the caller lets them surface. */
export function classify(error: unknown): Failure | null {
  if (error instanceof BudgetExceededError) return { kind: 'transient', message: error.message, retryAt: null };
  if (error instanceof AppError && error.code === 'not_installed') return { kind: 'rejected', message: error.userMessage };
  if (!isIntercomApiError(error)) return null;
  const final = error.status >= 400 && error.status < 500 && error.status !== 429 && error.status !== 408;
  if (final) return { kind: 'rejected', message: cap(error.message) };
  return {
    kind: 'transient',
    message: cap(`${error.code}: ${error.message}`),
    retryAt: error.status === 429 ? error.rateLimitResetAt : null,
  };
}

/** For outbox handlers: a final failure dead-letters the job, a 429 retries at the reset, the rest back off. */
export function toJobError(error: unknown, failure: Failure | null): Error {
  if (failure === null) return error instanceof Error ? error : new Error(String(error));
  if (failure.kind === 'rejected') return new PermanentJobError(failure.message);
  return failure.retryAt === null ? new Error(failure.message) : new RetryJobError(failure.message, failure.retryAt);
}
