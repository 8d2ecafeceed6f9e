/**
 * SQLite's write lock held by someone else (another process on the same file, here a second connection that
 * opened `BEGIN IMMEDIATE` and sits on it). better-sqlite3 waits for a lock synchronously, so a long busy timeout
 * stalls every request of every workspace for as long. Writes must give up soon and take the "store unavailable"
 * path (503 for a webhook, so Intercom retries); sidebar views, which only read, are not blocked in WAL mode; and
 * once the lock is released everything is served again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { openDatabase } from '../../src/store';
import { FigureSheet } from '../support/reliability/figures';
import { expectServing, lostAcknowledged, slowest, startLoad } from '../support/reliability/outage-load';
import { startWiredApp, type WiredApp } from '../support/reliability/wired-app';

/** Well under SQLite's old 5 s wait, with room for a loaded 2-core host. */
const ANSWER_BOUND_MS = 1_500;
const HELD_MS = 1_000;

const figures = new FigureSheet('sqlite lock held');
afterAll(() => figures.print());

let dir: string;
let app: WiredApp;
let other: SqliteDatabase.Database;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'handoff-lock-'));
  const path = join(dir, 'handoff.sqlite');
  app = await startWiredApp({ database: openDatabase({ sqlitePath: path }) });
  other = new SqliteDatabase(path);
});
afterEach(async () => {
  if (other.inTransaction) other.exec('rollback');
  other.close();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

it('a held write lock: webhooks answer 503 soon, views keep being served, all recover when it is released', async () => {
  other.exec('begin immediate');
  const load = startLoad(app, 2, 2);
  await new Promise((resolve) => setTimeout(resolve, HELD_MS));
  await load.stop();
  other.exec('rollback');

  const webhooks = load.answers.filter((a) => a.kind === 'webhook');
  const views = load.answers.filter((a) => a.kind === 'sidebar');
  expect(app.crashes).toEqual([]);
  expect(new Set(webhooks.map((a) => a.status))).toEqual(new Set([503]));
  expect(views.map((a) => [a.status, a.unavailable])).toEqual(views.map(() => [200, false]));
  expect(slowest(load.answers)).toBeLessThan(ANSWER_BOUND_MS);
  expect(views.length).toBeGreaterThan(0);
  await expectServing(app);
  expect(await lostAcknowledged(load.answers, app.database)).toEqual([]);

  figures.add('inputs', load.answers.length);
  figures.add('faults', 1);
  figures.set('lost', 0);
  figures.set('duplicated', 'n/a');
  figures.set('webhooks refused 503', webhooks.length);
  figures.set('views served', views.length);
  figures.set('slowest answer ms', slowest(load.answers));
});
