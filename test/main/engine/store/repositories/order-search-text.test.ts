import { describe, expect, it } from 'vitest';
import { SEARCH_SEPARATOR, searchPatternOf, searchTextOf } from '../../../../../main/engine/store/repositories/order-search-text.js';
import { sampleLine, sampleOrder } from '../../csv/sample-orders.js';

describe('the search text of an order', () => {
  it('holds the number, PO, names, companies, e-mails and SKUs, lower-cased, one value each', () => {
    const order = sampleOrder({
      billTo: { firstName: 'Bob', lastName: 'Ray', company: 'Ray Supply', email: 'Billing@Ray.example' },
      lines: [sampleLine(1, { sku: 'DH-1001' }), sampleLine(2, { sku: 'dh-2002' })],
    });
    expect(searchTextOf(order).split(SEARCH_SEPARATOR)).toEqual([
      '#1001',
      'po-77',
      'ann lee',
      'lee & sons, inc.',
      'ann@example.com',
      'bob ray',
      'ray supply',
      'billing@ray.example',
      'dh-1001',
      'dh-2002',
    ]);
  });

  it('leaves out prices, totals, ids, addresses and field names', () => {
    const text = searchTextOf(sampleOrder());
    for (const absent of ['19.99', '53.46', 'gid://', 'springfield', '12 main st', '"sku"', 'ordernumber', 'cartlineid', 'usd']) {
      expect(text).not.toContain(absent.toLowerCase());
    }
  });

  it('writes a value found twice once, and skips empty ones', () => {
    const text = searchTextOf({ orderNumber: '#7', shipTo: { firstName: 'Ann', company: ' ' }, billTo: { firstName: 'ANN' }, lines: [{ sku: 'A' }, { sku: 'a' }, {}] });
    expect(text.split(SEARCH_SEPARATOR)).toEqual(['#7', 'ann', 'a']);
  });

  it('lower-cases beyond ASCII, so a search for "müller" finds "MÜLLER"', () => {
    expect(searchTextOf({ shipTo: { lastName: 'MÜLLER' } })).toBe('müller');
  });

  it('takes the separator out of values, so no value can be split or joined to another', () => {
    expect(searchTextOf({ orderNumber: `A${SEARCH_SEPARATOR}B`, poNumber: 'C' })).toBe(`a b${SEARCH_SEPARATOR}c`);
  });

  it('yields an empty text for a payload without any searchable field', () => {
    expect(searchTextOf({})).toBe('');
  });
});

describe('the LIKE pattern of a search', () => {
  it('lower-cases the search and escapes %, _ and the escape character, so they match literally', () => {
    expect(searchPatternOf('50%_Off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
