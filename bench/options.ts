/**
 * What one benchmark run does: the population it seeds, how long each load lasts, and where the store lives.
 * The full run is the realistic scale (1,000 workspaces, 1,000,000 tickets, 100,000 running SLA clocks)
 * and fits ten minutes on two cores; `--quick` keeps every scenario but a tenth of the data and shorter loads.
 */
import { envSchema } from '../src/config';
import type { SeedSizes } from './seed/rows';

export interface BenchOptions {
  quick: boolean;
  sizes: SeedSizes;
  /** Delay the fake Intercom adds to every API call. */
  latencyMs: number;
  /** Seconds of each measured autocannon run, and of the unmeasured warm-up before it. */
  loadSeconds: number;
  warmupSeconds: number;
  escalations: number;
  /** The budgets bound a slow run: no new notification after `sendBudgetSeconds`, no waiting for the processor
   * longer than `applyBudgetSeconds` after the last answer. */
  webhooks: {
    notifications: number;
    tickets: number;
    duplicateShare: number;
    connections: number;
    sendBudgetSeconds: number;
    applyBudgetSeconds: number;
  };
  summaryIterations: number;
  /** Pin the server under load to one core and the load generator to another (Linux `taskset`). */
  pin: boolean;
  /** PostgreSQL when set (from DATABASE_URL), else SQLite in a temporary file. */
  databaseUrl: string | undefined;
  resultsPath: string;
}

const FULL: Omit<BenchOptions, 'latencyMs' | 'pin' | 'databaseUrl' | 'resultsPath'> = {
  quick: false,
  sizes: { workspaces: 1_000, tickets: 1_000_000, clocks: 100_000 },
  loadSeconds: 10,
  warmupSeconds: 3,
  escalations: 40,
  webhooks: { notifications: 20_000, tickets: 1_000, duplicateShare: 0.2, connections: 32, sendBudgetSeconds: 120, applyBudgetSeconds: 60 },
  summaryIterations: 2_000,
};

const QUICK: typeof FULL = {
  quick: true,
  sizes: { workspaces: 100, tickets: 100_000, clocks: 10_000 },
  loadSeconds: 3,
  warmupSeconds: 1,
  escalations: 10,
  webhooks: { notifications: 2_000, tickets: 150, duplicateShare: 0.2, connections: 32, sendBudgetSeconds: 20, applyBudgetSeconds: 15 },
  summaryIterations: 300,
};

export class UsageError extends Error {}

/** `env` is the harness's own environment: only DATABASE_URL is read, with the app's own validation. */
export function parseOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): BenchOptions {
  let quick = false;
  let latencyMs = 50;
  let pin = true;
  let resultsPath: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--quick') quick = true;
    else if (flag === '--no-pin') pin = false;
    else if (flag === '--latency') latencyMs = nonNegative(value(), '--latency');
    else if (flag === '--out') resultsPath = value();
    else throw new UsageError(`Unknown option ${flag}. Usage: npm run bench [-- --quick] [--latency <ms>] [--no-pin] [--out <file>]`);
  }
  const url = envSchema.shape.DATABASE_URL.safeParse(env['DATABASE_URL']);
  if (!url.success) throw new UsageError('DATABASE_URL must be a postgres:// URL (leave it unset for SQLite)');
  // One file per store, so the committed figures of both stores stand side by side.
  resultsPath ??= url.data ? 'bench/results.postgres.json' : 'bench/results.json';
  return { ...(quick ? QUICK : FULL), latencyMs, pin, databaseUrl: url.data, resultsPath };
}

function nonNegative(raw: string, name: string): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`${name} needs a number of milliseconds ≥ 0`);
  return n;
}
