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
  testTimeout: 20000,
  // test/browser runs too: in Chromium when it is installed, skipped loudly when not (REQUIRE_BROWSER=1 makes that a failure).
  testPathIgnorePatterns: ['/node_modules/'],
};
