/** The shape every report section hands to the page, the charts and the CSV: headline figures and plain tables. */

export type Cell = string | number | null;

export interface ReportTable {
  /** Stable id: the CSV's file name and the page's anchor. */
  id: string;
  title: string;
  columns: readonly string[];
  rows: readonly (readonly Cell[])[];
}

export type FigureUnit = 'count' | 'percent' | 'hours' | 'per100';

export interface Figure {
  id: string;
  label: string;
  current: number | null;
  previous: number | null;
  unit: FigureUnit;
  /** Which way is good, so the trend can say "better" or "worse"; null when neither is. */
  better: 'up' | 'down' | null;
}

export const HOUR_MS = 3_600_000;

/** Hours with one decimal, or null. */
export function hours(ms: number | null): number | null {
  return ms === null ? null : Math.round((ms / HOUR_MS) * 10) / 10;
}

/** A fraction as a percentage with one decimal, or null. */
export function percent(fraction: number | null): number | null {
  return fraction === null ? null : Math.round(fraction * 1000) / 10;
}
