/**
 * Statements over many rows at once (the SLA scheduler's chunk: hundreds of firings, outbox jobs, clock re-arms),
 * with their SQL text written out here rather than built by kysely: its query tree for a few thousand values cost
 * more CPU than either database spent running the statement (bench/README.md, "SLA storm"). Only fixed
 * identifiers from the callers go into the text; every value is a bound parameter.
 */
import { CompiledQuery, type QueryResult } from 'kysely';
import type { DialectName } from '../database';
import { prepareOnPostgres } from '../pg-prepared';
import type { Db } from './repo-helpers';

/** Under both engines' limits on bound parameters (SQLite 32,766; PostgreSQL 65,535). */
const MAX_PARAMETERS = 30_000;

/**
 * Runs `statement(valuesList)` once per slice of `rows` (one slice unless the rows would bind more parameters than
 * the engines allow), where `valuesList` is `(…), (…)` with one placeholder per value, wrapped in `cast(… as T)`
 * where `casts` names a type (PostgreSQL reads an untyped parameter in a VALUES list as text).
 */
export async function forRows<R>(
  db: Db,
  dialect: DialectName,
  rows: readonly (readonly unknown[])[],
  statement: (valuesList: string) => string,
  casts: readonly (string | null)[] = [],
): Promise<QueryResult<R>[]> {
  const width = rows[0]?.length ?? 1;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / width));
  const results: QueryResult<R>[] = [];
  for (let start = 0; start < rows.length; ) {
    const size = sliceSize(dialect, rows.length - start, perStatement);
    const slice = rows.slice(start, start + size);
    start += size;
    const parameters: unknown[] = [];
    const tuples: string[] = [];
    for (const values of slice) {
      const placeholders: string[] = [];
      for (let i = 0; i < values.length; i += 1) {
        parameters.push(values[i]);
        const placeholder = dialect === 'postgres' ? `$${parameters.length}` : '?';
        const cast = casts[i];
        placeholders.push(cast ? `cast(${placeholder} as ${cast})` : placeholder);
      }
      tuples.push(`(${placeholders.join(', ')})`);
    }
    results.push(await db.executeQuery<R>(CompiledQuery.raw(statement(tuples.join(', ')), parameters)));
  }
  return results;
}

/**
 * SQLite: a power of two, so that a statement's text comes in a handful of lengths that stay in the connection's
 * statement cache (src/store/sqlite-dialect.ts). Chunks are sized by their CPU time and so have any length; one text
 * per length made every chunk compile its three statements afresh and filled the cache, which then dropped every
 * other statement too. A few more statements per chunk cost less: SQLite runs them in this process, no round trip.
 * PostgreSQL: as many rows as the parameters allow, since each statement is a round trip.
 */
function sliceSize(dialect: DialectName, left: number, perStatement: number): number {
  const most = Math.min(left, perStatement);
  if (dialect === 'postgres') return most;
  return 2 ** Math.floor(Math.log2(most));
}

/** Rows a statement changed, summed over the slices of `forRows`. */
export function affected(results: readonly QueryResult<unknown>[]): number {
  return results.reduce((sum, result) => sum + Number(result.numAffectedRows ?? 0), 0);
}

/** Slice sizes for `inFixedSlices`, largest first. */
const FIXED_SLICES = [64, 16, 4, 1] as const;

/**
 * `rows` cut into slices of 64, 16, 4 and 1 rows (largest first): a multi-row statement has one SQL text per
 * slice size, so SQLite's statement cache keeps four texts for it instead of one per row count, at a few
 * statements per call (100 rows: 64 + 16 + 16 + 4).
 */
export function inFixedSlices<T>(rows: readonly T[]): T[][] {
  const slices: T[][] = [];
  let start = 0;
  for (const size of FIXED_SLICES) for (; rows.length - start >= size; start += size) slices.push(rows.slice(start, start + size));
  return slices;
}

/** A column a multi-row insert writes, with the array type PostgreSQL binds its values as. */
export interface InsertColumn {
  name: string;
  pgType: 'text' | 'bigint' | 'integer';
}

/**
 * `insert into <table> (<columns>) <rows> <tail>` for many rows, `tail` being its `on conflict …` and `returning …`
 * (the same text on both engines: `excluded.` names the row offered). PostgreSQL: each column bound as one array
 * (`unnest`), so the text never changes with the count and is prepared once per connection (pg-prepared.ts);
 * SQLite: VALUES lists in fixed slices (`inFixedSlices`). Rows carry their values in `columns` order; a key must not
 * appear twice (PostgreSQL refuses to update one row twice in a statement).
 */
export async function insertRows<R>(
  db: Db,
  dialect: DialectName,
  table: string,
  columns: readonly InsertColumn[],
  rows: readonly (readonly unknown[])[],
  tail: string,
): Promise<R[]> {
  if (rows.length === 0) return [];
  const names = columns.map((c) => c.name).join(', ');
  if (dialect === 'postgres') {
    const arrays = columns.map((c, i) => `$${i + 1}::${c.pgType}[]`).join(', ');
    const text = `insert into ${table} (${names}) select * from unnest(${arrays}) ${tail}`;
    prepareOnPostgres(text);
    const parameters = columns.map((_, i) => rows.map((row) => row[i]));
    return (await db.executeQuery<R>(CompiledQuery.raw(text, parameters))).rows;
  }
  const found: R[] = [];
  for (const slice of inFixedSlices(rows))
    for (const result of await forRows<R>(db, dialect, slice, (list) => `insert into ${table} (${names}) values ${list} ${tail}`))
      found.push(...result.rows);
  return found;
}
