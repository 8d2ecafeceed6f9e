/**
 * Retry horizons per job kind (src/jobs/retry-horizons.ts), with the worker's default policy and a manual clock:
 * ladder steps and resolve follow-ups outlast an Intercom outage longer than the old ten-try (≈17 min) budget;
 * other kinds keep that budget.
 */
import { LADDER_JOB_KIND } from '../../src/services/ladder/ladder-payload';
import { DEFAULT_BACKOFF } from '../../src/jobs/outbox-backoff';
import { createOutboxWorker, type OutboxHandler } from '../../src/jobs/outbox-worker';
import { INCIDENT_JOB_KINDS } from '../../src/services/incidents/jobs';
import { CASE_JOB_KINDS } from '../../src/services/shared-cases/jobs';
import { attemptsWithin, DEFAULT_MAX_ATTEMPTS, maxAttemptsFor, RETRY_HORIZONS } from '../../src/jobs/retry-horizons';
import { SYNC_JOB_KINDS } from '../../src/services/sync/sync-jobs';
import type { Store } from '../../src/store';
import type { ManualClock } from '../../src/util/clock';
import { enqueue, freshStore, manualClock, recordingLogger, T0 } from './outbox-support';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A handler that fails while Intercom is "down" (before `upAt`) and counts its calls. */
function outage(clock: ManualClock, upAt: number): { handler: OutboxHandler; calls: () => number } {
  let calls = 0;
  return {
    handler: async () => {
      calls += 1;
      if (clock.now() < upAt) throw new Error('Intercom 503 service unavailable');
      return { ok: true };
    },
    calls: () => calls,
  };
}

/** Runs the worker at each instant the job falls due, until it is finished or `until` has passed. */
async function drive(store: Store, worker: { runOnce(): Promise<number> }, clock: ManualClock, jobId: string, until: number) {
  for (;;) {
    await worker.runOnce();
    const next = (await store.outbox.get('ws-a', jobId))?.nextAttemptAt ?? null;
    if (next === null || next > until) return;
    clock.advance(Math.max(0, next - clock.now()));
  }
}

/** The worker with the default retry policy; jitter pinned to the longest delays, so runs are repeatable. */
function defaultWorker(store: Store, clock: ManualClock, kind: string, handler: OutboxHandler) {
  return createOutboxWorker({ store, clock, handlers: { [kind]: handler }, workerId: 'w', logger: recordingLogger(), random: () => 0 });
}

describe('retry horizons', () => {
  let store: Store;
  beforeEach(async () => {
    store = await freshStore();
  });
  afterEach(() => store.close());

  it('ladder and resolve jobs have a horizon of hours; other kinds keep ten tries', () => {
    const resolveFollowUps = [INCIDENT_JOB_KINDS.fanOut, INCIDENT_JOB_KINDS.followUp, CASE_JOB_KINDS.fanOut, CASE_JOB_KINDS.followUp];
    for (const kind of [LADDER_JOB_KIND, SYNC_JOB_KINDS.conversationNote, SYNC_JOB_KINDS.conversationReopen, ...resolveFollowUps]) {
      expect(RETRY_HORIZONS[kind]).toBeGreaterThanOrEqual(12 * HOUR);
    }
    const limits = maxAttemptsFor({ maxAttempts: DEFAULT_MAX_ATTEMPTS, backoff: DEFAULT_BACKOFF, horizons: RETRY_HORIZONS });
    expect(limits(SYNC_JOB_KINDS.ticketNote)).toBe(10);
    expect(limits(LADDER_JOB_KIND)).toBe(attemptsWithin(24 * HOUR, DEFAULT_BACKOFF));
  });

  it('the tries of a horizon span at least the horizon even at the shortest jittered delays', () => {
    const policy = { baseMs: 2_000, maxMs: 15 * MINUTE, jitter: 0.2 };
    const attempts = attemptsWithin(24 * HOUR, policy);
    const shortest = (n: number) => Array.from({ length: n - 1 }, (_, i) => 0.8 * Math.min(policy.maxMs, 2_000 * 2 ** i));
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(shortest(attempts))).toBeGreaterThanOrEqual(24 * HOUR);
    expect(sum(shortest(attempts - 1))).toBeLessThan(24 * HOUR);
  });

  it.each([LADDER_JOB_KIND, SYNC_JOB_KINDS.conversationNote, SYNC_JOB_KINDS.conversationReopen])(
    'a %s job survives a 20-minute Intercom outage with the default policy',
    async (kind) => {
      const clock = manualClock();
      const down = outage(clock, T0 + 20 * MINUTE);
      const worker = defaultWorker(store, clock, kind, down.handler);
      const { job } = await enqueue(store, `${kind}:1`, kind);
      await drive(store, worker, clock, job.id, T0 + 40 * MINUTE);
      expect(await store.outbox.get('ws-a', job.id)).toMatchObject({ status: 'done' });
      expect(down.calls()).toBeGreaterThan(DEFAULT_MAX_ATTEMPTS);
    },
  );

  it('a ladder job still gives up once its horizon has passed', async () => {
    const clock = manualClock();
    const down = outage(clock, Number.POSITIVE_INFINITY);
    const worker = defaultWorker(store, clock, LADDER_JOB_KIND, down.handler);
    const { job } = await enqueue(store, 'ladder:forever', LADDER_JOB_KIND);
    await drive(store, worker, clock, job.id, T0 + 12 * HOUR);
    expect((await store.outbox.get('ws-a', job.id))?.status).toBe('pending');
    await drive(store, worker, clock, job.id, T0 + 31 * HOUR);
    const dead = await store.outbox.get('ws-a', job.id);
    expect(dead).toMatchObject({ status: 'dead', lastError: 'Intercom 503 service unavailable' });
    expect(dead!.doneAt! - T0).toBeGreaterThanOrEqual(24 * HOUR);
  });

  it('a kind without a horizon is still dead-lettered after ten tries of the same outage', async () => {
    const clock = manualClock();
    const down = outage(clock, T0 + 20 * MINUTE);
    const kind = SYNC_JOB_KINDS.ticketNote;
    const worker = defaultWorker(store, clock, kind, down.handler);
    const { job } = await enqueue(store, 'note:1', kind);
    await drive(store, worker, clock, job.id, T0 + 40 * MINUTE);
    expect(await store.outbox.get('ws-a', job.id)).toMatchObject({ status: 'dead', attempts: DEFAULT_MAX_ATTEMPTS });
  });
});
