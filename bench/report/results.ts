/**
 * bench/results.json: every row with its ratio, the machine it ran on, the store engine and the run's settings,
 * so a figure can always be read next to the conditions that produced it.
 */
import { writeFileSync } from 'node:fs';
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
