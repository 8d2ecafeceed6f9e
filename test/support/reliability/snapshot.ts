/**
 * The whole store as data: every table the database holds (found at run time, so tables added by later
 * migrations are covered too), each as its rows in a stable order. Two snapshots that compare equal mean no
 * row was inserted, changed or deleted in between.
 */
import { sql } from 'kysely';
import type { Database } from '../../../src/store';

export type StoreSnapshot = ReadonlyMap<string, string>;

async function tableNames(database: Database): Promise<string[]> {
  const query =
    database.dialect === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`
      : sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`;
  const { rows } = await query.execute(database.db);
  return rows.map((row) => row.name).sort();
}

let cachedNames: { database: Database; names: string[] } | undefined;

export async function snapshotStore(database: Database): Promise<StoreSnapshot> {
  if (cachedNames?.database !== database) cachedNames = { database, names: await tableNames(database) };
  const out = new Map<string, string>();
  for (const name of cachedNames.names) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(database.db);
    out.set(
      name,
      rows
        .map((row) => JSON.stringify(row))
        .sort()
        .join('\n'),
    );
  }
  return out;
}

/** Names of the tables whose rows differ, with their row counts before → after. */
export function changedTables(before: StoreSnapshot, after: StoreSnapshot): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  const count = (text: string | undefined) => (text ? text.split('\n').length : 0);
  return [...names]
    .filter((name) => before.get(name) !== after.get(name))
    .map((name) => `${name} (${count(before.get(name))} → ${count(after.get(name))} rows)`);
}

/**
 * Watches a store for row changes cheaply enough to check after every fuzz case. On SQLite, temporary triggers
 * (they live with the test's connection, not in the app's schema) log every insert, update and delete of every
 * table, so a check is one query whatever the tables hold; an update that rewrites the same values counts as a
 * change, which is the stricter reading. On PostgreSQL every check compares full snapshots.
 */
export interface StoreWatch {
  /** Tables written since the previous call (or since the watch began), each as `name (n row writes)`. */
  changes(): Promise<string[]>;
}

export async function watchStore(database: Database): Promise<StoreWatch> {
  if (database.dialect !== 'sqlite') {
    let snapshot = await snapshotStore(database);
    return {
      async changes() {
        const next = await snapshotStore(database);
        const changed = changedTables(snapshot, next);
        snapshot = next;
        return changed;
      },
    };
  }
  const db = database.db;
  await sql`create temp table if not exists reliability_writes (tbl text not null)`.execute(db);
  for (const name of await tableNames(database)) {
    for (const event of ['insert', 'update', 'delete']) {
      const trigger = sql.id(`reliability_${name}_${event}`);
      await sql`create temp trigger if not exists ${trigger} after ${sql.raw(event)} on main.${sql.id(name)}
        begin insert into reliability_writes (tbl) values (${sql.lit(name)}); end`.execute(db);
    }
  }
  await sql`delete from reliability_writes`.execute(db);
  return {
    async changes() {
      const { rows } = await sql<{
        tbl: string;
        n: number;
      }>`select tbl, count(*) as n from reliability_writes group by tbl order by tbl`.execute(db);
      if (rows.length === 0) return [];
      await sql`delete from reliability_writes`.execute(db);
      return rows.map((row) => `${row.tbl} (${row.n} row writes)`);
    },
  };
}

/** Rows per table: what the figures lines report. */
export function rowCounts(snapshot: StoreSnapshot): Record<string, number> {
  return Object.fromEntries([...snapshot].map(([name, text]) => [name, text === '' ? 0 : text.split('\n').length]));
}
