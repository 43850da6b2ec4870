import { Lazy, Token, Tokenization } from 'cdktf';
import { withoutCreationStackTraces } from '../../lib/platform/stack-traces';
import { ValidationError } from '../../lib/model/errors';

/** The creation trace cdktf recorded for a lazy token. */
function creationStack(): string[] {
  const token = Lazy.stringValue({ produce: () => 'x' });
  return (Tokenization.reverseString(token).tokens[0] as unknown as { creationStack: string[] })
    .creationStack;
}

describe('withoutCreationStackTraces', () => {
  // The tests run without creation traces (test/setup-env.js): here cdktf's captures are back.
  const skipped = Error.captureStackTrace;
  beforeAll(() => {
    Error.captureStackTrace = (
      globalThis as { __aifCaptureStackTrace?: typeof skipped }
    ).__aifCaptureStackTrace!;
  });
  afterAll(() => {
    Error.captureStackTrace = skipped;
  });

  it("skips cdktf's creation traces inside, and only inside", () => {
    expect(creationStack().length).toBeGreaterThan(0);
    expect(withoutCreationStackTraces(creationStack)).toEqual([]);
    expect(creationStack().length).toBeGreaterThan(0);
    expect(
      Token.isUnresolved(withoutCreationStackTraces(() => Lazy.stringValue({ produce: () => 'y' }))),
    ).toBe(true);
  });

  it('keeps the message and the stack of errors thrown inside, and restores captureStackTrace', () => {
    const capture = Error.captureStackTrace;
    let caught: unknown;
    try {
      withoutCreationStackTraces(() => {
        throw new ValidationError("site profile 'x'", [
          { code: 'VALUE_INVALID', path: 'name', received: 'X', message: 'not a DNS label', fix: 'use x' },
        ]);
      });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as Error).message).toMatch(/\[VALUE_INVALID\] name: not a DNS label/);
    expect((caught as Error).stack).toMatch(/stack-traces\.test\.ts/);
    expect(Error.captureStackTrace).toBe(capture);
  });

  it("lets captures into Error objects through (Node's own errors)", () => {
    const e = withoutCreationStackTraces(() => {
      const err = new Error('boom');
      Error.captureStackTrace(err);
      return err;
    });
    expect(e.stack).toMatch(/boom\n\s+at /);
  });
});
