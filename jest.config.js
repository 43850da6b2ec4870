/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // swc strips types only; `npm test` type-checks with tsc first (see README, "Why swc").
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  // The example site repository imports the package by name, as an operator's repository would.
  moduleNameMapper: { '^cdktf-ai-factory$': '<rootDir>/lib/index.ts' },
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
};
