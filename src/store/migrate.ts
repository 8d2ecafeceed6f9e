/**
 * Applies pending migrations; called on start by the server and by
 * `npm run migrate`. Safe to run from several instances at once:
 * - SQLite: the migrator's run is one IMMEDIATE transaction (see database.ts);
 * - PostgreSQL: kysely serialises the migrations themselves with an advisory
 *   lock, but creates its own bookkeeping tables before taking it, leaving two
 *   instances on an empty database to race on the `create table`s. The whole
 *   run is therefore wrapped in our own session advisory lock, held on a
 *   separate connection, so one instance bootstraps and migrates while the
 *   others wait and then find nothing to do.
 */
import { Migrator, sql } from 'kysely';
import type { Database } from './database';
import { migrationProvider } from './migrations';

/** An arbitrary fixed advisory-lock key, distinct from the one kysely uses inside the run. */
const PG_BOOTSTRAP_LOCK = '7254381650925811201';

export interface MigrationReport {
  /** Names applied by this call; empty when the schema was already current. */
  applied: string[];
}

export async function migrateToLatest(database: Database): Promise<MigrationReport> {
  if (database.dialect === 'sqlite') return runMigrator(database, undefined);
  return database.db.connection().execute(async (lockConnection) => {
    await sql`select pg_advisory_lock(${sql.lit(PG_BOOTSTRAP_LOCK)}::bigint)`.execute(lockConnection);
    try {
      // Named explicitly: unnamed, kysely looks for its tables in *every* schema and skips creating them
      // here when another schema of the database (another app, another test) already has them.
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(lockConnection);
      return await runMigrator(database, rows[0]?.schema);
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(PG_BOOTSTRAP_LOCK)}::bigint)`.execute(lockConnection);
    }
  });
}

async function runMigrator(database: Database, schema: string | undefined): Promise<MigrationReport> {
  const migrator = new Migrator({ db: database.db, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'bootstrap';
    throw new Error(`Database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
