// One temporary directory per test run, removed when the run ends (global-teardown.js).
//
// cdktf's Testing.app() makes a `cdktf.outdir.*` directory in os.tmpdir() for every app and never
// removes it (about 120 per run), and several tests make temporary directories of their own.
// Pointing TMPDIR at a directory of the run's own, before jest starts its workers (which inherit
// the environment), keeps all of them in one place that the teardown removes.
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = function globalSetup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-jest-'));
  process.env.AIF_JEST_TMPDIR = dir;
  process.env.TMPDIR = dir;
};
