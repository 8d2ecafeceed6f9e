/** The few statistics the reports use, each defined once so every section and the README mean the same thing. */

/** Nearest-rank percentile (p in (0, 1]): the smallest value with at least p of the values at or below it; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  return percentiles(values, [p])[0]!;
}

/** Several nearest-rank percentiles of the same values, sorted once. */
export function percentiles(values: readonly number[], ps: readonly number[]): (number | null)[] {
  if (values.length === 0) return ps.map(() => null);
  const sorted = Float64Array.from(values).sort();
  return ps.map((p) => sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1] ?? null);
}

export const median = (values: readonly number[]) => percentile(values, 0.5);

/** part / whole as a fraction, null when there is no whole (shown as "—", never as 0 %). */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Counts by key, in first-seen order. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** Groups by key, in first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export const within = (at: number, range: { from: number; to: number }) => at >= range.from && at < range.to;
