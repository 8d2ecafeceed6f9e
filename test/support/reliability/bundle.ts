/**
 * Builds a child-process entry point (and the app code it imports) into one CommonJS file with esbuild, once per
 * test process, so each child starts in a few hundred milliseconds instead of compiling TypeScript on every
 * start. Packages stay external and resolve through NODE_PATH to the project's node_modules. Only for entries
 * whose code does not read files beside itself (the app does not; the sandbox's simulator does, lazily).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildSync } from 'esbuild';

export const PROJECT_ROOT = join(__dirname, '..', '..', '..');
const OUT_DIR = join(tmpdir(), `handoff-reliability-${process.pid}`);
const built = new Map<string, string>();

/** Deletes this process's bundles; call from `afterAll` (jest may end its workers without an 'exit' event). */
export function removeBundles(): void {
  built.clear();
  rmSync(OUT_DIR, { recursive: true, force: true });
}
process.once('exit', removeBundles);

/** The bundle's path; built on first use. */
export function bundled(entry: string): string {
  const cached = built.get(entry);
  if (cached) return cached;
  mkdirSync(OUT_DIR, { recursive: true });
  const outfile = join(OUT_DIR, `${basename(entry, '.ts')}.cjs`);
  buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  built.set(entry, outfile);
  return outfile;
}

/** The environment a bundled child needs to find the project's packages. */
export function bundleEnv(): Record<string, string> {
  return { NODE_PATH: join(PROJECT_ROOT, 'node_modules') };
}
