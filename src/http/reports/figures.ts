/** How a figure and its trend read on the page: units, "—" for nothing to measure, and which way is better. */
import type { Cell, Figure } from '../../domain/reports/table';

export function formatValue(value: number | null, unit: Figure['unit']): string {
  if (value === null) return '—';
  if (unit === 'percent') return `${value} %`;
  if (unit === 'hours') return `${value} h`;
  return String(value);
}

export function formatCell(value: Cell): string {
  return value === null ? '—' : String(value);
}

export function trendText(f: Figure): { text: string; tone: 'better' | 'worse' | 'same' } {
  if (f.current === null || f.previous === null) return { text: `before: ${formatValue(f.previous, f.unit)}`, tone: 'same' };
  const delta = Math.round((f.current - f.previous) * 10) / 10;
  if (delta === 0) return { text: 'same as before', tone: 'same' };
  const arrow = delta > 0 ? '▲' : '▼';
  const tone = f.better === null ? 'same' : delta > 0 === (f.better === 'up') ? 'better' : 'worse';
  return {
    text: `${arrow} ${Math.abs(delta)}${f.unit === 'percent' ? ' pts' : f.unit === 'hours' ? ' h' : ''} vs ${formatValue(f.previous, f.unit)} before`,
    tone,
  };
}
