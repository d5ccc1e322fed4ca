import { describe, expect, it } from 'vitest';
import { contract } from '../../../../shared/contract.js';
import { formatSize, isFiltered, listInput, NO_FILTER } from '../../../../renderer/src/screens/files/files-filter.js';

describe('the Files screen filters become the files.list input', () => {
  it('leaves out what is "any" and the contract accepts the result', () => {
    const input = listInput(NO_FILTER, { limit: 50, offset: 0 });
    expect(input).toEqual({ limit: 50, offset: 0 });
    expect(contract['files.list'].input.safeParse(input).success).toBe(true);
    expect(isFiltered(NO_FILTER)).toBe(false);
  });

  it('takes the "to" day whole and the "from" day from its start, in the user\'s zone', () => {
    const input = listInput({ ...NO_FILTER, merchantId: '3', direction: 'received', kind: 'confirmation', from: '2026-12-01', to: '2026-12-01', text: ' ship ' }, { limit: 50, offset: 100 });
    expect(input).toMatchObject({ merchantId: 3, direction: 'received', kind: 'confirmation', text: 'ship', offset: 100 });
    expect(Date.parse(input.to!) - Date.parse(input.from!)).toBeGreaterThanOrEqual(23 * 3_600_000);
    expect(new Date(input.from!).getDate()).toBe(1);
    expect(contract['files.list'].input.safeParse(input).success).toBe(true);
  });

  it('writes sizes for people', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(2048)).toBe('2.0 KB');
    expect(formatSize(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
