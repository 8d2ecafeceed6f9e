/**
 * Servers under load run in their own process, so the load generator (this process) and the server do not
 * share one event loop; on Linux with two or more cores each is pinned (`taskset`) to its own core, so neither
 * steals the other's CPU. Parent and child talk over Node's IPC channel with numbered requests (see rpc.ts);
 * settings travel that way too, never on the command line, where a database password would show in `ps`.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { RpcReply, RpcRequest } from './rpc';

export interface ChildHandle {
  readonly pid: number;
  call<T>(command: string, args?: unknown): Promise<T>;
  /** Asks the child to exit, and kills it if it has not after a few seconds. */
  stop(): Promise<void>;
}

export interface CpuPlan {
  /** Cores for the server child (`taskset -c` list), or null when not pinning. */
  server: string | null;
  /** Core the load generator (this process) keeps. */
  loadGenerator: string | null;
  note: string;
}

/** Decides pinning once per run: on Linux with ≥ 2 cores and `taskset`, core 0 generates load, the rest serve. */
export function planCpus(pin: boolean): CpuPlan {
  const cores = availableParallelism();
  const hasTaskset = process.platform === 'linux' && spawnSync('taskset', ['-V']).status === 0;
  if (!pin || cores < 2 || !hasTaskset) {
    return {
      server: null,
      loadGenerator: null,
      note: pin ? `not pinned (${cores} core(s), taskset ${hasTaskset ? 'found' : 'missing'})` : 'not pinned (--no-pin)',
    };
  }
  const server = cores === 2 ? '1' : `1-${cores - 1}`;
  // Pin this process (load generator, fake Intercom) now; children spawned later inherit nothing from it.
  spawnSync('taskset', ['-a', '-p', '-c', '0', String(process.pid)]);
  return { server, loadGenerator: '0', note: `server child on core(s) ${server}, load generator on core 0 (taskset)` };
}

/**
 * The V8 flags `npm start` gives the app (package.json): a young generation large enough that the short-lived
 * objects of a webhook burst (parsed payloads, snapshots) die before a scavenge has to copy them. Every server
 * child runs with them, the baselines too, so the app is measured as it runs and the comparison stays like for like.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=128'] as const;

/**
 * `BENCH_CPU_PROF=<dir>` (opt-in, for finding where a server's time goes): every server child writes a V8 CPU
 * profile of its whole life into that directory when it exits (open it in Chrome DevTools or speedscope).
 */
function profileFlags(): string[] {
  const dir = process.env['BENCH_CPU_PROF'];
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

export function spawnChild(entry: string, cpus: string | null): Promise<ChildHandle> {
  const script = join(__dirname, entry);
  const node = [process.execPath, ...SERVER_NODE_FLAGS, ...profileFlags(), '--import', 'tsx', script];
  const child: ChildProcess =
    cpus === null
      ? spawn(node[0]!, node.slice(1), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
      : spawn('taskset', ['-c', cpus, ...node], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let exited = false;
  child.on('message', (message: RpcReply) => {
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.ok) waiter.resolve(message.result);
    else waiter.reject(new Error(`${entry}: ${message.error}`));
  });
  child.on('exit', (code) => {
    exited = true;
    for (const waiter of pending.values()) waiter.reject(new Error(`${entry} exited (code ${code}) before answering`));
    pending.clear();
  });
  const handle: ChildHandle = {
    pid: child.pid ?? -1,
    call<T>(command: string, args?: unknown) {
      if (exited) return Promise.reject(new Error(`${entry} is not running`));
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ id, command, args } satisfies RpcRequest);
      });
    },
    async stop() {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await handle.call('exit').catch(() => undefined);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    },
  };
  // The first message from any child is a reply to this ping: it is up and listening for commands.
  return handle.call('ping').then(() => handle);
}
