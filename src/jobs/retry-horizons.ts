/**
 * How long each kind of outbox job keeps retrying before it is dead-lettered: the one table of retry horizons.
 *
 * SLA ladder steps and the follow-ups of a resolution (the note telling the chat owner, the reopen; for a ticket, an
 * incident or a shared case) matter for
 * hours: an Intercom outage of twenty minutes must delay a breach reassignment, not lose it. They retry with
 * backoff capped at 15 minutes for a day. A step that has become moot by then is handled by its handler (a late
 * ladder step assigns nothing on a resolved ticket). Every other kind keeps the short policy: ten tries, about 17
 * minutes, because a teammate is waiting on the sidebar and "failed, try again" serves them better than hours
 * of "queued".
 */
import { CUSTOMER_UPDATE_JOB_KIND } from '../services/customer-updates/jobs';
import { INCIDENT_JOB_KINDS } from '../services/incidents/jobs';
import { CASE_JOB_KINDS } from '../services/shared-cases/jobs';
import { SYNC_JOB_KINDS } from '../services/sync/sync-jobs';
import { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from './outbox-backoff';
import { LADDER_JOB_KIND } from '../services/ladder/ladder-payload';

const HOUR = 60 * 60_000;

/** Tries before a job of a kind without a horizon is dead-lettered (≈17 minutes with the default backoff). */
export const DEFAULT_MAX_ATTEMPTS = 10;

/** Kinds that retry for a time rather than a number of tries: kind → horizon in ms. */
export const RETRY_HORIZONS: Readonly<Record<string, number>> = Object.freeze({
  [LADDER_JOB_KIND]: 24 * HOUR,
  [SYNC_JOB_KINDS.conversationNote]: 24 * HOUR,
  [SYNC_JOB_KINDS.conversationReopen]: 24 * HOUR,
  // The same follow-ups for every conversation of a resolved incident or shared case, and the fan-out that paces them.
  [INCIDENT_JOB_KINDS.fanOut]: 24 * HOUR,
  [INCIDENT_JOB_KINDS.followUp]: 24 * HOUR,
  [CASE_JOB_KINDS.fanOut]: 24 * HOUR,
  [CASE_JOB_KINDS.followUp]: 24 * HOUR,
  // A case update waits out the conversation's interval (a retry at the time it names) and survives outages.
  [CUSTOMER_UPDATE_JOB_KIND]: 24 * HOUR,
});

/**
 * Tries that keep a job retrying for at least `horizonMs`: delays are counted at their shortest (full jitter), so
 * the job is dead-lettered no earlier than the horizon and at most 1 / (1 − jitter) times later. Counted in tries,
 * not from the job's creation, so an operator's retry (which resets the tries) gets the whole horizon again.
 */
export function attemptsWithin(horizonMs: number, backoff: BackoffPolicy): number {
  let waited = 0;
  let attempts = 1;
  while (waited < horizonMs) {
    waited += backoffDelay(attempts, backoff, () => 1);
    attempts += 1;
    if (attempts > 100_000) break; // a zero delay would loop forever; no sane policy gets here
  }
  return attempts;
}

export interface RetryLimits {
  /** Default tries for kinds without a horizon. */
  maxAttempts: number;
  backoff: BackoffPolicy;
  horizons: Readonly<Record<string, number>>;
}

/** kind → tries before dead-lettering, under `limits`. */
export function maxAttemptsFor(limits: RetryLimits): (kind: string) => number {
  const byKind = new Map(Object.entries(limits.horizons).map(([kind, ms]) => [kind, attemptsWithin(ms, limits.backoff)]));
  return (kind) => byKind.get(kind) ?? limits.maxAttempts;
}

export const DEFAULT_RETRY_LIMITS: Readonly<RetryLimits> = Object.freeze({
  maxAttempts: DEFAULT_MAX_ATTEMPTS,
  backoff: DEFAULT_BACKOFF,
  horizons: RETRY_HORIZONS,
});
