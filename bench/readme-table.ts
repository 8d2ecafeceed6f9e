/**
 * Prints the README's Performance table from the committed results of both stores (bench/results.json and
 * bench/results.postgres.json), so the table is copied from the runs and never typed by hand:
 * `npx tsx bench/readme-table.ts`.
 */
import { readFileSync } from 'node:fs';
import type { Row } from './report/rows';
import { formatMarkdownByStore } from './report/table';

interface SavedRun {
  machine: { date: string; node: string; model: string; cpus: number; loadAverageAtStart: number };
  options: { quick: boolean };
  rows: Row[];
}

function load(path: string): SavedRun {
  return JSON.parse(readFileSync(path, 'utf8')) as SavedRun;
}

const sqlite = load('bench/results.json');
const postgres = load('bench/results.postgres.json');
for (const [store, run] of [['SQLite', sqlite] as const, ['PostgreSQL', postgres] as const]) {
  const m = run.machine;
  console.log(
    `${store}: ${run.options.quick ? 'quick' : 'full'} run of ${m.date}, ${m.cpus} × ${m.model}, Node ${m.node}, load ${m.loadAverageAtStart} at start`,
  );
}
console.log('');
console.log(formatMarkdownByStore(sqlite.rows, postgres.rows));
