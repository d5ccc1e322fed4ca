import { describe, expect, it } from 'vitest';
import { numberedRows } from '../../../../../main/engine/store/repositories/row-batches.js';

describe('numbered rows of a multi-row statement', () => {
  it('number each row’s own parameters after the shared ones, in row order, so a shared value is bound once', () => {
    expect(numberedRows(3, 1, 2, ', ', (p) => `(${p(0)}, ?1, ${p(1)})`)).toBe('(?2, ?1, ?3), (?4, ?1, ?5), (?6, ?1, ?7)');
    expect(numberedRows(2, 0, 1, ' ', (p) => `WHEN ${p(0)}`)).toBe('WHEN ?1 WHEN ?2');
  });
});
