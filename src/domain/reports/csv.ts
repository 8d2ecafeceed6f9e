/**
 * CSV as RFC 4180 has it (comma-separated, CRLF line ends, a field quoted when it holds a comma, quote, CR or LF,
 * quotes doubled), with one addition for spreadsheets: a text cell starting with =, +, - or @ (or a tab or CR,
 * which some spreadsheets skip before reading a formula) gets a leading apostrophe, so a ticket title written by a
 * customer can never run as a formula. Numbers are written as numbers (a negative number is not a formula).
 */
import type { Cell, ReportTable } from './table';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function tableCsv(table: Pick<ReportTable, 'columns' | 'rows'>): string {
  return csvLine(table.columns) + table.rows.map(csvLine).join('');
}
