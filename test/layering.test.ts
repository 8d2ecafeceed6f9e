/**
 * Tripwire for the layering in docs/ARCHITECTURE.md: http → flows → services → domain / store / intercom, with
 * jobs → services, and `util` and `config` below everything. Every relative import in src/ and canvases/ is read
 * with the TypeScript compiler's own pre-parser (static imports, `export … from`, dynamic `import()`), so none
 * is missed by a hand-written pattern. An import that runs upward, or that reaches into another layer's
 * internals instead of its public index, fails here with the file that made it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..');

/** Each layer and the layers it may import (besides itself, `util` and `config`, which every layer may import). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  // The composition root (src/wiring/ and the root files such as src/server.ts) and the sandbox (a development
  // harness built on the whole app) may import anything.
  root: ['*'],
  wiring: ['*'],
  sandbox: ['*'],
  // The edge hands a Canvas Kit request to a flow and a webhook delivery to the jobs' intake.
  http: ['flows', 'jobs', 'services', 'domain', 'store', 'security', 'canvases'],
  flows: ['services', 'domain', 'store', 'canvases'],
  jobs: ['services', 'domain', 'store'],
  services: ['domain', 'store', 'intercom', 'security'],
  canvases: ['domain'],
  domain: [],
  store: ['domain'],
  intercom: [],
  security: [],
  util: [],
  config: [],
};

/** Layers whose insides are private: other layers import only their `index.ts`. */
const PUBLIC_INDEX_ONLY = new Set(['store', 'intercom']);

interface ModuleRef {
  layer: string;
  /** Path inside the layer's folder, without extension ('' for a root file such as src/server.ts). */
  inner: string;
}

function locate(fileWithoutExt: string): ModuleRef {
  const rel = relative(ROOT, fileWithoutExt).split('\\').join('/');
  if (rel.startsWith('canvases/')) return { layer: 'canvases', inner: rel.slice('canvases/'.length) };
  const parts = rel.split('/');
  if (parts[0] !== 'src') return { layer: 'outside', inner: rel };
  const top = parts[1] ?? '';
  // `src/server` is a root file; `src/store` is the store's folder, imported through its index.
  if (parts.length === 2 && existsSync(`${fileWithoutExt}.ts`))
    return top === 'config' ? { layer: 'config', inner: '' } : { layer: 'root', inner: top };
  return { layer: top, inner: parts.slice(2).join('/') };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The imports of one file (its source text, as if it sat at `path`) that break the layering. */
function violationsOf(path: string, text: string): string[] {
  const from = locate(path.replace(/\.ts$/, ''));
  const allowed = MAY_IMPORT[from.layer];
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.filter((ref) => ref.fileName.startsWith('.'))
    .flatMap(({ fileName }) => {
      const to = locate(resolve(dirname(path), fileName));
      const where = `${relative(ROOT, path)} imports ${fileName}`;
      if (to.layer === from.layer || to.layer === 'util' || to.layer === 'config') return [];
      if (allowed === undefined) return [`${where}: ${from.layer} is not a known layer (add it to MAY_IMPORT)`];
      if (allowed.includes('*')) return [];
      if (!allowed.includes(to.layer)) return [`${where}: ${from.layer} may not import ${to.layer}`];
      if (PUBLIC_INDEX_ONLY.has(to.layer) && to.inner !== '' && to.inner !== 'index')
        return [`${where}: import ${to.layer} through its index, not its internals`];
      return [];
    });
}

it('every import in src/ and canvases/ follows the layering', () => {
  const files = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'canvases'))];
  expect(files.length).toBeGreaterThan(100);
  const violations = files.flatMap((file) => violationsOf(file, readFileSync(file, 'utf8')));
  expect(violations).toEqual([]);
});

it('names an upward import, a dynamic one, an unknown layer and a reach into store internals', () => {
  const at = (path: string, text: string) => violationsOf(join(ROOT, path), text);
  expect(at('src/domain/sample.ts', "import { AppError } from '../http/errors';")).toEqual([
    'src/domain/sample.ts imports ../http/errors: domain may not import http',
  ]);
  expect(at('src/services/sample.ts', "export type { FlowDeps } from '../flows/deps';")).toEqual([
    'src/services/sample.ts imports ../flows/deps: services may not import flows',
  ]);
  expect(at('src/jobs/sample.ts', "const m = await import('../intercom/client');")).toEqual([
    'src/jobs/sample.ts imports ../intercom/client: jobs may not import intercom',
  ]);
  expect(at('src/jobs/sample.ts', "import type { Lease } from '../store/repos/outbox';")).toEqual([
    'src/jobs/sample.ts imports ../store/repos/outbox: import store through its index, not its internals',
  ]);
  expect(at('src/reports/sample.ts', "import { x } from '../domain/model';")).toEqual([
    'src/reports/sample.ts imports ../domain/model: reports is not a known layer (add it to MAY_IMPORT)',
  ]);
  expect(at('src/flows/sample.ts', "import { x } from '../services/sla/sla-service';\nimport { y } from '../util/clock';")).toEqual([]);
});
