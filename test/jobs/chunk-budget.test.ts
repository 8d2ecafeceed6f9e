/** How the SLA scheduler and the webhook processor size their next chunk from what the last one cost. */
import { type ChunkBudget, fixedChunks, inSizedChunks, nextChunkSize } from '../../src/jobs/chunk-budget';

const budget: ChunkBudget = { budgetMs: 15, initial: 50, min: 20, max: 500 };

describe('nextChunkSize', () => {
  it('starts at the initial size', () => {
    expect(nextChunkSize(budget, null)).toBe(50);
  });

  it('fits the next chunk to the budget at the last chunk’s cost per item', () => {
    // 0.3 ms per item: 50 fit in 15 ms.
    expect(nextChunkSize(budget, { limit: 100, items: 100, cpuMs: 30 })).toBe(50);
    // 0.1 ms per item: 150 would fit, but never more than double the last chunk.
    expect(nextChunkSize(budget, { limit: 100, items: 100, cpuMs: 10 })).toBe(150);
    expect(nextChunkSize(budget, { limit: 50, items: 50, cpuMs: 1 })).toBe(100);
  });

  it('stays within its bounds', () => {
    expect(nextChunkSize(budget, { limit: 50, items: 50, cpuMs: 500 })).toBe(20);
    expect(nextChunkSize(budget, { limit: 400, items: 400, cpuMs: 1 })).toBe(500);
    expect(nextChunkSize(budget, { limit: 400, items: 400, cpuMs: 0 })).toBe(500);
  });

  it('keeps the size after a chunk that was not full (the end of what was due, mostly fixed cost)', () => {
    expect(nextChunkSize(budget, { limit: 120, items: 3, cpuMs: 4 })).toBe(120);
    expect(nextChunkSize(budget, { limit: 120, items: 0, cpuMs: 2 })).toBe(120);
  });

  it('a fixed size never moves', () => {
    const fixed = fixedChunks(7);
    expect(nextChunkSize(fixed, null)).toBe(7);
    expect(nextChunkSize(fixed, { limit: 7, items: 7, cpuMs: 1_000 })).toBe(7);
  });
});

describe('inSizedChunks', () => {
  /** A CPU clock the work moves: each item costs `perItemMs`. */
  function pacedBy(perItemMs: number, budget: ChunkBudget) {
    let cpu = 0;
    const events: string[] = [];
    return {
      events,
      pacing: { budget, cpuMs: () => cpu, yieldToLoop: async () => void events.push('yield') },
      work: async (group: readonly number[]) => {
        cpu += perItemMs * group.length;
        events.push(group.join(','));
      },
    };
  }

  it('runs every item once, in order, in groups sized by the last one’s cost, yielding between groups', async () => {
    const run = pacedBy(5, { budgetMs: 10, initial: 4, min: 1, max: 10 });
    const last = await inSizedChunks([1, 2, 3, 4, 5, 6, 7], run.pacing, null, run.work);
    // 4 items took 20 ms: 2 fit in 10 ms from then on.
    expect(run.events).toEqual(['1,2,3,4', 'yield', '5,6', 'yield', '7']);
    expect(last).toEqual({ limit: 2, items: 1, cpuMs: 5 });
  });

  it('starts from the cost carried over from the last call, and does nothing without items', async () => {
    const run = pacedBy(1, { budgetMs: 10, initial: 4, min: 1, max: 10 });
    const carried = { limit: 5, items: 5, cpuMs: 25 };
    expect(await inSizedChunks([], run.pacing, carried, run.work)).toBe(carried);
    await inSizedChunks([1, 2, 3], run.pacing, carried, run.work);
    expect(run.events).toEqual(['1,2', 'yield', '3']);
  });
});
