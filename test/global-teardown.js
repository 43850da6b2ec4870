// Removes the run's temporary directory (see global-setup.js).
const fs = require('fs');

module.exports = function globalTeardown() {
  const dir = process.env.AIF_JEST_TMPDIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
};
