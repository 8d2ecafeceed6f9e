/** Bundles the Messenger widget stand-in (client/widget-stand-in.ts) with esbuild, in memory, once, when first asked. */
import path from 'node:path';
import { build } from 'esbuild';

export function widgetStandIn(): () => Promise<string> {
  let built: Promise<string> | null = null;
  return () => {
    built ??= build({
      entryPoints: [path.join(__dirname, 'client', 'widget-stand-in.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      target: ['es2020'],
      platform: 'browser',
      legalComments: 'none',
      logLevel: 'silent',
    }).then((result) => {
      const file = result.outputFiles[0];
      if (!file) throw new Error('the widget stand-in bundle has no output');
      return file.text;
    });
    return built;
  };
}
