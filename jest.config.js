/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Jest's default is one worker fewer than the cores: one, on the 2-core machines this runs on.
  maxWorkers: 2,
  roots: ['<rootDir>/test'],
  setupFiles: ['<rootDir>/test/setup-env.js'],
  testMatch: ['**/*.test.ts'],
  // swc strips types only; `npm test` type-checks with tsc first (see README, "Why swc").
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }],
    // The CEL evaluator the admission-policy tests run is ESM only: compile it to CommonJS too.
    '^.+/@marcbachmann/cel-js/.+\\.js$': [
      '@swc/jest',
      { jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!@marcbachmann/cel-js/)'],
  // The example site repository imports the package by name, as an operator's repository would.
  moduleNameMapper: { '^cdktf-ai-factory$': '<rootDir>/lib/index.ts' },
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
};
