/** The outbox worker prunes done rows past their retention, hourly, as the webhook processor prunes its inbox. */
import { createOutboxWorker } from '../../src/jobs/outbox-worker';
import type { Store } from '../../src/store';
import { enqueue, freshStore, manualClock, recordingLogger } from './outbox-support';

const HOUR = 3_600_000;

describe('outbox worker: pruning done rows', () => {
  let store: Store;
  beforeEach(async () => {
    store = await freshStore();
  });
  afterEach(() => store.close());

  it('deletes done rows older than the retention, keeps the rest, and looks again only an hour later', async () => {
    const clock = manualClock();
    const worker = createOutboxWorker({
      store,
      clock,
      handlers: { 'note.post': async () => 'ok' },
      workerId: 'w',
      logger: recordingLogger(),
      retainDoneMs: 2 * HOUR,
    });
    const { job: old } = await enqueue(store, 'old');
    await worker.runOnce(); // prunes nothing yet (nothing is old), then runs `old`
    clock.advance(30 * 60_000);
    const { job: recent } = await enqueue(store, 'recent', 'note.post', {}, clock.now());
    const { job: dead } = await enqueue(store, 'dead', 'other.kind', {}, clock.now());
    await store.outbox.deadLetter('ws-a', dead.id, { error: 'gone', now: clock.now() });
    await worker.runOnce(); // within the hour: no pruning; runs `recent`
    clock.advance(105 * 60_000); // `old` is done 2 h 15 min ago, `recent` 1 h 45 min ago
    await store.outbox.enqueue('ws-a', { kind: 'note.post', dedupeKey: 'fresh', payload: {}, now: clock.now() + 10 * HOUR });
    await worker.runOnce();
    expect(await store.outbox.get('ws-a', old.id)).toBeNull();
    expect((await store.outbox.get('ws-a', recent.id))?.status).toBe('done');
    expect((await store.outbox.get('ws-a', dead.id))?.status).toBe('dead');
    expect((await store.outbox.getByDedupeKey('ws-a', 'fresh'))?.status).toBe('pending');
    clock.advance(30 * 60_000); // `recent` is now past retention, but the last pruning was 30 min ago
    await worker.runOnce();
    expect((await store.outbox.get('ws-a', recent.id))?.status).toBe('done');
    clock.advance(30 * 60_000);
    await worker.runOnce();
    expect(await store.outbox.get('ws-a', recent.id)).toBeNull();
  });
});

it('a backlog larger than one poll’s share carries on at the next poll, not an hour later', async () => {
  const store = await freshStore();
  try {
    const clock = manualClock();
    for (let i = 0; i < 10_050; i++) {
      const { job } = await enqueue(store, `old-${i}`, 'note.post', {}, clock.now());
      await store.outbox.complete('ws-a', job.id, { now: clock.now() });
    }
    clock.advance(4 * HOUR);
    const worker = createOutboxWorker({
      store,
      clock,
      handlers: { 'note.post': async () => 'ok' },
      workerId: 'w',
      logger: recordingLogger(),
      retainDoneMs: HOUR,
    });
    await worker.runOnce(); // one poll's share: 20 batches of 500
    expect(await store.outbox.listByWorkspace('ws-a', { status: 'done', limit: 1_000 })).toHaveLength(50);
    await worker.runOnce(); // the same minute: the rest
    expect(await store.outbox.listByWorkspace('ws-a', { status: 'done', limit: 1_000 })).toHaveLength(0);
  } finally {
    await store.close();
  }
});
