/**
 * The one answer to "an Intercom call failed: try again, wait, or give up?". Every caller that talks to Intercom in
 * the background (outbox handlers, the webhook processor, reconciliation) or inline (escalate, refresh) asks here,
 * so one status never means two things in two places. Callers keep their own wording; only the decision is shared.
 *
 * - `retry`: the same request may succeed later, with the caller's backoff.
 * - `wait`: Intercom asked us to come back later (429); `until` is its reset time when it sent one.
 * - `give_up`: the request will never succeed as it is; retrying only spends the shared rate limit.
 *
 * Null means the error is not an Intercom or install failure at all (a bug, a store fault the caller knows better):
 * the caller lets it surface unchanged.
 */
import { isIntercomApiError } from '../intercom';
import { AppError } from '../util/app-error';
import { PermanentJobError, RetryJobError } from './job-outcomes';

export type IntercomFailure = { kind: 'retry' } | { kind: 'give_up' } | { kind: 'wait'; until: number | null };

export function classifyIntercomFailure(error: unknown): IntercomFailure | null {
  if (error instanceof AppError) return classifyAppError(error);
  if (!isIntercomApiError(error)) return null;
  const { status } = error;
  // Rate limited: the request is fine, the window is full. Intercom's reset header says when it empties.
  if (status === 429) return { kind: 'wait', until: error.rateLimitResetAt };
  // 408: Intercom stopped waiting for us (a slow upload, a busy edge); it says nothing against the request itself.
  if (status === 408) return { kind: 'retry' };
  // 400, 401, 403, 404, 409, 410, 422 …: Intercom read the request and refused it; the same request is refused
  // again. A 404 is final for every caller today: the ticket, conversation or admin was deleted, and none of them
  // comes back (a ticket is readable as soon as its create call answers, so there is no "not yet" to wait for).
  if (status >= 400 && status < 500) return { kind: 'give_up' };
  // 5xx, status 0 (timeout, dropped connection) and a 2xx whose body we could not read (`invalid_response`): the
  // call may even have taken effect. Every background job looks for its own result before acting again (a marker
  // on the note, the ticket found by search), so trying again is safe, and the outbox bounds the attempts.
  return { kind: 'retry' };
}

function classifyAppError(error: AppError): IntercomFailure | null {
  switch (error.code) {
    // Uninstalled (or the token is unreadable): nothing to call Intercom with until someone reinstalls.
    case 'not_installed':
    // Our link to the ticket is gone (unlinked, workspace data removed): there is nothing left to change.
    case 'not_found':
    case 'intercom_rejected':
      return { kind: 'give_up' };
    // Both heal by themselves: Intercom comes back, the database finishes its restart or failover.
    case 'intercom_unavailable':
    case 'store_unavailable':
      return { kind: 'retry' };
    default:
      return null;
  }
}

/** "404 not_found" (or just the code when no answer came): what a teammate may read, never Intercom's free text. */
export function intercomStatusLabel(error: unknown): string | null {
  if (!isIntercomApiError(error)) return null;
  // Status 0 is a request that never got an answer (timeout, dropped connection): the code says which.
  return error.status === 0 ? error.code : `${error.status} ${error.code}`;
}

/** A short, token-free description of the failure for a job's last error: "Intercom 404 not_found: …". */
export function describeFailure(error: unknown): string {
  if (error instanceof AppError) return `${error.code}: ${error.userMessage}`;
  const label = intercomStatusLabel(error);
  if (label !== null) return `Intercom ${label}: ${(error as Error).message}`;
  return error instanceof Error ? error.message : String(error);
}

const JOB_MESSAGE_CHARS = 300;

/**
 * The error an outbox handler throws for `error`: a give-up dead-letters the job now, a 429 with a reset time is
 * retried at it, the rest back off in the worker. An unclassified error is thrown unchanged (the worker backs off).
 */
export function toOutboxError(error: unknown): unknown {
  const failure = classifyIntercomFailure(error);
  if (failure === null) return error;
  const message = describeFailure(error).slice(0, JOB_MESSAGE_CHARS);
  if (failure.kind === 'give_up') return new PermanentJobError(message);
  if (failure.kind === 'wait' && failure.until !== null) return new RetryJobError(message, failure.until);
  return error;
}

/** Runs an outbox handler's Intercom work, translating its failure for the worker. */
export async function asOutboxJob<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toOutboxError(error);
  }
}
