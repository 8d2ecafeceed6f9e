/** How the SLA scheduler sizes its next chunk from what the last one cost (pure). */
import { type ChunkBudget, fixedChunks, nextChunkSize } from '../../src/jobs/chunk-budget';

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
