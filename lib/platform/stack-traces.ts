/**
 * cdktf records where every token and every nested attribute object of a typed provider class was
 * created (`captureStackTrace` in cdktf/lib/tokens/private/stack-trace.js, called from `Lazy`,
 * `Intrinsic` and `ComplexComputedList`), whatever `new App({ stackTraces: false })` says: a full
 * stack trace, captured and formatted, per nested object. At 1,000 tenants that is about a third of
 * synthesis (docs/performance.md). Lowering `Error.stackTraceLimit` does not help: cdktf raises it
 * to `Number.MAX_SAFE_INTEGER` around each capture.
 *
 * cdktf captures into a plain object (`{ stack: '' }`) through `Error.captureStackTrace`; this
 * runs `build` with captures into plain objects skipped, so those traces are empty. Errors are
 * untouched: `new Error()` records its own trace, and captures into Error objects (Node's own errors
 * use them) go through as before, so every error keeps its message and its stack. The original
 * function is restored afterwards, also when `build` throws.
 */
export function withoutCreationStackTraces<T>(build: () => T): T {
  const capture = Error.captureStackTrace;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  Error.captureStackTrace = function (target: object, below?: Function): void {
    if (target instanceof Error) capture.call(Error, target, below);
  };
  try {
    return build();
  } finally {
    Error.captureStackTrace = capture;
  }
}
