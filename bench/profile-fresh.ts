/**
 * `npx tsx bench/profile-fresh.ts [views] [--seeded [--full]] [--concurrency n] [--cpu-only]`: where a fresh sidebar render's CPU
 * goes. Builds the app in-process (the tests' harness and fake Intercom) and renders views the way the initialize
 * route does (signature, JSON, zod, the sidebar flow, the canvas serialised) with no reuse, under V8's sampling
 * profiler (node:inspector). Prints the time and CPU per view, the statements per view (on PostgreSQL, round trips)
 * and the self time by part of the code, largest first.
 *
 * By default on an in-memory SQLite store with two tickets and running clocks linked to each of 2,000 conversations
 * of one workspace. `--seeded` models the full run instead: the benchmark's own population (`--quick` sizes: 100
 * workspaces, 100,000 tickets; `--full`: 1,000 and 1,000,000) in a SQLite file in WAL mode, the views cycling through
 * the 30,000 conversations of every workspace the full run cycles through (`freshBodies`), `n` at a time (default 1;
 * the full run has 50 connections in flight). With DATABASE_URL set, on PostgreSQL (a schema of its own, dropped).
 * `--cpu-only`: no sampling profiler (it adds its own CPU), only the time and CPU per view, for comparing two builds
 * in alternating runs.
 */
import { Session } from 'node:inspector/promises';
import { canvasJson } from '../canvases/kit';
import { sidebar } from '../src/flows/sidebar';
import { parseCanvasRequest } from '../src/http/canvas-request';
import { signBody, verifySignature } from '../src/http/signature';
import { initializeBody } from '../src/sandbox/canvas-kit-body';
import { createLogger } from '../src/util/logger';
import { startHarness, TEST_CLIENT_SECRET } from '../test/support/app-harness';
import { linkTicketWithClock } from '../test/support/linked-ticket';
import { freshSchema, pgAdmin } from '../test/support/postgres';
import { migrateToLatest, openDatabase } from '../src/store';
import { createTokenCipher } from '../src/security/token-cipher';
import { startFakeIntercom } from '../src/sandbox/fake-intercom';
import { ManualClock } from '../src/util/clock';
import { BENCH_NOW } from './bench-clock';
import { parseOptions } from './options';
import { FRESH_VARIANTS, freshBodies } from './scenarios/sidebar';
import { seedStore } from './seed/seed-store';
import { openSpec, prepareStore } from './store-engine';
import { type Harness, testConfig } from '../test/support/app-harness';
import { type ProfileNode, printShares, summarise } from './report/cpu-profile';
import { countStatements, printStatements } from './report/statement-count';

const CONVERSATIONS = 2_000;

/** Self time is attributed to the first of these the frame's script path contains; the rest is "other". */
const PARTS: readonly [string, string][] = [
  ['node_modules/kysely', 'kysely (statement building, result mapping)'],
  ['node_modules/better-sqlite3', 'better-sqlite3 (JS side)'],
  ['node_modules/zod', 'zod (parsing)'],
  ['node_modules/pino', 'pino (logging)'],
  ['node_modules/luxon', 'luxon (time zones)'],
  ['/src/domain/sla', 'SLA maths (src/domain/sla)'],
  ['/src/domain/triage', 'triage engine'],
  ['/src/domain/signals', 'signals'],
  ['/src/domain/text', 'text (HTML, masking)'],
  ['/src/domain', 'other domain'],
  ['/canvases/', 'canvas building'],
  ['/src/store', 'store (our repositories)'],
  ['/src/services', 'services'],
  ['/src/flows', 'sidebar flow'],
  ['/src/http', 'http (signature, request parsing)'],
];

interface Fixture {
  h: Harness;
  bodies: { raw: Buffer; signature: string }[];
  close(): Promise<void>;
}

/** Two tickets with clocks on each of 2,000 conversations of the harness's one workspace, in memory (or a PG schema). */
async function smallFixture(url: string | undefined): Promise<Fixture> {
  const schema = url ? freshSchema('profile') : null;
  if (url && schema) await pgAdmin(`create schema ${schema}`, url);
  const h = await startHarness(url && schema ? { database: openDatabase({ url, pgSchema: schema }) } : {});
  const base = initializeBody(h.fake, h.context);
  const bodies: { raw: Buffer; signature: string }[] = [];
  for (let i = 0; i < CONVERSATIONS; i += 1) {
    const conversationId = String(800_000_000 + i);
    for (const n of [0, 1])
      await linkTicketWithClock(h, String(900_000 + 2 * i + n), { conversationId, ...(n ? { stateCategory: 'waiting_on_customer' } : {}) });
    const raw = Buffer.from(JSON.stringify({ ...base, conversation: { ...(base['conversation'] as object), id: conversationId } }));
    bodies.push({ raw, signature: signBody('canvas', raw, TEST_CLIENT_SECRET) });
  }
  return {
    h,
    bodies,
    close: async () => {
      await h.close();
      if (url && schema) await pgAdmin(`drop schema if exists ${schema} cascade`, url);
    },
  };
}

