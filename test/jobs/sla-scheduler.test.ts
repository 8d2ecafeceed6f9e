/**
 * The SLA scheduler's chunks, on both stores: a storm fired in chunks (fixed, or sized by their CPU time) writes
 * exactly what firing one clock per transaction writes; a crash between chunks, or inside one, loses and doubles
 * nothing; two instances racing through the same storm fire each step once; the tick yields to the event loop
 * between chunks.
 */
import { createSlaScheduler, type SlaSchedulerOptions } from '../../src/jobs/sla-scheduler';
import { createPolicyCache } from '../../src/services/sla/policy-cache';
import type { Store } from '../../src/store';
import { ManualClock } from '../../src/util/clock';
import { silentLogger } from '../../src/util/logger';
import { describeContract, wipe } from '../store/repos/harness';
import { seedStorm, STORM_NOW, type StormOutcome, stormOutcome } from './sla-storm-fixture';

const TICKETS = 60;

function scheduler(store: Store, clock: ManualClock, options: Partial<SlaSchedulerOptions> = {}) {
  return createSlaScheduler({
    store,
    clock,
    policies: createPolicyCache(),
    instanceId: 'instance-1',
    logger: silentLogger,
    intervalMs: 1_000,
    ...options,
  });
}

/** Each (clock, cycle, step) fired at most once, each firing with exactly one job. */
/** `store` with some of its transactions' clock methods replaced (to fail or to meter them). */
function withClocks(store: Store, replace: (clocks: Store['clocks']) => Partial<Store['clocks']>): Store {
  return {
    ...store,
    transaction: (fn) => store.transaction((tx) => fn({ ...tx, clocks: { ...tx.clocks, ...replace(tx.clocks) } })),
  };
}

function expectOnce(outcome: StormOutcome): void {
  const keys = outcome.firings.map((line) => line.split(' ').slice(0, 5).join(':'));
  expect(new Set(keys).size).toBe(keys.length);
  expect(outcome.jobs).toHaveLength(keys.length);
}

