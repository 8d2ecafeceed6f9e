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
