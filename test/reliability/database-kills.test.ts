/**
 * Database kills on the shared PostgreSQL server: while the app takes webhooks and sidebar views, its backends
 * (idle in the pool, mid-query, mid-transaction, and the change feed's LISTEN connection) are terminated with
 * `pg_terminate_backend` again and again. The process must not crash, every request must be answered (200, or
 * the agreed "unavailable" answer) in bounded time, no acknowledged webhook may be missing, and once the kills
 * stop the app serves normally without a restart. Only this test's own connections are touched: they carry an
 * application_name of their own. Skips without TEST_DATABASE_URL, like every PostgreSQL test.
 */
import { openDatabase } from '../../src/store';
import { describePostgres, freshSchema, PG_URL, pgAdmin } from '../support/postgres';
import { FigureSheet } from '../support/reliability/figures';
import { expectServing, lostAcknowledged, slowest, startLoad, unexpected } from '../support/reliability/outage-load';
import { startWiredApp, type WiredApp } from '../support/reliability/wired-app';

const KILL_ROUNDS = 12;
const KILL_EVERY_MS = 150;
/** Connect timeout given to the app: the bound every answer must meet, with room for a loaded 2-core host. */
const CONNECT_MS = 1_000;
const ANSWER_BOUND_MS = CONNECT_MS + 2_000;

const figures = new FigureSheet('database kills');
afterAll(() => figures.print());

describePostgres('PostgreSQL backends terminated under load', (url) => {
  let schema: string;
  let app: WiredApp;
  beforeEach(async () => {
    schema = freshSchema('db_kills');
    await pgAdmin(`create schema ${schema}`);
    const database = openDatabase({
      url,
      pgSchema: schema,
      pgPoolMax: 4,
      pgApplicationName: `handoff_${schema}`,
      pgLimits: { connectMs: CONNECT_MS },
    });
    app = await startWiredApp({ database });
  });
  afterEach(async () => {
    await app.close();
    await pgAdmin(`drop schema if exists ${schema} cascade`);
  });

  it('survives repeated pg_terminate_backend: nothing acknowledged lost, answers bounded, serving afterwards', async () => {
    const load = startLoad(app);
    let terminated = 0;
    for (let round = 0; round < KILL_ROUNDS; round++) {
      await new Promise((resolve) => setTimeout(resolve, KILL_EVERY_MS));
      terminated += await terminateBackends(`handoff_${schema}`);
    }
    await load.stop();

    expect(app.crashes).toEqual([]);
    expect(unexpected(load.answers)).toEqual([]);
    expect(await lostAcknowledged(load.answers, app.database)).toEqual([]);
    expect(slowest(load.answers)).toBeLessThan(ANSWER_BOUND_MS);
    // The kills did land on live connections, and some requests met them.
    expect(terminated).toBeGreaterThan(KILL_ROUNDS);
    await expectServing(app);

    const refused = load.answers.filter((a) => a.status === 503 || a.unavailable).length;
    figures.add('inputs', load.answers.length);
    figures.add('faults', terminated);
    figures.set('lost', 0);
    figures.set('duplicated', 'n/a');
    figures.set('backends terminated', terminated);
    figures.set('answered unavailable', refused);
    figures.set('slowest answer ms', slowest(load.answers));
  });
});

/** Terminates every backend carrying `applicationName`; how many there were. */
async function terminateBackends(applicationName: string): Promise<number> {
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    const result = await client.query(
      'select pg_terminate_backend(pid) as gone from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()',
      [applicationName],
    );
    return result.rows.filter((row: { gone: boolean }) => row.gone).length;
  } finally {
    await client.end();
  }
}
