/** The one table the benchmark prints: figure, target, ratio to target, and how each figure came about. */
import { meetsTarget, type Row, ratio } from './rows';

export function formatNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function figureText(r: Row): string {
  return r.figure === null ? '—' : `${formatNumber(r.figure)} ${r.unit}`.trim();
}

function targetText(r: Row): string {
  if (!r.target) return '—';
  return `${r.target.kind === 'max' ? '≤' : '≥'} ${formatNumber(r.target.value)} ${r.unit}`.trim();
}

function ratioText(r: Row): string {
  const value = ratio(r);
  // A target of 0 (no Intercom call on a warm view) has no ratio, only met or not.
  if (value === null) return meetsTarget(r) === null ? '—' : meetsTarget(r) ? 'met' : '✗';
  return `${value.toFixed(2)}${meetsTarget(r) ? '' : ' ✗'}`;
}

/** Plain text, columns padded; the ✗ marks a figure on the wrong side of its target. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['Measure', 'Figure', 'Target', 'Ratio', 'Notes'];
  const lines = rows.map((r) => [r.label, figureText(r), targetText(r), ratioText(r), r.detail]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]!.length)));
  const pad = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [pad(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(pad)].join('\n');
}

/** The same rows as a Markdown table, for the README's Performance section. */
export function formatMarkdown(rows: readonly Row[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const lines = rows.map((r) => `| ${[r.label, figureText(r), targetText(r), ratioText(r), r.detail].map(cell).join(' | ')} |`);
  return ['| Measure | Figure | Target | Ratio | Notes |', '| --- | --- | --- | --- | --- |', ...lines].join('\n');
}

/**
 * Both stores' rows as one Markdown table, a row per measure (matched by id, in the SQLite run's order, then any
 * row only the PostgreSQL run has): figure, target and ratio of each store, each against its own run's baselines.
 */
export function formatMarkdownByStore(sqlite: readonly Row[], postgres: readonly Row[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const ids = [...new Set([...sqlite.map((r) => r.id), ...postgres.map((r) => r.id)])];
  const sides = (r: Row | undefined) => (r ? [figureText(r), targetText(r), ratioText(r)] : ['—', '—', '—']);
  const lines = ids.map((id) => {
    const a = sqlite.find((r) => r.id === id);
    const b = postgres.find((r) => r.id === id);
    return `| ${[(a ?? b)!.label, ...sides(a), ...sides(b)].map(cell).join(' | ')} |`;
  });
  return [
    '| Measure | SQLite | Target | Ratio | PostgreSQL | Target | Ratio |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...lines,
  ].join('\n');
}
