/**
 * `npx tsx bench/report/summarise-profile.ts <file.cpuprofile> [--skip-seconds s] [--inclusive f,g]`: self time by part and by
 * function of a profile written by a server child under `BENCH_CPU_PROF` (bench/proc/child.ts), so the whole path of
 * a request (front door, signature, parsing, flow, canvas, answer) can be read the way `bench/profile-fresh.ts`
 * reads its in-process one. A child profiles its whole life: `--skip-seconds` leaves out its start (compiling,
 * migrating, warming up) so the figures are those of the load.
 */
import { readFileSync } from 'node:fs';
import { type ProfileNode, printShares, summarise } from './cpu-profile';

/** The first fragment a frame's script path contains names its part; the order matters (specific before general). */
const PARTS: readonly [string, string][] = [
  ['node_modules/kysely', 'kysely'],
  ['node_modules/better-sqlite3', 'better-sqlite3 (JS side)'],
  ['node_modules/pg', 'pg driver'],
  ['node_modules/zod', 'zod'],
  ['node_modules/pino', 'pino (logging)'],
  ['node_modules/prom-client', 'prom-client (metrics)'],
  ['node_modules/express', 'express'],
  ['node_modules/luxon', 'luxon'],
  ['/src/domain/sla', 'SLA maths'],
  ['/src/domain', 'other domain'],
  ['/canvases/', 'canvas building'],
  ['/src/store', 'store (our repositories)'],
  ['/src/services', 'services'],
  ['/src/flows', 'flows'],
  ['/src/http', 'http (front door, signature, parsing, metrics)'],
  ['/src/util', 'util'],
  ['node:_http', 'Node http'],
  ['node:net', 'Node net'],
  ['node:internal/streams', 'Node streams'],
];

interface Profile {
  nodes: (ProfileNode & { children?: number[] })[];
  samples: number[];
  timeDeltas: number[];
}

function main(args: readonly string[]): void {
  const file = args.find((arg) => !arg.startsWith('--'));
  if (!file) throw new Error('Usage: npx tsx bench/report/summarise-profile.ts <file.cpuprofile> [--skip-seconds s]');
  const skipAt = args.indexOf('--skip-seconds');
  const skipUs = skipAt >= 0 ? Number(args[skipAt + 1]) * 1e6 : 0;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  let elapsed = 0;
  const kept = profile.samples.filter((_, i) => {
    elapsed += profile.timeDeltas[i] ?? 0;
    return elapsed >= skipUs;
  });
  const { total, busy, byPart, byFunction } = summarise(profile.nodes, kept, PARTS);
  console.log(`${total} samples kept, ${busy} busy`);
  printShares(byPart, busy, 24);
  console.log('Top functions (self time):');
  printShares(byFunction, busy, 40);
  const inclusiveAt = args.indexOf('--inclusive');
  if (inclusiveAt >= 0) printInclusive(profile, kept, busy, (args[inclusiveAt + 1] ?? '').split(','));
}

/**
 * Busy samples with each named function anywhere on their stack (total, not self time): how much a whole step of
 * the request costs, whatever it calls. A recursive function is counted once per sample.
 */
function printInclusive(profile: Profile, samples: readonly number[], busy: number, names: readonly string[]): void {
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const counts = new Map(names.map((name) => [name, 0]));
  for (const id of samples) {
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) onStack.add(byId.get(at)!.callFrame.functionName);
    for (const name of names) if (onStack.has(name)) counts.set(name, counts.get(name)! + 1);
  }
  console.log('Inclusive (on the stack):');
  printShares([...counts], busy, names.length);
}

main(process.argv.slice(2));
