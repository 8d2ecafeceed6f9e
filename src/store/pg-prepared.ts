/**
 * Server-side prepared statements for the few hot texts on PostgreSQL. pg sends a statement unnamed unless told
 * otherwise, and PostgreSQL parses and plans an unnamed statement on every execution: the sidebar's one read (six
 * subqueries) took about 0.75 ms to plan against 0.2 ms to execute (EXPLAIN ANALYZE in a warm session). Named, a
 * connection parses it once and, after five executions, keeps a generic plan (0.02 ms to plan).
 *
 * kysely's pg driver calls `client.query(text, values)`; the pool builds its connections from `PreparingClient`,
 * which names the texts registered here and passes everything else through unchanged. A name is bound to one text
 * for the life of the process, as PostgreSQL requires of a connection's prepared statements.
 */
import pg from 'pg';

const names = new Map<string, string>();

/** Marks a fixed SQL text as hot: on PostgreSQL each connection prepares it once. */
export function prepareOnPostgres(text: string): void {
  if (!names.has(text)) names.set(text, `handoff_hot_${names.size + 1}`);
}

/** The name a text is prepared under, if it is one of the hot texts. */
export function preparedName(text: string): string | undefined {
  return names.get(text);
}

export class PreparingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; this forwards whichever was called.
  override query(...args: any[]): any {
    const [text, values, callback] = args;
    const name = typeof text === 'string' && callback === undefined ? preparedName(text) : undefined;
    if (name !== undefined && (values === undefined || Array.isArray(values))) {
      return super.query({ name, text, values });
    }
    // biome-ignore lint/suspicious/noExplicitAny: see above.
    return (super.query as (...forwarded: any[]) => any)(...args);
  }
}
