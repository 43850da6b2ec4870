/** @type {import('jest').Config} */
module.exports = {
  // jest's node environment, with workers that exit within jest's grace period (see the file).
  testEnvironment: '<rootDir>/test/jest-environment.js',
  // One temporary directory per run, removed at the end: cdktf's Testing.app() leaves one per app.
  globalSetup: '<rootDir>/test/global-setup.js',
  globalTeardown: '<rootDir>/test/global-teardown.js',
  // Jest's default is one worker fewer than the cores: one, on the 2-core machines this runs on.
  maxWorkers: 2,
  // examples/site-repo is a repository of its own with its own test, which CI runs against the packed
  // tarball (.ci/site-repo): run here through a module mapper onto lib/ it would test the sources
  // and hide every packaging mistake. `npm run typecheck` still compiles it against lib/ (a `paths`
  // mapping in tsconfig.check.json), so an API change that breaks it fails `npm test` at once.
  roots: ['<rootDir>/test'],
  setupFiles: ['<rootDir>/test/setup-env.js'],
  testMatch: ['**/*.test.ts'],
  // swc strips types only; `npm test` type-checks with tsc first (see docs/toolchain.md).
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }],
    // The CEL evaluator the admission-policy tests run is ESM only: compile it to CommonJS too.
    '^.+/@marcbachmann/cel-js/.+\\.js$': [
      '@swc/jest',
      { jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!@marcbachmann/cel-js/)'],
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
};
