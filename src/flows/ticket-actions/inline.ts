/**
 * A change from the sidebar is an outbox job first (so it survives anything), then tried once right away so the
 * teammate usually sees it done. The job is enqueued to run only after `INLINE_GRACE_MS`, which keeps the worker
 * away while this request holds it; the request then records the outcome itself:
 * - it worked → the job is completed (a replayed submit finds it done);
 * - Intercom is down or slow → the job is left to the worker, due shortly, marked as possibly posted so the
 *   worker looks before posting again;
 * - Intercom said no (4xx) → the job is dead-lettered and the teammate is told why.
 */
import { isPermanentJobError } from '../../services/job-outcomes';
import { toOutboxError } from '../../services/intercom-failure';
import type { OutboxJob } from '../../store';
import type { TicketActionDeps } from './common';

/** Longer than one Intercom call can take (timeout 4 s by default; notes are not retried inside the client). */
export const INLINE_GRACE_MS = 60_000;
/** When the worker takes over a job the request could not finish. */
export const HANDOVER_DELAY_MS = 5_000;

export type InlineOutcome<T> = { kind: 'done'; result: T } | { kind: 'queued' } | { kind: 'rejected'; reason: string };

export async function tryNow<T>(deps: TicketActionDeps, job: OutboxJob, work: () => Promise<T>): Promise<InlineOutcome<T>> {
  const { store, clock } = deps.flow;
  try {
    const result = await work();
    await store.outbox.complete(job.workspaceId, job.id, { now: clock.now(), result: result ?? null });
    return { kind: 'done', result };
  } catch (error) {
    const translated = toOutboxError(error);
    const message = translated instanceof Error ? translated.message : String(translated);
    const now = clock.now();
    if (isPermanentJobError(translated)) {
      await store.outbox.deadLetter(job.workspaceId, job.id, { error: message, now });
      deps.sync.logger.warn({ jobId: job.id, kind: job.kind, err: message }, 'sidebar change rejected by Intercom');
      return { kind: 'rejected', reason: message };
    }
    await store.outbox.fail(job.workspaceId, job.id, { error: message, retryAt: now + HANDOVER_DELAY_MS });
    deps.sync.logger.warn({ jobId: job.id, kind: job.kind, err: message }, 'sidebar change queued for the outbox');
    deps.sync.pokeOutbox();
    return { kind: 'queued' };
  }
}

/** What a teammate may read about a rejection: the Intercom error code, never its free text or ids. */
export function rejectionText(reason: string): string {
  const code = /Intercom (\d{3} [a-z_]+)/.exec(reason)?.[1];
  return code ? `Intercom did not accept it (${code}).` : 'Intercom did not accept it.';
}
