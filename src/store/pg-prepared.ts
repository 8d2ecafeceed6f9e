/**
 * Server-side prepared statements for the few hot texts on PostgreSQL. pg sends a statement unnamed unless told
 * otherwise, and PostgreSQL parses and plans an unnamed statement on every execution: the sidebar's one read (six
 * subqueries) took about 0.75 ms to plan against 0.2 ms to execute (EXPLAIN ANALYZE in a warm session). Named, a
 * connection parses it once and, after five executions, keeps a generic plan (0.02 ms to plan).
 *
 * kysely's pg driver calls `client.query(text, values)`; the pool builds its connections from `PreparingClient`,
 * which names the texts registered here and passes everything else through unchanged. A name is bound to one text
 * for the life of the process, as PostgreSQL requires of a connection's prepared statements.
 *
 * The client also lets a transaction's last statement wait for its COMMIT and travel with it (`WITH_COMMIT`): the
 * NOTIFYs a writing transaction ends with (src/store/store.ts) cost a round trip of their own otherwise, on every
 * submit, webhook batch and scheduler chunk. They go out as one simple-protocol query, `<notify>; commit`, their
 * parameters written in as literals (pg's own escaping); PostgreSQL runs the two in order, so a failing NOTIFY still
 * fails the commit, and kysely rolls the transaction back as before.
 */
import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import pg from 'pg';

const names = new Map<string, string>();

/** Marks a fixed SQL text as hot: on PostgreSQL each connection prepares it once. */
export function prepareOnPostgres(text: string): void {
  if (!names.has(text)) names.set(text, `handoff_hot_${names.size + 1}`);
}

/**
 * Runs a built query whose SQL text never changes (the same columns every time, no `in` lists), on PostgreSQL as a
 * hot text. A query whose text varied would prepare one statement per variant: build those unnamed.
 */
export async function executeHot<R>(
  db: { executeQuery<Q>(query: CompiledQuery<Q>): Promise<QueryResult<Q>> },
  dialect: 'sqlite' | 'postgres',
  query: Compilable<R>,
): Promise<R[]> {
  const compiled = query.compile();
  if (dialect === 'postgres') prepareOnPostgres(compiled.sql);
  return (await db.executeQuery(compiled)).rows;
}

/** The name a text is prepared under, if it is one of the hot texts. */
export function preparedName(text: string): string | undefined {
  return names.get(text);
}

/**
 * Starts a statement that may be held back until the transaction commits and sent with the COMMIT: only for a
 * transaction's last statement, whose result nobody reads (it resolves with no rows). Without a `PreparingClient`
 * the prefix is a comment and the statement runs at once.
 */
export const WITH_COMMIT = '/* with commit */ ';

type Held = { text: string; values: readonly unknown[] };

export class PreparingClient extends pg.Client {
  #held: Held | null = null;

  // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; this forwards whichever was called.
  override query(...args: any[]): any {
    const [text, values, callback] = args;
    if (typeof text === 'string' && callback === undefined && (values === undefined || Array.isArray(values))) {
      const held = this.#held;
      if (text.startsWith(WITH_COMMIT)) {
        if (held) return this.#send(held).then(() => this.query(...args));
        this.#held = { text, values: values ?? [] };
        return Promise.resolve({ command: 'SELECT', rowCount: 0, rows: [], fields: [] });
      }
      if (held) {
        this.#held = null;
        if (/^\s*commit\s*$/i.test(text)) return super.query(`${this.#inline(held)};\ncommit`);
        // A rollback drops what was held with the transaction; anything else comes after it, in order.
        if (!/^\s*rollback\s*$/i.test(text)) return this.#send(held).then(() => this.query(...args));
      }
    }
    const name = typeof text === 'string' && callback === undefined ? preparedName(text) : undefined;
    if (name !== undefined && (values === undefined || Array.isArray(values))) {
      return super.query({ name, text, values });
    }
    // biome-ignore lint/suspicious/noExplicitAny: see above.
    return (super.query as (...forwarded: any[]) => any)(...args);
  }

  #send(held: Held): Promise<unknown> {
    this.#held = null;
    return super.query(held.text, [...held.values]);
  }

  /** `$n` replaced by the n-th value as a literal (the texts held are ours: no `$` but the placeholders). */
  #inline({ text, values }: Held): string {
    return text.replace(/\$(\d+)/g, (_, n: string) => {
      const value = values[Number(n) - 1];
      if (value === null || value === undefined) return 'null';
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      return this.escapeLiteral(String(value));
    });
  }
}
