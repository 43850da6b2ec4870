// Prints one plain closing line, `jest: N passed, N failed, N skipped`, which CI systems that do
// not know jest's own summary can read.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    process.stdout.write(
      `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped\n`,
    );
  }
}
module.exports = SummaryReporter;
