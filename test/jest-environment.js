// The test environment: jest's node environment, plus a quick exit for jest's worker processes.
//
// When jest ends a worker it lets the worker's event loop run dry and waits 500 ms for the process
// to go; after that it kills it and prints "A worker process has failed to exit gracefully". Our
// workers leave nothing open (run with --detectOpenHandles); they are slow to go because a natural
// exit tears down the whole V8 heap, and a worker that has loaded cdktf and the provider bindings
// into a module registry per test file holds a few hundred MB. On a busy 2-core machine that
// teardown alone took longer than the 500 ms (strace: munmap after munmap until SIGTERM arrived).
// process.exit() runs the same 'exit' listeners but skips the teardown, so a worker whose loop has
// run dry ('beforeExit', which an explicit exit or a crash never emits) exits that way.
//
// This module is loaded once per worker process, outside the tests' sandbox.
const { TestEnvironment } = require('jest-environment-node');

if (process.env.JEST_WORKER_ID !== undefined && typeof process.send === 'function') {
  process.once('beforeExit', (code) => process.exit(code));
}

module.exports = TestEnvironment;
