// Prints one plain closing line, `jest: N passed, N failed, N skipped`, which CI systems that do
// not know jest's own summary can read.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    process.stdout.write(
      // A suite that fails to load runs no test; count it as a failure so the line cannot read green.
      `jest: ${results.numPassedTests} passed, ${results.numFailedTests + results.numRuntimeErrorTestSuites} failed, ${results.numPendingTests} skipped\n`,
    );
  }
}
module.exports = SummaryReporter;