describeContract('SLA scheduler chunks', (engine) => {
  const clock = new ManualClock(STORM_NOW);
  /** One clock per transaction (what the scheduler did before chunks): the reference for every test below. */
  let oneByOne: StormOutcome;
  /** How many clocks the storm has due at STORM_NOW. */
  let due: number;

  beforeAll(async () => {
    await wipe(engine.database);
    await seedStorm(engine.store, TICKETS);
    due = await dueCount();
    await scheduler(engine.store, clock, { chunkSize: 1, chunksPerTick: 1_000 }).runOnce();
    oneByOne = await stormOutcome(engine.database);
  });

  beforeEach(async () => {
    clock.set(STORM_NOW);
    await seedStorm(engine.store, TICKETS);
  });

  async function dueCount(): Promise<number> {
    const rows = await engine.database.db.selectFrom('sla_clocks').select('ticket_id').where('next_fire_at', '<=', STORM_NOW).execute();
    return rows.length;
  }

  it('fires, in full-size chunks, the same steps with the same jobs and next fire times as one clock at a time', async () => {
    expect(due).toBeGreaterThan(TICKETS / 2);
    expect(await scheduler(engine.store, clock).runOnce()).toBe(due);
    const chunked = await stormOutcome(engine.database);
    const single = oneByOne;
    expect(chunked).toEqual(single);
    expectOnce(chunked);
    // The storm is varied: every step fires somewhere, some clocks owe several at once, the uninstalled workspace none.
    for (const step of ['warn', 'escalate', 'breach']) expect(chunked.firings.some((line) => line.includes(` ${step} `))).toBe(true);
    expect(chunked.firings.some((line) => line.startsWith('ws-3 '))).toBe(false);
    expect(chunked.clocks.filter((line) => line.startsWith('ws-3 ')).every((line) => line.endsWith('  '))).toBe(true);
    // Nothing is due any more: a second tick finds nothing.
    expect(await scheduler(engine.store, clock).runOnce()).toBe(0);
  });

  it('a crash between chunks loses and doubles nothing: another instance finishes the storm', async () => {
    const crashing = scheduler(engine.store, clock, {
      chunkSize: 7,
      yieldToLoop: async () => {
        throw new Error('process killed between chunks');
      },
    });
    // The pass fails after its first chunk committed; the loop reports it, which runOnce passes on.
    await expect(crashing.runOnce()).rejects.toThrow('process killed');
    const afterCrash = await stormOutcome(engine.database);
    expect(afterCrash.firings.length).toBeGreaterThan(0);
    await scheduler(engine.store, clock, { instanceId: 'instance-2', chunkSize: 7 }).runOnce();
    const outcome = await stormOutcome(engine.database);
    expectOnce(outcome);
    expect(outcome).toEqual(oneByOne);
  });

  it('a crash inside a chunk writes none of it: the next tick fires those clocks', async () => {
    let writes = 0;
    const failing = withClocks(engine.store, (clocks) => ({
      rearm: async (rows, now) => {
        // Firings and jobs of this chunk are written by now; the chunk dies before it commits.
        writes += 1;
        if (writes === 2) throw new Error('connection lost mid-chunk');
        return clocks.rearm(rows, now);
      },
    }));
    await expect(scheduler(failing, clock, { chunkSize: 9 }).runOnce()).rejects.toThrow('connection lost');
    expect((await stormOutcome(engine.database)).jobs.length).toBeLessThanOrEqual(9 * 3);
    await scheduler(engine.store, clock, { chunkSize: 9 }).runOnce();
    expect(await stormOutcome(engine.database)).toEqual(oneByOne);
  });

  it('two instances racing through the storm in small chunks fire each step once', async () => {
    const other = await engine.openAnother();
    const a = scheduler(engine.store, clock, { instanceId: 'a', chunkSize: 4 });
    const b = scheduler(other, clock, { instanceId: 'b', chunkSize: 4 });
    // A second runOnce while a pass is in flight joins it (and answers the same count): both instances stay busy.
    const handled = await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
    const outcome = await stormOutcome(engine.database);
    expectOnce(outcome);
    expect(outcome).toEqual(oneByOne);
    // Each due clock was handled by one instance once (a clock that fired stays armed for its next step, not due).
    expect(handled[0]! + handled[1]!).toBe(due);
  });

  it('works through a tick chunk by chunk, committing each and yielding to the event loop before the next', async () => {
    const seen: { firings: number; now: number }[] = [];
    const chunked = scheduler(engine.store, clock, {
      chunkSize: 10,
      yieldToLoop: async () => {
        seen.push({ firings: (await stormOutcome(engine.database)).firings.length, now: clock.now() });
        clock.advance(1_000);
      },
    });
    const handled = await chunked.runOnce();
    // ceil(handled / 10) chunks, and a yield before every chunk after the first (the last, short one ends the tick).
    expect(seen).toHaveLength(Math.ceil((handled + 1) / 10) - 1);
    // Each chunk had committed when the loop got its turn, and each chunk reads the time afresh.
    for (let i = 1; i < seen.length; i += 1) expect(seen[i]!.firings).toBeGreaterThanOrEqual(seen[i - 1]!.firings);
    expect(seen[0]!.firings).toBeGreaterThan(0);
    const firedAt = new Set((await stormOutcome(engine.database)).firings.map((line) => line.split(' ').pop()));
    expect(firedAt.size).toBeGreaterThan(1);
  });

  it('sizes each chunk by the CPU time the last one used, and fires exactly what one clock at a time fires', async () => {
    // A fake CPU meter that charges 1 ms per clock a chunk reads: 15 ms buys 15 clocks.
    let cpu = 0;
    const limits: number[] = [];
    const metered = withClocks(engine.store, (clocks) => ({
      lockDue: async (now, limit, instanceId) => {
        limits.push(limit);
        const due = await clocks.lockDue(now, limit, instanceId);
        cpu += due.length;
        return due;
      },
    }));
    const handled = await scheduler(metered, clock, {
      chunkBudget: { budgetMs: 15, initial: 4, min: 2, max: 100 },
      cpuMs: () => cpu,
    }).runOnce();
    expect(handled).toBe(due);
    // Doubling from the initial size until the budget caps it.
    expect(limits.slice(0, 4)).toEqual([4, 8, 15, 15]);
    const outcome = await stormOutcome(engine.database);
    expectOnce(outcome);
    expect(outcome).toEqual(oneByOne);
  });

  it('stops a tick after chunksPerTick chunks and says it is full, so the loop goes again at once', async () => {
    const first = await scheduler(engine.store, clock, { chunkSize: 5, chunksPerTick: 2 }).runOnce();
    expect(first).toBe(10);
    const rest = await scheduler(engine.store, clock, { chunkSize: 500 }).runOnce();
    expect(first + rest).toBe(due);
  });
});
