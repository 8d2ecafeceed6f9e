/**
 * Shared by the `bench/profile-*.ts` scripts: counts every statement either driver is asked to run, in total and by
 * its text. Counts do not depend on how busy the host is, which is why old and new code are compared on them. Only
 * for these scripts: it patches the drivers' prototypes (pg's `Client.query`, better-sqlite3's prepared statements).
 */
import Sqlite from 'better-sqlite3';
import pg from 'pg';

export interface StatementCount {
  count(): number;
  bySql: Map<string, number>;
  /**
   * SQLite only: ms spent inside each text's calls. better-sqlite3 runs a statement synchronously on the calling
   * thread, so the time inside the call is the statement's own cost (binding, running, building the rows).
   */
  msBySql: Map<string, number>;
}

export function countStatements(): StatementCount {
  let statements = 0;
  const bySql = new Map<string, number>();
  // Each text's key is worked out once: a regular expression over a long statement on every run would be a large
  // share of what the profiles measure.
  const keys = new Map<string, string>();
  const msBySql = new Map<string, number>();
  const note = (text: string): string => {
    statements += 1;
    let key = keys.get(text);
    if (key === undefined) {
      key = text.replace(/\s+/g, ' ').trim().slice(0, 90);
      keys.set(text, key);
    }
    bySql.set(key, (bySql.get(key) ?? 0) + 1);
    return key;
  };
  const pgQuery = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    note(typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string } | undefined)?.text ?? '?'));
    return (pgQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pgQuery;
  const prepare = Sqlite.prototype.prepare;
  Sqlite.prototype.prepare = function (this: Sqlite.Database, source: string) {
    const statement = prepare.call(this, source);
    for (const method of ['run', 'get', 'all', 'iterate'] as const) {
      const original = statement[method] as (...a: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...a: unknown[]) => {
        const key = note(source);
        const started = performance.now();
        try {
          return original.apply(statement, a);
        } finally {
          msBySql.set(key, (msBySql.get(key) ?? 0) + performance.now() - started);
        }
      };
    }
    return statement;
  } as typeof prepare;
  return { count: () => statements, bySql, msBySql };
}

/**
 * The texts run most, each with how many times per `per` (a view, a notification), and on SQLite the µs spent in
 * them per `per` when `ms` (`msBySql`) is given.
 */
export function printStatements(bySql: ReadonlyMap<string, number>, per: number, top = 20, ms?: ReadonlyMap<string, number>): void {
  for (const [text, n] of [...bySql].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    const spent = ms?.get(text);
    const time = spent === undefined ? '' : `${((spent * 1000) / per).toFixed(0).padStart(5)} µs  `;
    console.log(`  ${(n / per).toFixed(2).padStart(6)}  ${time}${text}`);
  }
}
