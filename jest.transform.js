/**
 * Jest's transformer: TypeScript (and jose's ES modules) to CommonJS with esbuild, already a dependency of the app.
 *
 * Why not ts-jest: types are checked once by `npm run typecheck`, so jest only needs each file stripped of its types.
 * ts-jest does that with TypeScript's own transpiler, ~15× the CPU of esbuild per file; and for jose's plain
 * JavaScript (an inline tsconfig without `isolatedModules`) it built a whole language service in every test process.
 * CI runs on a clean clone, so every file is transformed at least once per run and per Node version.
 *
 * `tsconfig.json` sets `isolatedModules`, which is the promise that each file can be compiled on its own; nothing
 * here needs jest.mock hoisting (the suite patches no modules).
 */
const { createHash } = require('node:crypto');
const { transformSync, version } = require('esbuild');

/** What tsconfig.json asks of the emitted code, for the options esbuild reads from a tsconfig. */
const TSCONFIG = { compilerOptions: { target: 'ES2022', useDefineForClassFields: true, esModuleInterop: true } };

function options(path) {
  return {
    loader: path.endsWith('.ts') ? 'ts' : 'js',
    format: 'cjs',
    target: 'es2022',
    platform: 'node',
    sourcemap: 'external',
    sourcefile: path,
    sourcesContent: false,
    tsconfigRaw: TSCONFIG,
    // `await import()` (src/server.ts, src/http/embed-bundle.ts, some tests) becomes a require, as in tsc's CommonJS
    // output: jest's module system runs CommonJS, and a native import() in its sandbox fails.
    supported: { 'dynamic-import': false },
  };
}

module.exports = {
  process(source, path) {
    const { code, map } = transformSync(source, options(path));
    return { code, map };
  },
  getCacheKey(source, path) {
    return createHash('sha256')
      .update(`esbuild ${version}\0${JSON.stringify(options(path))}\0`)
      .update(source)
      .digest('hex');
  },
};
