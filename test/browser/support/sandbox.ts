/**
 * The sandbox exactly as `npm start` runs it, in-process on a free port, on a temporary SQLite file, with time
 * frozen at a known instant (an OffsetClock over a ManualClock): it moves only when a test uses the clock control.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config';
import { type SandboxHandle, startSandbox } from '../../../src/sandbox/boot';
import { ManualClock, OffsetClock } from '../../../src/util/clock';
import { silentLogger } from '../../../src/util/logger';

/** Wednesday 18 Nov 2026, 10:00 UTC. */
export const SANDBOX_TEST_START = Date.UTC(2026, 10, 18, 10, 0, 0);

export interface TestSandbox extends SandboxHandle {
  dir: string;
}

export async function startTestSandbox(options: { startJobs?: boolean } = {}): Promise<TestSandbox> {
  const dir = mkdtempSync(path.join(tmpdir(), 'handoff-sandbox-'));
  const config = loadConfig({ LOG_LEVEL: 'silent', PORT: '0', SQLITE_PATH: path.join(dir, 'handoff.sqlite') });
  const sandbox = await startSandbox({
    config,
    logger: silentLogger,
    clock: new OffsetClock(new ManualClock(SANDBOX_TEST_START)),
    port: 0,
    host: '127.0.0.1',
    startJobs: options.startJobs ?? true,
  });
  return {
    ...sandbox,
    dir,
    async close() {
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
