/** Type errors are caught by `npm run typecheck`; jest only transpiles, which keeps the suite fast. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 20000,
  // Browser tests have their own config (jest.browser.config.js); they need Chromium.
  testPathIgnorePatterns: ['/node_modules/', '/test/browser/'],
};
