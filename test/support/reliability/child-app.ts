/**
 * Handoff as its own process, for the crash tests (run with tsx; the parent holds the fake Intercom). Built
 * exactly like src/server.ts builds it — buildApplication, the private install, the background jobs, and the
 * same drain on SIGTERM — with four differences a test needs: API calls go to the fake, the clock is the wall
 * clock plus an offset the parent sets (so both processes agree on time, and the parent can jump it), the
 * escalation's budgets are unhurried (test/support/unhurried.ts: the machine's load must not decide what an agent
 * sees), and it prints `READY <port>` once it listens. SIGKILL, by design, gets no say.
 *
 * Environment: REL_FAKE_URL, REL_TOKEN, REL_SQLITE_PATH or REL_DATABASE_URL (+ REL_PG_SCHEMA), REL_INSTANCE_ID,
 * REL_CLOCK_OFFSET_MS, REL_TIMEOUT_MS.
 */
import { json, Router } from 'express';
import { loadConfig } from '../../../src/config';
import { drainOnSignals } from '../../../src/http/drain';
import { openDatabase } from '../../../src/store';
import type { Clock } from '../../../src/util/clock';
import { silentLogger } from '../../../src/util/logger';
import { buildApplication } from '../../../src/wiring';
import { UNHURRIED_BUDGETS } from '../unhurried';

const env = process.env;
/** The harness's TEST_CLIENT_SECRET, repeated so this process does not load the harness (and supertest). */
const TEST_CLIENT_SECRET = 'test-client-secret';

/** Wall clock plus an offset; the parent's fake uses the same, so a jump is seen by both. */
class SharedClock implements Clock {
  constructor(public offsetMs: number) {}
  now(): number {
    return Date.now() + this.offsetMs;
  }
}

function controlRouter(clock: SharedClock): Router {
  const router = Router();
  router.post('/__reliability/clock', json(), (req, res) => {
    clock.offsetMs = Number((req.body as { offsetMs?: unknown }).offsetMs);
    res.json({ offsetMs: clock.offsetMs });
  });
  return router;
}

/** A test process that died without killing its child must not leave an app running: follow the parent. */
function exitWithParent(): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.exit(1);
  }, 500).unref();
}

async function main(): Promise<void> {
  exitWithParent();
  const clock = new SharedClock(Number(env.REL_CLOCK_OFFSET_MS ?? 0));
  const config = loadConfig({
    INTERCOM_CLIENT_SECRET: TEST_CLIENT_SECRET,
    INTERCOM_ACCESS_TOKEN: env.REL_TOKEN,
    HANDOFF_ENCRYPTION_KEY: `test:${Buffer.alloc(32, 3).toString('base64')}`,
    PUBLIC_URL: 'https://handoff.test',
    LOG_LEVEL: 'silent',
    INTERCOM_TIMEOUT_MS: env.REL_TIMEOUT_MS ?? '1000',
    OUTBOX_POLL_MS: '25',
    SLA_TICK_MS: '25',
    RECONCILE_INTERVAL_MS: '3600000',
    SHUTDOWN_GRACE_MS: '10000',
  });
  const database = env.REL_DATABASE_URL
    ? openDatabase({ url: env.REL_DATABASE_URL, pgSchema: env.REL_PG_SCHEMA, pgPoolMax: 4 })
    : openDatabase({ sqlitePath: env.REL_SQLITE_PATH });
  const application = await buildApplication({
    config,
    clock,
    logger: silentLogger,
    database,
    apiBaseUrlOverride: env.REL_FAKE_URL,
    instanceId: env.REL_INSTANCE_ID,
    escalationBudgets: UNHURRIED_BUDGETS,
    routers: [controlRouter(clock)],
  });
  const server = application.app.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : 0}\n`);
  });
  application.startJobs();
  // The same drain as src/server.ts; DRAINED tells the test the exit was the graceful one.
  drainOnSignals(server, application, config.shutdownGraceMs, () => process.stdout.write('DRAINED\n'));
}

main().catch((error: unknown) => {
  process.stderr.write(`child app failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
