// StrykerJS for `npm run mutate` (scripts/mutate/run.sh), one pure domain module per run: its source files are
// mutated and only its own tests judge them (test/domain/<module>). Those are the tests that claim to pin the
// module's rules down, and the rest of the suite (HTTP, stores, browser) would make each mutant cost seconds.
const module = process.env.HANDOFF_MUTATE_MODULE ?? 'sla';
if (!/^[a-z]+(-[a-z]+)*$/.test(module)) throw new Error(`HANDOFF_MUTATE_MODULE must be a folder name under src/domain, not ${module}`);

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
  mutate: [`src/domain/${module}/**/*.ts`, `!src/domain/${module}/index.ts`],
  ignorePatterns: ['.tools', 'bench', 'eval', 'docs', 'test/browser', 'test/reliability', 'reports'],
  tempDirName: '.stryker-tmp',
  concurrency: 2,
  // A mutant that turns a calendar walk into an endless loop is "timed out" (counted as detected); a short grace
  // keeps each of those from costing the full default.
  timeoutMS: 3000,
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: `reports/mutation/${module}.json` },
  thresholds: { high: 90, low: 80, break: null },
  cleanTempDir: 'always',
};
