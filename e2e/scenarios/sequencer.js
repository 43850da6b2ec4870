// The scenarios share one cluster and some change it (day 2 retires tenants): run them in the
// order of their file names (10-deploy, 20-jobs, ...), whatever jest's timing cache says.
const Sequencer = require('@jest/test-sequencer').default;

class ByName extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => a.path.localeCompare(b.path));
  }
}
module.exports = ByName;
