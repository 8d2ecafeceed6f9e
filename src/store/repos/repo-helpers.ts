/**
 * Small helpers every repository shares: running work in a transaction that
 * composes with an outer one, JSON columns, ids, and narrowing stored strings
 * back to their union types (a bad value in the database is a bug: fail loudly).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DialectName } from '../database';
import type { Tables } from '../schema';

export type Db = Kysely<Tables>;

export interface RepoContext {
  readonly db: Db;
  readonly dialect: DialectName;
}

/**
 * Runs `fn` in a transaction, or inside the caller's when there already is one:
 * kysely cannot nest transactions, and a repository method that needs
 * atomicity (settings save, escalation reserve) must also work inside
 * `store.transaction(...)` so callers can add their own writes to it.
 */
export async function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
}

export function newId(): string {
  return randomUUID();
}

export function toJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('Value cannot be stored as JSON');
  return text;
}

export function fromJson(text: string): unknown {
  return JSON.parse(text) as unknown;
}

export function fromJsonOrNull(text: string | null): unknown {
  return text === null ? null : fromJson(text);
}

export function narrow<T extends string>(allowed: readonly T[], value: string, column: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`Unexpected value in ${column}: ${JSON.stringify(value)}`);
}

export function narrowOrNull<T extends string>(allowed: readonly T[], value: string | null, column: string): T | null {
  return value === null ? null : narrow(allowed, value, column);
}

/** Error texts are capped so one huge stack trace cannot bloat a row (or a log line that prints it). */
export function capError(error: string): string {
  return error.length > 2000 ? `${error.slice(0, 2000)}…` : error;
}

/**
 * A conversation's rows (tickets, escalations), oldest first and then by id, sorted here rather than by the
 * statement. With `order by created_at` SQLite picks the `(workspace_id, created_at)` index the reports need and
 * walks every row of the workspace to spare itself sorting a handful; without it, it takes the
 * `(workspace_id, conversation_id)` index. That walk was most of a fresh sidebar view's time.
 */
export function oldestFirst<T extends { createdAt: number }>(rows: T[], id: (row: T) => string): T[] {
  return rows.sort((a, b) => a.createdAt - b.createdAt || compareIds(id(a), id(b)));
}

/** Byte order, as SQLite's `order by` on text compares ids (they are ASCII). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
