/**
 * One migrated PostgreSQL schema for a whole describe block, emptied before each of its tests. Creating, migrating
 * and dropping a schema costs PostgreSQL about a second per test (twelve migrations of DDL, each committed to disk);
 * deleting the rows a test left costs tens of milliseconds. Every test still starts from empty tables, as the store
 * contract suite does (test/store/repos/harness.ts), so no test sees another's rows.
 */
import { type Database, migrateToLatest, openDatabase } from '../../src/store';
import { wipe } from '../store/repos/harness';
import { freshSchema, pgAdmin } from './postgres';

export interface ReusedSchema {
  /** The schema's name, once the block's `beforeAll` has created it. */
  readonly name: string;
  /** Deletes every row (call it before a test opens the schema, with the previous test's instances closed). */
  empty(): Promise<void>;
}

/** Declares the block's `beforeAll`/`afterAll`: the schema is created and migrated once, dropped at the end. */
export function reusedSchema(prefix: string, url: string): ReusedSchema {
  const name = freshSchema(prefix);
  // One connection, kept for the block: only the migration and the wipes use it.
  let database: Database | undefined;
  beforeAll(async () => {
    await pgAdmin(`create schema ${name}`, url);
    database = openDatabase({ url, pgSchema: name, pgPoolMax: 1 });
    await migrateToLatest(database);
  });
  afterAll(async () => {
    await database?.close();
    if (database) await pgAdmin(`drop schema if exists ${name} cascade`, url);
  });
  return {
    name,
    empty: async () => {
      if (!database) throw new Error('reusedSchema: the schema exists only inside its describe block');
      await wipe(database);
    },
  };
}
