import { describe, expect, it } from 'vitest';
import { apiRowErrors, mergeImported, newRow, rowsToSave, sameMethods, validateRows } from '../../../../renderer/src/screens/ship-methods/method-rows.js';

const rows = (...methods: [string, string, string][]) => methods.map(([code, description, carrier]) => newRow({ code, description, carrier }));

describe('the ship method rows being edited', () => {
  it('leave wholly blank rows out of what Save sends, remembering which table row each method came from', () => {
    const table = rows(['A', 'Alpha', 'UPS'], ['', '', ''], ['B', '', '']);
    expect(rowsToSave(table)).toEqual({
      methods: [
        { code: 'A', description: 'Alpha', carrier: 'UPS' },
        { code: 'B', description: '', carrier: '' },
      ],
      rowIndex: [0, 2],
    });
  });

  it('mark a missing code, a too-long carrier and a repeated code on the rows that hold them', () => {
    const table = rows(['A', '', ''], ['', 'No code', ''], ['', '', ''], ['C', '', 'X'.repeat(51)], [' A ', 'again', '']);
    const errors = validateRows(table);
    expect(errors['1.code']).toBe('Enter a code');
    expect(errors['3.carrier']).toBeTruthy();
    expect(errors['4.code']).toBe('The code A is already on row 1');
    expect(errors['0.code']).toBeUndefined();
    expect(errors['2.code']).toBeUndefined();
  });

  it('accept a valid list with no errors', () => {
    expect(validateRows(rows(['A', 'Alpha', 'UPS'], ['B', 'Beta', 'FedEx']))).toEqual({});
  });

  it('put the API field errors back on the table rows they came from', () => {
    expect(apiRowErrors({ 'methods.1.code': 'The code B is listed twice', methods: 'Too many' }, [0, 3])).toEqual({
      '3.code': 'The code B is listed twice',
      _form: 'Too many',
    });
  });

  it('merge an import: known codes get the file\'s description and carrier, new codes are appended', () => {
    const merged = mergeImported(rows(['A', 'old', 'UPS'], ['', '', '']), [
      { code: 'A', description: 'new', carrier: 'DHL' },
      { code: 'B', description: 'Beta', carrier: '' },
    ]);
    expect(merged.added).toBe(1);
    expect(merged.updated).toBe(1);
    expect(merged.rows.map(({ code, description, carrier }) => [code, description, carrier])).toEqual([
      ['A', 'new', 'DHL'],
      ['B', 'Beta', ''],
    ]);
  });

  it('tell whether the table still equals the saved list', () => {
    const saved = [{ code: 'A', description: 'Alpha', carrier: 'UPS' }];
    expect(sameMethods(rows(['A', 'Alpha', 'UPS'], ['', '', '']), saved)).toBe(true);
    expect(sameMethods(rows(['A', 'Alpha', 'DHL']), saved)).toBe(false);
  });
});
