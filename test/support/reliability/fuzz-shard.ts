/**
 * A fuzz shard in its own process (run with `node --import tsx`): `fuzz-shard.ts <endpoint> <runs> <seed>`.
 * Prints one line, `SHARD {ok, error?, figures}`, for the parent test to merge, and exits 1 on failure.
 */
import { type Endpoint, runEndpointFuzz } from './fuzz-endpoints';
import { FigureSheet } from './figures';

async function main(): Promise<void> {
  const [endpoint, runs, seed] = process.argv.slice(2);
  const figures = new FigureSheet(`shard ${endpoint}`);
  try {
    await runEndpointFuzz(endpoint as Endpoint, figures, { runs: Number(runs), seed: Number(seed) });
    process.stdout.write(`SHARD ${JSON.stringify({ ok: true, figures: figures.snapshot() })}\n`);
  } catch (error) {
    // fast-check puts the failing check's own error in `cause`; without it the report would not say what broke.
    const cause = (error as { cause?: unknown }).cause;
    const message = `${error instanceof Error ? error.message : String(error)}${cause instanceof Error ? `\nCause: ${cause.message}` : ''}`;
    process.stdout.write(`SHARD ${JSON.stringify({ ok: false, error: message, figures: figures.snapshot() })}\n`);
    process.exitCode = 1;
  }
}

void main();
