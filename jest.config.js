/** Type errors are caught by `npm run typecheck`; jest only transpiles, which keeps the suite fast. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
    // jose ships only ES modules; jest's module system runs CommonJS, so its files are transpiled like ours.
    '^.+/node_modules/jose/.+\\.js$': ['ts-jest', { diagnostics: false, tsconfig: { allowJs: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  testTimeout: 20000,
  // test/browser runs too: in Chromium when it is installed, skipped loudly when not (REQUIRE_BROWSER=1 makes that a failure).
  testPathIgnorePatterns: ['/node_modules/'],
};
