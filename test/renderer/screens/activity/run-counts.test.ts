import { describe, expect, it } from 'vitest';
import { describeCounts } from '../../../../renderer/src/screens/activity/run-counts.js';

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

  it('show large numbers as the user reads them', () => {
    expect(describeCounts({ downloaded: 12500 })).toBe(`downloaded ${(12500).toLocaleString()}`);
  });
});
