import { createOutboxWorker, type OutboxHandler, type OutboxWorker } from '../../src/jobs/outbox-worker';
import type { Store } from '../../src/store';
import type { ManualClock } from '../../src/util/clock';
import { eventually } from '../support/eventually';
import { enqueue, freshStore, gate, manualClock, recordingLogger } from './outbox-support';

const LEASE = 30_000;

describe('outbox worker: polling, draining and crashes', () => {
  let store: Store;
  let clock: ManualClock;
  const started: OutboxWorker[] = [];
  beforeEach(async () => {
    store = await freshStore();
    clock = manualClock();
  });
  afterEach(async () => {
    for (const w of started.splice(0)) await w.stop();
    await store.close();
  });

  function worker(workerId: string, handler: OutboxHandler, maxAttempts = 5) {
    const logger = recordingLogger();
    const w = createOutboxWorker({
      store,
      clock,
      handlers: { 'note.post': handler },
      workerId,
      logger,
      leaseMs: LEASE,
      maxAttempts,
      random: () => 0,
    });
    started.push(w);
    return { w, logger };
  }

  it('start() keeps polling and picks up jobs enqueued later; poke() runs one at once', async () => {
    const done: string[] = [];
    const { w } = worker('poller', async (job) => {
      done.push(job.dedupeKey);
    });
    w.start(10);
    await enqueue(store, 'first');
    await eventually(() => done.length === 1, 'the polling worker runs the first job');
    await w.stop();
    const { w: lazy } = worker('lazy', async (job) => {
      done.push(job.dedupeKey);
    });
    const claims = jest.spyOn(store.outbox, 'claimDue');
    lazy.start(3_600_000);
    // Its first poll has read the outbox (empty) before 'second' exists, and the next is an hour away: only poke()
    // can run 'second'. Awaited, not slept on, so a slow machine cannot let the first poll see it.
    await eventually(() => claims.mock.calls.length === 1, 'the lazy worker polls at start');
    expect(await claims.mock.results[0]!.value).toEqual([]);
    await enqueue(store, 'second');
    lazy.poke();
    await eventually(() => done.length === 2, 'the poked worker runs the second job');
    expect(done).toEqual(['first', 'second']);
  });

  it('stop() waits for the jobs in flight, then claims nothing more', async () => {
    const hold = gate();
    const entered = gate();
    const { w } = worker('drainer', async () => {
      entered.open();
      await hold.promise;
      return 'finished';
    });
    const { job } = await enqueue(store, 'slow');
    w.start(5);
    await entered.promise;
    let stopped = false;
    const stopping = w.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(stopped).toBe(false);
    hold.open();
    await stopping;
    expect(await store.outbox.get('ws-a', job.id)).toMatchObject({ status: 'done', result: 'finished' });
    await enqueue(store, 'after-stop');
    expect(await w.runOnce()).toBe(0);
    expect(await store.outbox.pendingCount('ws-a')).toBe(1);
  });

  it('a crashed worker’s job is taken over after its lease; the late original cannot overwrite the result', async () => {
    const hang = gate();
    const crashed = worker('crashed', async () => {
      await hang.promise; // never returns while it "holds" the job: as good as a dead process
      return 'from the crashed worker';
    });
    const rescuer = worker('rescuer', async () => 'from the rescuer');
    const { job } = await enqueue(store, 'orphan');

    const crashedRun = crashed.w.runOnce();
    await eventually(async () => (await store.outbox.get('ws-a', job.id))?.status === 'running', 'the job is claimed');
    expect(await rescuer.w.runOnce()).toBe(0); // the lease still holds
    clock.advance(LEASE);
    expect(await rescuer.w.runOnce()).toBe(1);
    expect(await store.outbox.get('ws-a', job.id)).toMatchObject({ status: 'done', result: 'from the rescuer', attempts: 2 });

    hang.open();
    await crashedRun;
    expect(await store.outbox.get('ws-a', job.id)).toMatchObject({ result: 'from the rescuer' });
    expect(crashed.logger.entries.map((e) => e.message)).toContain('outbox lease lost before the outcome was recorded');
  });

  it('a job whose claims keep dying (it crashes the process) is dead-lettered instead of run again', async () => {
    let ran = 0;
    const { w } = worker(
      'survivor',
      async () => {
        ran += 1;
      },
      3,
    );
    const { job } = await enqueue(store, 'poison');
    // Three claims that never report back, as if each run killed its process.
    for (let i = 0; i < 3; i++) {
      await store.outbox.claimDue(clock.now(), 1, `doomed-${i}`, LEASE);
      clock.advance(LEASE);
    }
    await w.runOnce();
    expect(ran).toBe(0);
    expect(await store.outbox.get('ws-a', job.id)).toMatchObject({ status: 'dead', attempts: 4 });
  });
});
