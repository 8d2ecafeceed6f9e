/**
 * PostgreSQL for the tests that need a second instance or a real server: CI sets TEST_DATABASE_URL; without it
 * those tests skip and say so. Each test file works in a schema of its own, dropped when it is done.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type FakeIntercom, startFakeIntercom } from '../../src/sandbox/fake-intercom';
import type { DemoWorkspace } from '../../src/sandbox/fake-intercom/demo-seed';
import { openDatabase } from '../../src/store';
import { ManualClock } from '../../src/util/clock';
import { type Harness, startHarness, TEST_START } from './app-harness';

export const PG_URL = process.env.TEST_DATABASE_URL || undefined;

/** What a skipped block's body is handed: it only registers tests, which never run, so nothing connects to it. */
const NOT_SET = 'postgres://TEST_DATABASE_URL-not-set.invalid/';

/**
 * The one way a test needs PostgreSQL. With TEST_DATABASE_URL set, `body` is a describe block given the URL;
 * without it the same tests are registered as skipped (so the run's count shows them) and one line says why.
 * A suite that runs on both engines declares its PostgreSQL half with this too.
 */
export function describePostgres(name: string, body: (url: string) => void): void {
  const url = PG_URL;
  if (url) {
    describe(name, () => body(url));
    return;
  }
  console.log(`SKIPPED (needs TEST_DATABASE_URL, PostgreSQL): ${name}`);
  describe.skip(name, () => body(NOT_SET));
}

/** Runs one statement on its own connection (create or drop a schema). */
export async function pgAdmin(statement: string, url = PG_URL): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh schema name with a readable prefix (lower-case letters, digits and `_` only). */
export function freshSchema(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

export interface PgPair {
  schema: string;
  clock: ManualClock;
  fake: FakeIntercom;
  demo: DemoWorkspace;
  a: Harness;
  b: Harness;
  close(): Promise<void>;
}

/** Two app instances on one fresh schema, sharing one fake Intercom and one manual clock. */
export async function startPgPair(prefix: string): Promise<PgPair> {
  if (!PG_URL) throw new Error('TEST_DATABASE_URL is not set');
  const schema = freshSchema(prefix);
  await pgAdmin(`create schema ${schema}`);
  const clock = new ManualClock(TEST_START);
  const fake = await startFakeIntercom({ clock });
  const demo = fake.seedDemoWorkspace();
  const open = () => openDatabase({ url: PG_URL, pgSchema: schema, pgPoolMax: 4 });
  const a = await startHarness({ clock, fake, demo, database: open() });
  const b = await startHarness({ clock, fake, demo, database: open() });
  return {
    schema,
    clock,
    fake,
    demo,
    a,
    b,
    async close() {
      await a.close();
      await b.close();
      await fake.close();
      await pgAdmin(`drop schema if exists ${schema} cascade`);
    },
  };
}
