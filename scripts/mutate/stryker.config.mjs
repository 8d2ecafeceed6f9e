// StrykerJS for `npm run mutate` (scripts/mutate/run.sh). Only the pure domain modules are mutated, and only the
// domain tests judge them: they are the tests that claim to pin these rules down, and the rest of the suite (HTTP,
// stores, browser) would make each mutant cost seconds instead of milliseconds.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  coverageAnalysis: 'perTest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    config: { roots: ['<rootDir>/test/domain'] },
    enableFindRelatedTests: false,
  },
  mutate: ['src/domain/sla/**/*.ts', 'src/domain/text/**/*.ts', 'src/domain/summary/**/*.ts', '!src/domain/**/index.ts'],
  ignorePatterns: ['.tools', 'bench', 'eval', 'docs', 'test/browser', 'test/reliability', 'reports'],
  tempDirName: '.stryker-tmp',
  concurrency: 2,
  timeoutMS: 10000,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 90, low: 80, break: null },
  cleanTempDir: 'always',
};
