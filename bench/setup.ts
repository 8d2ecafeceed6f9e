/**
 * Everything the scenarios run against: the fake Intercom (in this process, with its latency), the seeded store
 * (real schema via migrateToLatest, then bulk rows), the sidebar's two linked tickets, and the app in a child
 * process. `close` undoes all of it, including the temporary store.
 */
import { type FakeIntercom, startFakeIntercom } from '../src/sandbox/fake-intercom';
import type { DemoWorkspace } from '../src/sandbox/fake-intercom/demo-seed';
import { createTokenCipher } from '../src/security/token-cipher';
import { createStore, migrateToLatest } from '../src/store';
import { OffsetClock } from '../src/util/clock';
import { BENCH_NOW } from './bench-clock';
import type { BenchOptions } from './options';
import { type ChildHandle, type CpuPlan, planCpus, spawnChild } from './proc/child';
import { benchConfig } from './secrets';
import { type SeedReport, seedStore } from './seed/seed-store';
import { linkSidebarTickets } from './seed/sidebar-tickets';
import { type BenchStore, openSpec, prepareStore } from './store-engine';

export interface BenchEnv {
  options: BenchOptions;
  cpu: CpuPlan;
  fake: FakeIntercom;
  demo: DemoWorkspace;
  store: BenchStore;
  storeName: string;
  seed: SeedReport;
  /** The ticket numbers the sidebar must show. */
  sidebarTickets: string[];
  app: ChildHandle;
  appUrl: string;
  /** The shared timeline's "now" (epoch ms), as the fake and the app see it. */
  now(): number;
  close(): Promise<void>;
}

type Log = (line: string) => void;

async function seed(options: BenchOptions, store: BenchStore, demo: DemoWorkspace, log: Log) {
  const database = openSpec(store.spec);
  try {
    await migrateToLatest(database);
    const cipher = createTokenCipher(benchConfig(demo.token).encryption.current);
    const step = Math.max(1, Math.floor(options.sizes.tickets / 5));
    const report = await seedStore(database, {
      sizes: options.sizes,
      cipher,
      now: BENCH_NOW,
      firstWorkspaceId: demo.workspaceId,
      onProgress: (n) => {
        if (n % step === 0 || n === options.sizes.tickets) log(`  seeded ${n.toLocaleString('en-US')} tickets`);
      },
    });
    const sidebarTickets = await linkSidebarTickets(createStore(database), demo.workspaceId, demo.conversations.refund, BENCH_NOW);
    return { report, sidebarTickets };
  } finally {
    await database.close();
  }
}

export async function setUp(options: BenchOptions, log: Log): Promise<BenchEnv> {
  const cpu = planCpus(options.pin);
  // The fake shares the app's timeline; the offset is set once seeding is done (see bench-clock.ts).
  const fakeClock = new OffsetClock();
  const fake = await startFakeIntercom({ clock: fakeClock, rateLimitPerWindow: 1_000_000 });
  const demo = fake.seedDemoWorkspace();
  const store = await prepareStore(options.databaseUrl);
  const cleanups: (() => Promise<void>)[] = [() => fake.close(), () => store.cleanup()];
  try {
    const storeName = await store.describe();
    log(`Seeding ${storeName}: ${options.sizes.workspaces} workspaces, ${options.sizes.tickets} tickets, ${options.sizes.clocks} clocks`);
    const seeded = await seed(options, store, demo, log);
    const offsetMs = BENCH_NOW - Date.now();
    fakeClock.advance(offsetMs);
    if (options.latencyMs > 0) fake.faults.latency(options.latencyMs);
    const app = await spawnChild('app-server.ts', cpu.server);
    cleanups.unshift(() => app.stop());
    const started = await app.call<{ port: number }>('start', { store: store.spec, fakeUrl: fake.url, token: demo.token, offsetMs });
    fake.clearLog();
    return {
      options,
      cpu,
      fake,
      demo,
      store,
      storeName,
      seed: seeded.report,
      sidebarTickets: seeded.sidebarTickets,
      app,
      appUrl: `http://127.0.0.1:${started.port}`,
      now: () => fakeClock.now(),
      close: async () => {
        for (const cleanup of cleanups) await cleanup().catch(() => undefined);
      },
    };
  } catch (error) {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    throw error;
  }
}
