/**
 * Many rows as one value: the database builds a JSON array of one JSON array per row, and the app parses it once.
 * Both drivers build a JS object per row with a property per column (better-sqlite3 by name, pg by parsing each
 * column's text), which for thousands of rows of a dozen columns costs several times what the engine spends
 * finding them; one JSON text of plain arrays is parsed far faster. Used by the sidebar's one statement
 * (sidebar-statement.ts) and by the reports' range reads.
 */
import { CompiledQuery, type Compilable } from 'kysely';
import type { DialectName } from '../database';
import type { RepoContext } from './repo-helpers';

/** One row's cells, in the order the columns were listed. */
export type Cells = readonly unknown[];

/** SQL for a JSON array of one JSON array (of `columns`) per row of `from`, `[]` for none. */
export function jsonRows(dialect: DialectName, columns: readonly string[], from: string): string {
  return dialect === 'postgres'
    ? `(select coalesce(json_agg(json_build_array(${columns.join(', ')})), '[]'::json) ${from})`
    : `(select json_group_array(json_array(${columns.join(', ')})) ${from})`;
}

/** The arrays back: pg parses a `json` value itself, SQLite returns its text. */
export function parseJsonRows(value: unknown): Cells[] {
  return (typeof value === 'string' ? JSON.parse(value) : value) as Cells[];
}

/**
 * Runs `query` and returns its rows as cell arrays, `columns` (names of its output columns) in that order. The
 * query's own order is not kept: callers sort what needs an order.
 */
export async function readAsCells({ db, dialect }: RepoContext, query: Compilable<unknown>, columns: readonly string[]): Promise<Cells[]> {
  const inner = query.compile();
  const text = `select ${jsonRows(
    dialect,
    columns.map((c) => `r.${c}`),
    `from (${inner.sql}) r`,
  )} as cells`;
  const { rows } = await db.executeQuery<{ cells: unknown }>(CompiledQuery.raw(text, [...inner.parameters]));
  return parseJsonRows(rows[0]?.cells ?? '[]');
}
