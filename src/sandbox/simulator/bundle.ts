/**
 * Bundles the simulator's browser code (plain TypeScript, no framework) and its stylesheet with esbuild when the
 * sandbox starts, into memory. The sandbox runs from the source tree, so building here means the page can never
 * be older than the code beside it; it takes well under a second.
 */
import path from 'node:path';
import { build } from 'esbuild';
import type { SimulatorAssets } from './routes';

const CLIENT_DIR = path.join(__dirname, 'client');

export async function bundleSimulator(): Promise<SimulatorAssets> {
  const result = await build({
    entryPoints: [path.join(CLIENT_DIR, 'main.ts'), path.join(CLIENT_DIR, 'simulator.css')],
    bundle: true,
    write: false,
    outdir: 'out',
    format: 'iife',
    target: ['es2020'],
    platform: 'browser',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const pick = (extension: string) => {
    const file = result.outputFiles.find((output) => output.path.endsWith(extension));
    if (!file) throw new Error(`the simulator bundle has no ${extension} output`);
    return file.text;
  };
  return { script: pick('.js'), style: pick('.css') };
}
