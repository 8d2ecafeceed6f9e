/**
 * bench/results.json: every row with its ratio, the machine it ran on, the store engine and the run's settings,
 * so a figure can always be read next to the conditions that produced it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import type { BenchOptions } from '../options';
import { meetsTarget, type Row, ratio } from './rows';

export interface Machine {
  cpus: number;
  model: string;
  memoryGb: number;
  node: string;
  os: string;
  date: string;
  /** 1-minute load average when the run started: other work on the machine skews every figure. */
  loadAverageAtStart: number;
}

export function machineInfo(): Machine {
  const list = cpus();
  return {
    cpus: list.length,
    model: list[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((totalmem() / 1_073_741_824) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()} ${arch()}`,
    date: new Date().toISOString(),
    loadAverageAtStart: Math.round(loadavg()[0]! * 100) / 100,
  };
}

export interface Results {
  machine: Machine;
  store: string;
  cpuPinning: string;
  options: Pick<BenchOptions, 'quick' | 'sizes' | 'latencyMs' | 'loadSeconds' | 'warmupSeconds' | 'escalations' | 'webhooks'>;
  durationSeconds: number;
  /** Requests the fake Intercom found off-spec (each also got a 400/404); should be 0. */
  fakeSpecViolations: number;
  rows: Row[];
}

export function writeResults(path: string, results: Results): void {
  const rows = results.rows.map((r) => ({ ...r, ratio: ratio(r), meetsTarget: meetsTarget(r) }));
  writeFileSync(path, `${JSON.stringify({ ...results, rows }, null, 2)}\n`);
}

/** Where rows merged from a scenario run alone were measured; the file's own header describes its full run. */
export interface MergedRun {
  machine: Machine;
  store: string;
  quick: boolean;
  latencyMs: number;
}

/**
 * Adds a scenario's rows to an existing results file (`bench/alone.ts`): a row of the same id is replaced, the rest
 * of the file is kept as it was, and each new row carries the conditions of its own run in `data.measured`.
 */
export function mergeRows(path: string, rows: readonly Row[], run: MergedRun): void {
  const existing = JSON.parse(readFileSync(path, 'utf8')) as Results;
  const ids = new Set(rows.map((r) => r.id));
  const merged = rows.map((r) => ({ ...r, data: { ...r.data, measured: run } }));
  writeResults(path, { ...existing, rows: [...existing.rows.filter((r) => !ids.has(r.id)), ...merged] });
}
