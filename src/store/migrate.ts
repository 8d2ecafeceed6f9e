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
import { type MigrationResultSet, Migrator, sql } from 'kysely';
import type { Database } from './database';
import { migrationProvider } from './migrations';

/** An arbitrary fixed advisory-lock key, distinct from the one kysely uses inside the run. */
const PG_BOOTSTRAP_LOCK = '7254381650925811201';

export interface MigrationReport {
  /** Names applied by this call; empty when the schema was already current. */
  applied: string[];
}

export async function migrateToLatest(database: Database): Promise<MigrationReport> {
  return migrate(database, (migrator) => migrator.migrateToLatest());
}

/** Up or down to the named migration (tests of one migration's data step; an operator's rollback). */
export async function migrateTo(database: Database, target: string): Promise<MigrationReport> {
  return migrate(database, (migrator) => migrator.migrateTo(target));
}

type Run = (migrator: Migrator) => Promise<MigrationResultSet>;

async function migrate(database: Database, run: Run): Promise<MigrationReport> {
  if (database.dialect === 'sqlite') return runMigrator(database, undefined, run);
  return database.db.connection().execute(async (lockConnection) => {
    await sql`select pg_advisory_lock(${sql.lit(PG_BOOTSTRAP_LOCK)}::bigint)`.execute(lockConnection);
    try {
      // Named explicitly: unnamed, kysely looks for its tables in *every* schema and skips creating them
      // here when another schema of the database (another app, another test) already has them.
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(lockConnection);
      return await runMigrator(database, rows[0]?.schema, run);
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(PG_BOOTSTRAP_LOCK)}::bigint)`.execute(lockConnection);
    }
  });
}

/** Tries of a run that met another schema being dropped under kysely's introspection (see below). */
const SCHEMA_RACE_TRIES = 5;

async function runMigrator(database: Database, schema: string | undefined, run: Run): Promise<MigrationReport> {
  const migrator = new Migrator({ db: database.db, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) });
  for (let tries = 1; ; tries += 1) {
    const { error, results } = await run(migrator);
    if (!error) return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
    // Before it migrates, kysely looks for its own tables by listing every table of every schema, and the listing
    // names each table by its schema (pg_get_serial_sequence): a schema another client drops meanwhile fails it
    // with "schema … does not exist" (SQLSTATE 3F000). That is someone else's schema and a read-only step, so the
    // run is simply tried again; a missing schema of our own fails every try and is reported.
    if (tries < SCHEMA_RACE_TRIES && isOtherSchemaGone(error, schema)) continue;
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'bootstrap';
    throw new Error(`Database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function isOtherSchemaGone(error: unknown, ours: string | undefined): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '3F000' && ours !== undefined && error instanceof Error && !error.message.includes(`"${ours}"`);
}
