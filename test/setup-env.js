// Synthesized local-backend paths are absolute (lib/platform/state.ts). Tests pin the project root
// so that snapshots and expectations do not depend on where the repository is checked out; tests
// of the root's discovery pass their own environment.
process.env.AIF_PROJECT_ROOT ??= '/aif-project';
// Synthesis judges allocations against $AIF_DATE (synthesisDate in lib/model/allocation.ts); pinned
// so that snapshots do not change as the calendar moves. On this day no allocation of the site
// profiles or of the test fixtures has ended; tests of expiry pass their own date.
process.env.AIF_DATE ??= '2026-01-15';
// cdktf records a full creation stack trace for every token and nested attribute object it makes
// (lib/platform/stack-traces.ts), and under jest each trace is mapped through source maps: 30% of
// the suite's time (100 s of jest wall time against 70 s without, on the 2-core machine, idle).
// `aif synth` and the e2e suite synthesize without them (withoutCreationStackTraces); so do the
// tests, in every test file. Errors keep their traces: captures into Error objects go through.
// test/platform/stack-traces.test.ts puts cdktf's captures back to test the skip itself.
{
  const capture = Error.captureStackTrace;
  globalThis.__aifCaptureStackTrace = capture;
  Error.captureStackTrace = function captureErrorsOnly(target, below) {
    if (target instanceof Error) capture.call(Error, target, below);
  };
}
