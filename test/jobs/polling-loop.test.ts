/**
 * The loop every background job runs on, stepped by hand: a fake timer records what the loop asked for, and the
 * test fires it. Passes are promises the test resolves, so nothing here depends on real time.
 */
import { createPollingLoop, type LoopTimer } from '../../src/jobs/polling-loop';

interface Pending {
  delayMs: number;
  fire(): void;
  cancelled: boolean;
}

function steppedTimer() {
  const asked: Pending[] = [];
  const timer: LoopTimer = (callback, delayMs) => {
    const entry: Pending = { delayMs, fire: callback, cancelled: false };
    asked.push(entry);
    return () => {
      entry.cancelled = true;
    };
  };
  /** The one live request, fired. */
  const fireNext = () => {
    const live = asked.filter((p) => !p.cancelled);
    expect(live).toHaveLength(1);
    asked.splice(0);
    live[0]!.fire();
    return live[0]!.delayMs;
  };
  const live = () => asked.filter((p) => !p.cancelled).map((p) => p.delayMs);
  return { timer, fireNext, live };
}

/** A pass the test finishes by hand. */
function controlledPasses() {
  const started: { resolve(n: number): void; reject(e: unknown): void }[] = [];
  const pass = () => new Promise<number>((resolve, reject) => started.push({ resolve, reject }));
  return { pass, started };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function loopUnderTest(batchSize = 10) {
  const t = steppedTimer();
  const p = controlledPasses();
  const errors: unknown[] = [];
  const loop = createPollingLoop({
    name: 'test',
    pass: p.pass,
    isFull: (n) => n === batchSize,
    onError: (error) => errors.push(error),
    timer: t.timer,
  });
  return { loop, ...t, ...p, errors };
}

describe('polling loop', () => {
  it('runs a pass at once, then waits its interval; a full pass goes again without waiting', async () => {
    const { loop, fireNext, live, started } = loopUnderTest();
    loop.start(1_000);
    expect(fireNext()).toBe(0);
    started[0]!.resolve(3);
    await settle();
    expect(live()).toEqual([1_000]);
    fireNext();
    started[1]!.resolve(10);
    await settle();
    expect(live()).toEqual([0]);
  });

  it('answers a poke during a pass with another pass right after it', async () => {
    const { loop, fireNext, live, started } = loopUnderTest();
    loop.start(1_000);
    fireNext();
    loop.poke();
    expect(live()).toEqual([]);
    started[0]!.resolve(1);
    await settle();
    expect(live()).toEqual([0]);
  });

  it('a poke while idle brings the next pass forward', async () => {
    const { loop, fireNext, live, started } = loopUnderTest();
    loop.poke();
    expect(live()).toEqual([]);
    loop.start(1_000);
    fireNext();
    started[0]!.resolve(0);
    await settle();
    expect(live()).toEqual([1_000]);
    loop.poke();
    expect(live()).toEqual([0]);
  });

  it('reports a failing pass and keeps going at its interval', async () => {
    const { loop, fireNext, live, started, errors } = loopUnderTest();
    loop.start(1_000);
    fireNext();
    started[0]!.reject(new Error('database down'));
    await settle();
    expect(errors).toEqual([new Error('database down')]);
    expect(live()).toEqual([1_000]);
    fireNext();
    expect(started).toHaveLength(2);
  });

  it('never overlaps passes: a caller during a pass gets that pass', async () => {
    const { loop, started } = loopUnderTest();
    const first = loop.runOnce();
    const second = loop.runOnce();
    expect(started).toHaveLength(1);
    started[0]!.resolve(4);
    expect(await first).toBe(4);
    expect(await second).toBe(4);
  });

  it('a timer firing during a caller’s pass waits for it, then runs its own', async () => {
    const { loop, fireNext, started } = loopUnderTest();
    const callers = loop.runOnce();
    loop.start(1_000);
    fireNext();
    expect(started).toHaveLength(1);
    started[0]!.resolve(2);
    await callers;
    await settle();
    expect(started).toHaveLength(2);
  });

  it('stop cancels the next pass, waits for the one in flight, and runs nothing after', async () => {
    const { loop, fireNext, live, started } = loopUnderTest();
    loop.start(1_000);
    fireNext();
    let stopped = false;
    const stopping = loop.stop().then(() => {
      stopped = true;
    });
    await settle();
    expect(stopped).toBe(false);
    started[0]!.resolve(10);
    await stopping;
    expect(live()).toEqual([]);
    expect(await loop.runOnce()).toBe(0);
    expect(started).toHaveLength(1);
    expect(() => loop.start(1_000)).toThrow('the test loop was stopped');
  });

  it('pause cancels the next pass and waits for the one in flight, yet runs a caller’s pass and can start again', async () => {
    const { loop, fireNext, live, started } = loopUnderTest();
    loop.start(1_000);
    fireNext();
    let paused = false;
    const pausing = loop.pause().then(() => {
      paused = true;
    });
    await settle();
    expect(paused).toBe(false);
    started[0]!.resolve(10);
    await pausing;
    // A full pass would have gone again at once; a poke would have brought one forward. Paused, neither does.
    loop.poke();
    expect(live()).toEqual([]);
    const callers = loop.runOnce();
    started[1]!.resolve(3);
    expect(await callers).toBe(3);
    expect(live()).toEqual([]);
    loop.start(1_000);
    expect(fireNext()).toBe(0);
    expect(started).toHaveLength(3);
  });
});
