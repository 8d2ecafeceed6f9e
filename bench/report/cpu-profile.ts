/**
 * Shared by the `bench/profile-*.ts` scripts: which part of the code a V8 CPU profile's frame belongs to, so each
 * script can print self time by part. Each script passes its own table of parts (path fragment → label); the
 * first fragment the frame's script path contains wins.
 */
export interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
}

export type ProfileParts = readonly (readonly [string, string])[];

export function partOf(node: ProfileNode, parts: ProfileParts): string {
  const { url, functionName } = node.callFrame;
  if (url === '') {
    if (functionName === '(garbage collector)') return 'garbage collection';
    // better-sqlite3 runs the statement inside its native Statement.all/get/run (Promise.all shares the name).
    if (['all', 'get', 'run'].includes(functionName)) return `native ${functionName}: mostly SQLite executing statements`;
    return `V8/native: ${functionName || '(anonymous)'}`;
  }
  return (
    parts.find(([path]) => url.includes(path))?.[1] ??
    (url.includes('node_modules') ? 'other libraries' : url.startsWith('node:') ? 'Node internals' : 'other')
  );
}

/** Samples by part and by function (idle left out), each sorted largest first, and how many samples were busy. */
export interface ProfileSummary {
  total: number;
  busy: number;
  byPart: [string, number][];
  byFunction: [string, number][];
}

export function summarise(nodes: readonly ProfileNode[], samples: readonly number[], parts: ProfileParts): ProfileSummary {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const byPart = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let idle = 0;
  for (const id of samples) {
    const node = byId.get(id)!;
    const part = partOf(node, parts);
    if (part === 'V8/native: (idle)') {
      idle += 1;
      continue;
    }
    byPart.set(part, (byPart.get(part) ?? 0) + 1);
    const { url, functionName } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|src|canvases)\//, '$1/')}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + 1);
  }
  const sorted = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1]);
  return { total: samples.length, busy: samples.length - idle, byPart: sorted(byPart), byFunction: sorted(byFunction) };
}

/** Prints the first `limit` rows as shares of the busy samples. */
export function printShares(rows: readonly [string, number][], busy: number, limit: number): void {
  for (const [name, count] of rows.slice(0, limit)) console.log(`  ${((100 * count) / busy).toFixed(1).padStart(5)} %  ${name}`);
}
