import { describe, expect, it } from 'vitest';
import { DockhandError } from '../../../../shared/errors.js';
import { outcomeFromError } from '../../../../main/engine/scheduler/job-outcome.js';

describe('outcomeFromError', () => {
  const live = new AbortController().signal;

  it('keeps a DockhandError’s kind, message and wait', () => {
    const err = new DockhandError('rate_limited', 'THROTTLED', { retryAfterMs: 2000 });
    expect(outcomeFromError(err, live)).toEqual({ ok: false, errorKind: 'rate_limited', message: 'THROTTLED', retryAfterMs: 2000 });
  });

  it('calls any other error internal', () => {
    expect(outcomeFromError(new TypeError('x is undefined'), live)).toEqual({
      ok: false,
      errorKind: 'internal',
      message: 'x is undefined',
    });
  });

  it('calls a plain error thrown after an abort transient, so it is simply run again', () => {
    const controller = new AbortController();
    controller.abort();
    expect(outcomeFromError(new Error('AbortError'), controller.signal)).toMatchObject({ ok: false, errorKind: 'transient' });
  });
});
