/**
 * Bundles the embed's browser module (src/embed/client, with @intercom/messenger-js-sdk) with esbuild, in memory,
 * once per process and on first request: the module is built from the source beside it, never downloaded, and a
 * process that never serves it never pays for the build.
 */
import path from 'node:path';

const ENTRY = path.join(__dirname, '..', 'embed', 'client', 'handoff-embed.ts');

export function embedScript(): () => Promise<string> {
  let built: Promise<string> | null = null;
  return () => {
    built ??= (async () => {
      const { build } = await import('esbuild');
      const result = await build({
        entryPoints: [ENTRY],
        bundle: true,
        write: false,
        format: 'iife',
        target: ['es2020'],
        platform: 'browser',
        minify: true,
        legalComments: 'none',
        logLevel: 'silent',
      });
      const file = result.outputFiles[0];
      if (!file) throw new Error('the embed bundle has no output');
      return file.text;
    })().catch((error: unknown) => {
      built = null;
      throw error;
    });
    return built;
  };
}
