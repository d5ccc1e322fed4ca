import { describe, expect, it } from 'vitest';
import { fuzzFiles } from './file-fuzz.js';

describe('the inbound file readers under fuzzing', () => {
  it('refuse a generated file whole or read it into valid rows and reported rows, the same whole or in chunks (300 files of each kind)', async () => {
    const tally = await fuzzFiles(300, 1);
    expect(tally.failures.slice(0, 3)).toEqual([]);
    expect(tally.files).toBe(600);
    // The generator reaches every outcome: refused files, good rows and bad rows.
    expect(tally.refused).toBeGreaterThan(20);
    expect(tally.rows).toBeGreaterThan(1000);
    expect(tally.rowErrors).toBeGreaterThan(500);
  });
});
