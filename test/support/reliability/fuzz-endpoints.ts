/**
 * One fuzz run of one endpoint on its own app, start to finish, throwing a plain Error on any failure (no jest
 * globals: a shard in a child process runs this too). `sharded` splits an endpoint's cases between this
 * process and a child process with the next seed, so the fuzzers use both cores of a 2-core CI machine, where
 * jest runs test files one at a time.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from './bundle';
import { BUDGET, FUZZ_SEED } from './budget';
import { fuzzCanvasEndpoint } from './canvas-fuzz';
import type { Figures, FigureSheet } from './figures';
import { linkedTicket } from './scenes';
import { fuzzWebhooks, webhookBases } from './webhook-fuzz';
import { initializeBases, startWiredApp, submitBases } from './wired-app';

export type Endpoint = 'initialize' | 'submit' | 'webhooks';

export async function runEndpointFuzz(endpoint: Endpoint, figures: FigureSheet, run: { runs: number; seed: number }): Promise<void> {
  const app = await startWiredApp();
  try {
    const { harness, database, wire } = app;
    if (endpoint === 'initialize') {
      const bases = initializeBases(harness);
      await fuzzCanvasEndpoint({
        harness,
        database,
        wire,
        path: '/intercom/initialize',
        kind: 'initialize',
        bases,
        readOnly: true,
        figures,
        ...run,
      });
    } else if (endpoint === 'submit') {
      const bases = await submitBases(app, await linkedTicket(app, 'P3'));
      await fuzzCanvasEndpoint({
        harness,
        database,
        wire,
        path: '/intercom/submit',
        kind: 'submit',
        bases,
        readOnly: false,
        figures,
        ...run,
      });
    } else {
      await fuzzWebhooks(app, await webhookBases(app, await linkedTicket(app, 'P3')), figures, run);
    }
    if (app.crashes.length > 0) throw new Error(`unhandled errors while fuzzing: ${app.crashes.slice(0, 3).join('; ')}`);
    if ((await wire.get('/healthz')).status !== 200) throw new Error('the app is not healthy after fuzzing');
    harness.fake.assertNoViolations();
  } finally {
    await app.close();
  }
}

interface ShardReport {
  ok: boolean;
  error?: string;
  figures: Figures;
}

function runChildShard(endpoint: Endpoint, runs: number, seed: number): Promise<ShardReport> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fuzz-shard.ts'), endpoint, String(runs), String(seed)], {
    cwd: PROJECT_ROOT,
    env: { ...process.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      const line = output.split('\n').find((candidate) => candidate.startsWith('SHARD '));
      if (line) resolve(JSON.parse(line.slice('SHARD '.length)) as ShardReport);
      else resolve({ ok: false, error: `fuzz shard exited (${code}) without a report:\n${output.slice(-2000)}`, figures: {} as Figures });
    });
  });
}

/** Runs BUDGET.fuzzCasesPerEndpoint cases: half here (FUZZ_SEED), half in a child process (FUZZ_SEED + 1). */
export async function sharded(endpoint: Endpoint, figures: FigureSheet): Promise<void> {
  const here = Math.ceil(BUDGET.fuzzCasesPerEndpoint / 2);
  const there = BUDGET.fuzzCasesPerEndpoint - here;
  const child = runChildShard(endpoint, there, FUZZ_SEED + 1);
  const local = runEndpointFuzz(endpoint, figures, { runs: here, seed: FUZZ_SEED }).then(
    () => null,
    (error: Error) => error,
  );
  const [report, localError] = await Promise.all([child, local]);
  figures.merge(report.figures);
  figures.set('seeds', `${FUZZ_SEED} (${here} cases), ${FUZZ_SEED + 1} (${there} cases, child process)`);
  if (localError) throw localError;
  if (!report.ok) throw new Error(`the child shard (seed ${FUZZ_SEED + 1}) failed: ${report.error}`);
}
