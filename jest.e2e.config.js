/**
 * The e2e scenarios (`npm run e2e`): against the control plane that `npm run e2e:up` started
 * (e2e/harness), one file at a time, since they share one cluster. Not part of `npm test`.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/e2e'],
  testMatch: ['**/*.e2e.ts'],
  maxWorkers: 1,
  testSequencer: '<rootDir>/e2e/scenarios/sequencer.js',
  testTimeout: 180_000,
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }],
  },
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
