/**
 * One line of the report: a measured figure, the target the issue sets for it, and the ratio between them.
 * The harness reports; it never judges (no exit code depends on a ratio). A row whose code has not landed yet
 * carries no figure and says what it waits for: a figure is never invented.
 */
export interface Target {
  /** `max`: the figure should be at most `value` (latency); `min`: at least (throughput). */
  kind: 'max' | 'min';
  value: number;
}

export interface Row {
  id: string;
  label: string;
  figure: number | null;
  unit: string;
  target: Target | null;
  /** How the figure came about (baseline figures, sample counts, what was waited for). */
  detail: string;
  /** The raw measurements behind the figure, for results.json (not printed). */
  data?: Record<string, unknown>;
}

export function row(
  id: string,
  label: string,
  figure: number | null,
  unit: string,
  target: Target | null,
  detail = '',
  data?: Record<string, unknown>,
): Row {
  const base = { id, label, figure: figure === null || Number.isNaN(figure) ? null : figure, unit, target, detail };
  return data ? { ...base, data } : base;
}

export const atMost = (value: number): Target => ({ kind: 'max', value });
export const atLeast = (value: number): Target => ({ kind: 'min', value });

/** figure ÷ target. Below 1 is good for a `max` target, above 1 for a `min` one; null without both. */
export function ratio(r: Row): number | null {
  if (r.figure === null || r.target === null || r.target.value === 0) return null;
  return r.figure / r.target.value;
}

/** Whether the figure is on the right side of its target (a ratio cannot say it for a target of 0). */
export function meetsTarget(r: Row): boolean | null {
  if (r.figure === null || r.target === null) return null;
  return r.target.kind === 'max' ? r.figure <= r.target.value : r.figure >= r.target.value;
}

/** A row for a scenario that could not run, with the reason in place of a figure. */
export function waiting(id: string, label: string, unit: string, target: Target | null, reason: string): Row {
  return row(id, label, null, unit, target, `not measured: ${reason}`);
}
