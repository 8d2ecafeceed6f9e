/**
 * The SLA storm in one process, chunk by chunk: seeds a store (`--quick` sizes by default, `--full` for the run's
 * 100,000 clocks), makes 10,000 clocks due within the last minute as the storm scenario does, and ticks the real
 * scheduler until nothing is due. Prints the CPU per due clock, each chunk's synchronous stretch (the CPU time from
 * one yield of the scheduler to the next: on SQLite, how long a chunk holds the event loop) and the longest gap
 * between two turns of a 1 ms timer, in wall time and in the CPU time used meanwhile (on PostgreSQL, where a chunk
 * waits on round trips, that CPU figure is the longest synchronous stretch, the run's `sla.storm_block`). Not part of
 * a run; for comparing old and new code on CPU time, which a busy host moves far less than wall time.
 *
 *   npx tsx bench/profile-storm.ts [--full] [--workspaces n] [--keep <file>] [--from <file>]   (DATABASE_URL: PostgreSQL)
 *
 * `--workspaces 1000` spreads the quick sizes over the full run's 1,000 workspaces, so a chunk meets as many
 * workspaces as in the full run (their settings read and parsed once each).
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-storm.ts --from /tmp/seeded.sqlite
 *
 * `--keep` copies the seeded SQLite file there; `--from` starts from a copy of such a file instead of seeding.
 */
import { copyFileSync } from 'node:fs';
import { createSlaScheduler } from '../src/jobs/sla-scheduler';
import { createPolicyCache } from '../src/services/sla/policy-cache';
import { createTokenCipher } from '../src/security/token-cipher';
import { createStore, type Database, migrateToLatest } from '../src/store';
import { BENCH_NOW, offsetClock } from './bench-clock';
import { prepareStorm } from './proc/sla-storm-commands';
import { benchConfig } from './secrets';
import { seedStore } from './seed/seed-store';
import { percentile } from './stats';
import { openSpec, prepareStore } from './store-engine';

const DUE = 10_000;

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function main(): Promise<void> {
  const full = process.argv.includes('--full');
  // A fresh SQLite file in a temporary folder, or a throw-away schema of DATABASE_URL's database.
  const bench = await prepareStore(process.env.DATABASE_URL);
  try {
    const from = flag('--from');
    if (from && bench.spec.engine === 'sqlite') copyFileSync(from, bench.spec.path);
    else {
      const database = openSpec(bench.spec);
      await migrateToLatest(database);
      const sizes = full
        ? { workspaces: 1_000, tickets: 1_000_000, clocks: 100_000 }
        : { workspaces: Number(flag('--workspaces') ?? 100), tickets: 100_000, clocks: 10_000 };
      const cipher = createTokenCipher(benchConfig('storm').encryption.current);
      const seeded = await seedStore(database, { sizes, cipher, now: BENCH_NOW });
      await database.close();
      console.log(
        `${await bench.describe()}: seeded ${seeded.tickets} tickets, ${seeded.clocks} clocks in ${(seeded.ms / 1000).toFixed(1)} s`,
      );
      const keep = flag('--keep');
      if (keep && bench.spec.engine === 'sqlite') copyFileSync(bench.spec.path, keep);
    }
    await storm(openSpec(bench.spec));
  } finally {
    await bench.cleanup();
  }
}

async function storm(database: Database): Promise<void> {
  const clock = offsetClock(BENCH_NOW - Date.now());
  const store = createStore(database);
  const due = await prepareStorm(database.db, clock.now(), DUE);
  const stretches: number[] = [];
  let stretchFrom = cpuMs();
  const scheduler = createSlaScheduler({
    store,
    clock,
    policies: createPolicyCache(),
    instanceId: 'profile-storm',
    logger: { info: () => {}, warn: () => {}, error: () => {} },
    intervalMs: 60_000,
    chunkSize: flag('--chunk') === undefined ? undefined : Number(flag('--chunk')),
    yieldToLoop: async () => {
      stretches.push(cpuMs() - stretchFrom);
      await new Promise<void>((resolve) => setImmediate(resolve));
      stretchFrom = cpuMs();
    },
  });
  let longestGap = 0;
  let longestGapCpu = 0;
  let last = performance.now();
  let lastCpu = cpuMs();
  const timer = setInterval(() => {
    const now = performance.now();
    const nowCpu = cpuMs();
    longestGap = Math.max(longestGap, now - last);
    longestGapCpu = Math.max(longestGapCpu, nowCpu - lastCpu);
    last = now;
    lastCpu = nowCpu;
  }, 1);
  const cpuBefore = cpuMs();
  const usageBefore = process.cpuUsage();
  const started = performance.now();
  let handled = 0;
  for (;;) {
    stretchFrom = cpuMs();
    const n = await scheduler.runOnce();
    stretches.push(cpuMs() - stretchFrom);
    if (n === 0) break;
    handled += n;
  }
  const cpu = cpuMs() - cpuBefore;
  const usage = process.cpuUsage(usageBefore);
  const wall = performance.now() - started;
  clearInterval(timer);
  await database.close();
  const f = (n: number) => n.toFixed(1);
  console.log(
    `${database.dialect}: ${handled} of ${due} clocks, wall ${f(wall)} ms, CPU ${f(cpu)} ms = ${(cpu / Math.max(1, handled)).toFixed(3)} ms per clock (user ${f(usage.user / 1000)}, system ${f(usage.system / 1000)} ms)`,
  );
  if (process.argv.includes('--each')) console.log(stretches.map((ms) => ms.toFixed(0)).join(' '));
  console.log(
    `chunks ${stretches.length}: CPU per synchronous stretch p50 ${f(percentile(stretches, 50))}, p95 ${f(percentile(stretches, 95))}, max ${f(Math.max(...stretches))} ms; longest 1 ms timer gap ${f(longestGap)} ms wall, ${f(longestGapCpu)} ms CPU`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
