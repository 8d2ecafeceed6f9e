/**
 * A PostgreSQL server restarted under load. The app runs on a throw-away cluster of its own (never the shared
 * server: other tests use it concurrently), takes webhooks and sidebar views, and the cluster is stopped (fast
 * shutdown), left down, and started again, twice. The process must not crash; while the server is down every
 * request gets the agreed answer (503 for webhooks, the "data store unavailable" canvas for views) in bounded
 * time; nothing acknowledged is missing afterwards; and the app serves again by itself, with no restart.
 *
 * Needs initdb and pg_ctl (/usr/lib/postgresql/<version>/bin). Without them it skips and says so loudly, except
 * under CI=true, where a missing server is a failure rather than a silent gap in the suite.
 */
import { openDatabase } from '../../src/store';
import { FigureSheet } from '../support/reliability/figures';
import { expectServing, lostAcknowledged, slowest, startLoad, unexpected } from '../support/reliability/outage-load';
import { startWiredApp, type WiredApp } from '../support/reliability/wired-app';
import { findPostgresBinaries, type ScratchPostgres, startScratchPostgres } from '../support/scratch-postgres';

const RESTARTS = 2;
const UP_MS = 1_500;
const DOWN_MS = 1_200;
const CONNECT_MS = 1_000;
/** Every answer, during the outage too, within the connect timeout plus room for a loaded 2-core host. */
const ANSWER_BOUND_MS = CONNECT_MS + 2_000;

const bin = findPostgresBinaries();
const onCi = process.env.CI === 'true';
if (!bin && !onCi) {
  console.warn(
    '\n*** database-restart: SKIPPED. No PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql; ' +
      'install the postgresql package to run the restart-under-load test. ***\n',
  );
}
const describeRestart = bin || onCi ? describe : describe.skip;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const figures = new FigureSheet('database restarts');
afterAll(() => figures.print());

describeRestart('PostgreSQL restarted under load', () => {
  let server: ScratchPostgres;
  let app: WiredApp;
  beforeAll(async () => {
    if (!bin) throw new Error('CI=true but no PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql');
    server = await startScratchPostgres(bin);
  });
  afterAll(async () => {
    await server?.destroy();
  });
  beforeEach(async () => {
    const database = openDatabase({ url: server.url, pgPoolMax: 4, pgLimits: { connectMs: CONNECT_MS } });
    app = await startWiredApp({ database, env: { OUTBOX_POLL_MS: '50', SLA_TICK_MS: '50' } });
    // The background loops (webhook processor, outbox, SLA scheduler) meet the outage too, and must live through it.
    app.harness.application.startJobs();
  });
  afterEach(async () => {
    await app.close();
  });

  it('survives stop and start: nothing acknowledged lost, outage answered in bounded time, serving afterwards', async () => {
    const load = startLoad(app);
    const outageAnswers: typeof load.answers = [];
    for (let restart = 0; restart < RESTARTS; restart++) {
      await pause(UP_MS);
      await server.stop();
      const downFrom = load.answers.length;
      await pause(DOWN_MS);
      outageAnswers.push(...load.answers.slice(downFrom));
      await server.start();
    }
    await pause(UP_MS);
    await load.stop();

    expect(app.crashes).toEqual([]);
    expect(unexpected(load.answers)).toEqual([]);
    expect(await lostAcknowledged(load.answers, app.database)).toEqual([]);
    expect(slowest(load.answers)).toBeLessThan(ANSWER_BOUND_MS);
    // While the server was down nothing was served from it: each answer was the agreed "unavailable" one.
    const refusedWhileDown = outageAnswers.filter((a) => a.status === 503 || a.unavailable);
    expect(outageAnswers.length).toBeGreaterThan(0);
    expect(refusedWhileDown.length).toBe(outageAnswers.length);
    await expectServing(app);

    const acknowledged = load.answers.filter((a) => a.kind === 'webhook' && a.status === 200).length;
    figures.add('inputs', load.answers.length);
    figures.add('faults', RESTARTS);
    figures.set('lost', 0);
    figures.set('duplicated', 'n/a');
    figures.set('webhooks acknowledged', acknowledged);
    figures.set('answered unavailable while down', refusedWhileDown.length);
    figures.set('slowest answer while down ms', slowest(outageAnswers));
    figures.set('slowest answer ms', slowest(load.answers));
  });
});
