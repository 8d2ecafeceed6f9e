/**
 * What a failed Intercom call means for an escalation, in the escalation's own words. The decision is the shared
 * one (services/intercom-failure.ts); only the escalation's time budget is added here: a create that ran out of its
 * budget may still land, so it goes to the outbox, whose job looks for the ticket before creating it again.
 */
import { isIntercomApiError } from '../../intercom';
import { AppError } from '../../util/app-error';
import { classifyIntercomFailure } from '../intercom-failure';
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
  const failure = classifyIntercomFailure(error);
  if (failure === null) return null;
  if (failure.kind === 'give_up') return { kind: 'rejected', message: wording(error, false) };
  return { kind: 'transient', message: wording(error, true), retryAt: failure.kind === 'wait' ? failure.until : null };
}

/** An app error's own message; Intercom's, prefixed with its code when the failure is transient. */
function wording(error: unknown, withCode: boolean): string {
  if (error instanceof AppError) return error.userMessage;
  if (withCode && isIntercomApiError(error)) return cap(`${error.code}: ${error.message}`);
  return cap(messageOf(error));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** For outbox handlers: a final failure dead-letters the job, a 429 retries at the reset, the rest back off. */
export function toJobError(error: unknown, failure: Failure | null): Error {
  if (failure === null) return error instanceof Error ? error : new Error(String(error));
  if (failure.kind === 'rejected') return new PermanentJobError(failure.message);
  return failure.retryAt === null ? new Error(failure.message) : new RetryJobError(failure.message, failure.retryAt);
}
