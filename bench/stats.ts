/** Small statistics the scenarios share: percentiles of samples and the dependency depth of timed calls. */

/** Nearest-rank percentile (p in 0–100) of unsorted samples; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export interface TimedCall {
  start: number;
  end: number;
}

/**
 * How many calls had to wait for each other: the longest chain in which every call started only after the
 * previous one had been answered. Calls that overlapped ran concurrently and add nothing. With every call taking
 * the fake's latency L, a flow's wall time is at least (depth × L).
 */
export function sequentialDepth(calls: readonly TimedCall[]): number {
  const byStart = [...calls].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  for (let i = 0; i < byStart.length; i += 1) {
    let best = 0;
    for (let j = 0; j < i; j += 1) {
      if (byStart[j]!.end <= byStart[i]!.start) best = Math.max(best, depth[j]!);
    }
    depth.push(best + 1);
  }
  return depth.length === 0 ? 0 : Math.max(...depth);
}

export { seededRandom } from '../src/util/seeded-random';
