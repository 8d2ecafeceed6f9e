/**
 * The parent's side of the crash tests: start child-app.ts as a real process, wait for `READY <port>`, talk to
 * it over loopback, and end it with SIGKILL (no chance to clean up) or SIGTERM (the drain). Only processes
 * started here are ever signalled, by their own pid.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { HANG_GUARD_MS } from '../eventually';
import { bundled, bundleEnv, PROJECT_ROOT } from './bundle';
import { connect, type Wire } from './wire';

const SCRIPT = join(__dirname, 'child-app.ts');

/** Children still running, so a parent that dies or forgets cannot leave an app behind. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export interface ChildEnv {
  REL_FAKE_URL: string;
  REL_TOKEN: string;
  REL_INSTANCE_ID: string;
  REL_CLOCK_OFFSET_MS: string;
  REL_SQLITE_PATH?: string;
  REL_DATABASE_URL?: string;
  REL_PG_SCHEMA?: string;
  REL_TIMEOUT_MS?: string;
}

export interface ChildApp {
  readonly pid: number;
  readonly wire: Wire;
  /** Resolves when the process is gone: its exit code, or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it printed (stdout and stderr). */
  output(): string;
  /** Sets the child's clock offset (the parent's fake must move with it). */
  setClockOffset(offsetMs: number): Promise<void>;
  kill(signal: 'SIGKILL' | 'SIGTERM'): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Kills (SIGKILL) every child this process started that is still running; for `afterEach`. */
export async function killAllChildren(): Promise<void> {
  const exits = [...live].map((child) => new Promise((resolve) => child.once('exit', resolve)));
  for (const child of live) child.kill('SIGKILL');
  await Promise.all(exits);
}

export async function startChild(env: ChildEnv, startTimeoutMs = HANG_GUARD_MS): Promise<ChildApp> {
  // Node itself on a prebuilt bundle: no compile per start, and one process (a launcher such as the tsx CLI
  // runs the app in a grandchild, which a SIGKILL of the launcher would orphan instead of killing).
  const child: ChildProcess = spawn(process.execPath, [bundled(SCRIPT)], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...bundleEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    }),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child did not start in ${startTimeoutMs} ms:\n${output}`));
    }, startTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const ready = /READY (\d+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve(Number(ready[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`child exited before it was ready (${code ?? signal}):\n${output}`));
    });
  });
  const wire = connect(port, 64);
  return {
    pid: child.pid!,
    wire,
    exited,
    output: () => output,
    async setClockOffset(offsetMs) {
      const response = await wire.post('/__reliability/clock', JSON.stringify({ offsetMs }));
      if (response.status !== 200) throw new Error(`could not set the child's clock: HTTP ${response.status}`);
    },
    async kill(signal) {
      child.kill(signal);
      const result = await exited;
      await wire.close();
      return result;
    },
  };
}
