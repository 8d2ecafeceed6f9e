// StrykerJS for `npm run mutate` (scripts/mutate/run.sh), one pure domain module per run: its source files are
// mutated and only its own tests judge them (test/domain/<module>). Those are the tests that claim to pin the
// module's rules down, and the rest of the suite (HTTP, stores, browser) would make each mutant cost seconds.
// `text/mask` mutates one file of the module (still judged by all of the module's tests): a large module then reports
// file by file instead of only at the very end.
const target = process.env.HANDOFF_MUTATE_MODULE ?? 'sla';
const parsed = /^([a-z]+(?:-[a-z]+)*)(?:\/([a-z]+(?:-[a-z]+)*))?$/.exec(target);
if (!parsed) throw new Error(`HANDOFF_MUTATE_MODULE must be a folder under src/domain (or folder/file), not ${target}`);
const [, module, file] = parsed;
const mutate = file ? [`src/domain/${module}/${file}.ts`] : [`src/domain/${module}/**/*.ts`, `!src/domain/${module}/index.ts`];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  coverageAnalysis: 'perTest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    // Tests that measure time (`*-linear-time.test.ts`) are left out: instrumented code is many times slower, so they
    // fail on unmutated code, and a mutant that is only slower is no bug they should be credited with catching.
    config: { roots: [`<rootDir>/test/domain/${module}`], testPathIgnorePatterns: ['/node_modules/', '-linear-time\\.test\\.ts$'] },
    enableFindRelatedTests: false,
  },
  // index.ts files only re-export.
  mutate,
  ignorePatterns: ['.tools', 'bench', 'eval', 'docs', 'test/browser', 'test/reliability', 'reports'],
  tempDirName: '.stryker-tmp',
  concurrency: 2,
  // A mutant that turns a calendar walk into an endless loop is "timed out" (counted as detected); a short grace
  // keeps each of those from costing the full default.
  timeoutMS: 3000,
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: `reports/mutation/${target}.json` },
  thresholds: { high: 90, low: 80, break: null },
  cleanTempDir: 'always',
};
