/**
 * Where the benchmark's store lives: a fresh SQLite file in a temporary folder, or a fresh schema in the
 * PostgreSQL that DATABASE_URL names. Both are thrown away at the end, so a run never touches real data. The
 * spec is plain data, sent to the app's child process so it opens the very same store.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { type Database, openDatabase } from '../src/store';

export type StoreSpec = { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string; schema: string };

export interface BenchStore {
  spec: StoreSpec;
  /** For the report: engine and version, never the URL (it may carry a password). */
  describe(): Promise<string>;
  cleanup(): Promise<void>;
}

export function openSpec(spec: StoreSpec): Database {
  return spec.engine === 'sqlite'
    ? openDatabase({ sqlitePath: spec.path })
    : openDatabase({ url: spec.url, pgSchema: spec.schema, pgPoolMax: 10 });
}

async function adminQuery(url: string, statement: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(statement);
    return String(result.rows[0] ? Object.values(result.rows[0])[0] : '');
  } finally {
    await client.end();
  }
}

export async function prepareStore(databaseUrl: string | undefined): Promise<BenchStore> {
  if (databaseUrl) {
    const schema = `handoff_bench_${randomBytes(4).toString('hex')}`;
    await adminQuery(databaseUrl, `create schema ${schema}`);
    return {
      spec: { engine: 'postgres', url: databaseUrl, schema },
      describe: async () => `PostgreSQL ${await adminQuery(databaseUrl, 'show server_version')}`,
      cleanup: async () => {
        await adminQuery(databaseUrl, `drop schema if exists ${schema} cascade`);
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'handoff-bench-'));
  const path = join(dir, 'bench.sqlite');
  return {
    spec: { engine: 'sqlite', path },
    describe: async () => {
      const database = openSpec({ engine: 'sqlite', path });
      try {
        const { rows } = await sql<{ v: string }>`select sqlite_version() as v`.execute(database.db);
        return `SQLite ${rows[0]?.v ?? '?'} (file, WAL)`;
      } finally {
        await database.close();
      }
    },
    cleanup: async () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
