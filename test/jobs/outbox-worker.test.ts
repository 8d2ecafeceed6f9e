import { backoffDelay } from '../../src/jobs/outbox-backoff';
import { PermanentJobError, RetryJobError } from '../../src/services/job-outcomes';
import { createOutboxWorker, type OutboxHandler } from '../../src/jobs/outbox-worker';
import type { Store } from '../../src/store';
import { enqueue, freshStore, manualClock, recordingLogger, T0 } from './outbox-support';

const BACKOFF = { baseMs: 1_000, maxMs: 60_000, jitter: 0 };

describe('outbox worker: outcomes', () => {
  let store: Store;
  beforeEach(async () => {
    store = await freshStore();
  });
  afterEach(() => store.close());

  function worker(handlers: Record<string, OutboxHandler>, clock = manualClock(), maxAttempts = 4) {
    const logger = recordingLogger();
    const w = createOutboxWorker({ store, clock, handlers, workerId: 'w1', logger, backoff: BACKOFF, maxAttempts, random: () => 0 });
    return { w, clock, logger };
  }

  it('runs the handler with the job and its context, then records the result', async () => {
    const seen: unknown[] = [];
    const { w } = worker({
      'note.post': async (job, ctx) => {
        seen.push([job.payload, ctx.workspaceId, ctx.attempt, ctx.now]);
        return { noteId: 'n-1' };
      },
    });
    const { job } = await enqueue(store, 'esc-1:note', 'note.post', { conversationId: 'c-1' });
    expect(await w.runOnce()).toBe(1);
    expect(seen).toEqual([[{ conversationId: 'c-1' }, 'ws-a', 1, T0]]);
    expect(await store.outbox.get('ws-a', job.id)).toMatchObject({ status: 'done', result: { noteId: 'n-1' }, doneAt: T0 });
    expect(await w.runOnce()).toBe(0);
  });

  it('retries a transient failure with exponential backoff, then succeeds', async () => {
    let calls = 0;
    const { w, clock, logger } = worker({
      'note.post': async () => {
        calls += 1;
        if (calls < 3) throw new Error('Intercom 503');
        return 'ok';
      },
    });
    const { job } = await enqueue(store, 'flaky');
    await w.runOnce();
    expect(await store.outbox.get('ws-a', job.id)).toMatchObject({
      status: 'pending',
      nextAttemptAt: T0 + 1_000,
      lastError: 'Intercom 503',
    });
    clock.advance(999);
    expect(await w.runOnce()).toBe(0); // not due yet
    clock.advance(1);
    await w.runOnce();
    // The second failure waits twice as long.
    expect(await store.outbox.get('ws-a', job.id)).toMatchObject({ nextAttemptAt: T0 + 1_000 + 2_000, attempts: 2 });
    clock.advance(2_000);
    await w.runOnce();
    expect(await store.outbox.get('ws-a', job.id)).toMatchObject({ status: 'done', attempts: 3, result: 'ok', lastError: null });
    expect(logger.entries.filter((e) => e.level === 'warn')).toHaveLength(2);
  });

  it('dead-letters after maxAttempts failures', async () => {
    const { w, clock } = worker({ 'note.post': () => Promise.reject(new Error('still down')) }, manualClock(), 3);
    const { job } = await enqueue(store, 'doomed');
    for (let i = 0; i < 5; i++) {
      await w.runOnce();
      clock.advance(60_000);
    }
    expect(await store.outbox.get('ws-a', job.id)).toMatchObject({
      status: 'dead',
      attempts: 3,
      lastError: 'still down',
      nextAttemptAt: null,
    });
  });

  it('dead-letters at once on PermanentJobError', async () => {
    const { w, logger } = worker({ 'note.post': () => Promise.reject(new PermanentJobError('404 conversation not found')) });
    const { job } = await enqueue(store, 'gone');
    await w.runOnce();
    expect(await store.outbox.get('ws-a', job.id)).toMatchObject({ status: 'dead', attempts: 1, lastError: '404 conversation not found' });
    expect(logger.entries.map((e) => e.level)).toEqual(['error']);
  });

  it('recognises a PermanentJobError by name too (it may come from another module instance)', async () => {
    const foreign = Object.assign(new Error('422 invalid attribute'), { name: 'PermanentJobError' });
    const { w } = worker({ 'note.post': () => Promise.reject(foreign) });
    const { job } = await enqueue(store, 'foreign');
    await w.runOnce();
    expect(await store.outbox.get('ws-a', job.id)).toMatchObject({ status: 'dead', lastError: '422 invalid attribute' });
  });

  it('honours a RetryJobError time when it is later than the backoff', async () => {
    const retryAt = T0 + 45_000;
    const { w } = worker({ 'note.post': () => Promise.reject(new RetryJobError('429', retryAt)) });
    const early = worker({ 'ticket.create': () => Promise.reject(new RetryJobError('429', T0 + 1)) }).w;
    const late = await enqueue(store, 'rate-limited');
    const soon = await enqueue(store, 'rate-limited-soon', 'ticket.create');
    await w.runOnce();
    await early.runOnce();
    expect((await store.outbox.get('ws-a', late.job.id))?.nextAttemptAt).toBe(retryAt);
    expect((await store.outbox.get('ws-a', soon.job.id))?.nextAttemptAt).toBe(T0 + 1_000);
  });

  it('leaves jobs of kinds it has no handler for to other workers', async () => {
    const { w } = worker({ 'note.post': async () => null });
    const other = await enqueue(store, 'x', 'ladder.warn');
    expect(await w.runOnce()).toBe(0);
    expect(await store.outbox.get('ws-a', other.job.id)).toMatchObject({ status: 'pending', attempts: 0 });
  });
});

describe('backoffDelay', () => {
  it('doubles per attempt up to the cap', () => {
    const delays = [1, 2, 3, 4, 10, 80].map((n) => backoffDelay(n, BACKOFF, () => 0));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 60_000, 60_000]);
  });

  it('jitter only shortens, by at most its fraction', () => {
    const policy = { ...BACKOFF, jitter: 0.25 };
    expect(backoffDelay(3, policy, () => 0)).toBe(4_000);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(3_500);
    expect(backoffDelay(3, policy, () => 0.999_999)).toBe(3_000);
  });
});