/** The benchmark's seeded population in a file (or a PG schema), and the requests its fresh runs send. */
async function seededFixture(url: string | undefined, full: boolean): Promise<Fixture> {
  const { sizes } = parseOptions(full ? [] : ['--quick'], {});
  const clock = new ManualClock(BENCH_NOW);
  const fake = await startFakeIntercom({ clock });
  const demo = fake.seedDemoWorkspace();
  const store = await prepareStore(url);
  const seeding = openSpec(store.spec);
  await migrateToLatest(seeding);
  const cipher = createTokenCipher(testConfig(demo.token).encryption.current);
  const report = await seedStore(seeding, { sizes, cipher, now: BENCH_NOW, firstWorkspaceId: demo.workspaceId });
  await seeding.close();
  console.log(
    `seeded ${report.workspaces} workspaces, ${report.tickets} tickets, ${report.clocks} clocks in ${(report.ms / 1000).toFixed(0)} s`,
  );
  const h = await startHarness({ database: openSpec(store.spec), clock, fake, demo });
  const base = initializeBody(fake, h.context);
  const bodies = freshBodies({ base, sizes, firstWorkspaceId: demo.workspaceId, secret: TEST_CLIENT_SECRET, count: FRESH_VARIANTS }).map(
    (request) => ({ raw: Buffer.from(request.body), signature: request.headers['X-Body-Signature']! }),
  );
  return {
    h,
    bodies,
    close: async () => {
      await h.close();
      await fake.close();
      await store.cleanup();
    },
  };
}

function flag(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const views = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 20_000);
  const concurrency = Number(flag(args, '--concurrency') ?? 1);
  // DATABASE_URL=postgres://… profiles on PostgreSQL, in a schema of its own dropped at the end.
  const url = process.env['DATABASE_URL'];
  // Before the store opens: the count wraps statements as they are prepared.
  const statements = countStatements();
  const fixture = args.includes('--seeded') ? await seededFixture(url, args.includes('--full')) : await smallFixture(url);
  const { h, bodies } = fixture;
  const logger = createLogger('silent');
  const view = async (i: number) => {
    const { raw, signature } = bodies[i % bodies.length]!;
    if (!verifySignature('canvas', raw, signature, [TEST_CLIENT_SECRET])) throw new Error('signature');
    const parsed = parseCanvasRequest(JSON.parse(raw.toString('utf8')));
    if (!parsed.ok) throw new Error(parsed.problem);
    return Buffer.from(canvasJson(await sidebar(h.application.deps, parsed.request, { logger })));
  };
  /** `count` views, `concurrency` in flight at a time, as the load generator's connections keep them. */
  let next = 0;
  const render = async (count: number) => {
    const end = next + count;
    const lane = async () => {
      while (next < end) await view(next++);
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
  };
  await render(2_000);
  if (args.includes('--cpu-only')) {
    const cpuBefore = process.cpuUsage();
    await render(views);
    const cpu = process.cpuUsage(cpuBefore);
    console.log(
      `${views} fresh views (${concurrency} at a time): CPU ${((cpu.user + cpu.system) / views).toFixed(0)} µs per view (system ${(cpu.system / views).toFixed(0)})`,
    );
    await fixture.close();
    return;
  }
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  statements.bySql.clear();
  const statementsBefore = statements.count();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await render(views);
  const cpu = process.cpuUsage(cpuBefore);
  const statementsRun = statements.count() - statementsBefore;
  const ms = performance.now() - started;
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  const samples: number[] = profile.samples ?? [];
  const { busy, byPart, byFunction } = summarise(profile.nodes as ProfileNode[], samples, PARTS);
  console.log(
    `${views} fresh views (${concurrency} at a time) in ${ms.toFixed(0)} ms: ${((ms / views) * 1000).toFixed(0)} µs per view, CPU ${((cpu.user + cpu.system) / views).toFixed(0)} µs per view (system ${(cpu.system / views).toFixed(0)}; ${((busy / samples.length) * 100).toFixed(0)} % of samples busy)`,
  );
  // Statements are what a view costs the store whatever the host's load: on PostgreSQL each is a round trip.
  console.log(`Statements per view: ${(statementsRun / views).toFixed(2)}, by text:`);
  printStatements(statements.bySql, views, 12);
  printShares(byPart, busy, 16);
  // The functions behind it, for the next step.
  console.log('Top functions (self time):');
  printShares(byFunction, busy, 20);
  await fixture.close();
}

void main();
