/** Type errors are caught by `npm run typecheck`; jest only strips the types (esbuild: jest.transform.js), which keeps the suite fast. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': '<rootDir>/jest.transform.js',
    // jose ships only ES modules; jest's module system runs CommonJS, so its files are transformed like ours.
    '^.+/node_modules/jose/.+\\.js$': '<rootDir>/jest.transform.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  // A guard against a hang, not a measure. CI runs two suites side by side on 2 cores (.ci/run), and other work may
  // share the machine: a test that takes 3 s alone has taken 30 s there. What a test bounds in time it asserts
  // itself; polling waits give up sooner (test/support/eventually.ts), so they name what they waited for.
  testTimeout: 120_000,
  // One worker per suite on CI's 2 cores (the other core runs the Node 24 suite beside it, and the fuzzers' child
  // shards); half the cores on a larger machine. `-w` overrides it.
  maxWorkers: '50%',
  // test/browser runs too: in Chromium when it is installed, skipped loudly when not (REQUIRE_BROWSER=1 makes that a failure).
  testPathIgnorePatterns: ['/node_modules/'],
};
