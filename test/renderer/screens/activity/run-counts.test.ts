import { describe, expect, it } from 'vitest';
import { describeCounts, firstProblem } from '../../../../renderer/src/screens/activity/run-counts.js';

describe("a run's counts in the Activity list", () => {
  it('read as words in the order the run reported them', () => {
    expect(describeCounts({ downloaded: 5, new: 3, updated: 2 })).toBe('downloaded 5 · new 3 · updated 2');
  });

  it('split camelCase and snake_case names into lower-case words', () => {
    expect(describeCounts({ filesWritten: 2, held_unmapped: 1 })).toBe('files written 2 · held unmapped 1');
  });

  it('leave out zeros and bookkeeping such as pages and throttle waits', () => {
    expect(describeCounts({ downloaded: 4, skipped: 0, pages: 3, throttleWaitMs: 1500 })).toBe('downloaded 4');
  });

  it('say "nothing to do" when nothing happened', () => {
    expect(describeCounts({})).toBe('nothing to do');
    expect(describeCounts({ downloaded: 0, pages: 1 })).toBe('nothing to do');
  });

  it('never say "nothing to do" for a run that failed or is still going', () => {
    expect(describeCounts({}, 'failed')).toBe('nothing done: it failed');
    expect(describeCounts({ pages: 1 }, 'running')).toBe('in progress');
    expect(describeCounts({ downloaded: 2 }, 'failed')).toBe('downloaded 2');
    expect(describeCounts({}, 'ok')).toBe('nothing to do');
  });

  it('show large numbers as the user reads them', () => {
    expect(describeCounts({ downloaded: 12500 })).toBe(`downloaded ${(12500).toLocaleString()}`);
  });
});

describe("a run's Errors column", () => {
  it('says what failed for a failed run, not "None"', () => {
    // A failed run kept its reason in the message and showed "None" under Errors.
    expect(firstProblem({ status: 'failed', message: 'FTP server refused the login', errors: [] })).toEqual({ text: 'FTP server refused the login', more: 0 });
    expect(firstProblem({ status: 'failed', message: null, errors: [{ where: 'order 1001', message: 'No SKU' }] })).toEqual({ text: 'order 1001: No SKU', more: 0 });
    expect(firstProblem({ status: 'failed', message: null, errors: [] })).toEqual({ text: 'The run failed', more: 0 });
  });

  it('shows the first error of a partial run in words, and counts the rest', () => {
    const errors = [{ where: 'order 1001', message: 'Ship code EXP is not mapped' }, { message: 'Line 4: no quantity' }];
    expect(firstProblem({ status: 'partial', message: null, errors })).toEqual({ text: 'order 1001: Ship code EXP is not mapped', more: 1 });
    expect(firstProblem({ status: 'ok', message: 'Nothing new', errors: [] })).toBeNull();
  });
});
