import { describe, expect, it } from 'vitest';
import { addMoney, rfc2822ToUtcIso, toDateFilter, toMoney } from '../../../../../../main/engine/connectors/carts/bigcommerce/values.js';

describe('BigCommerce values', () => {
  it('reads RFC 2822 dates with a zone as UTC and refuses other shapes', () => {
    expect(rfc2822ToUtcIso('Tue, 20 Nov 2012 00:00:00 +0000')).toBe('2012-11-20T00:00:00.000Z');
    expect(rfc2822ToUtcIso('Thu, 20 Apr 2017 11:32:00 -0400')).toBe('2017-04-20T15:32:00.000Z');
    expect(rfc2822ToUtcIso('2012-11-20T00:00:00Z')).toBeNull();
    expect(rfc2822ToUtcIso('Tue, 20 Nov 2012 00:00:00')).toBeNull();
    expect(rfc2822ToUtcIso('')).toBeNull();
    expect(rfc2822ToUtcIso(1353369600)).toBeNull();
  });

  it('writes a date filter in whole seconds, rounded down, with an explicit zone', () => {
    expect(toDateFilter('2026-11-20T10:00:05.999Z')).toBe('2026-11-20T10:00:05+00:00');
  });

  it('keeps money as decimal strings: four places trimmed to cents, extra precision kept', () => {
    expect(toMoney('336.3200')).toBe('336.32');
    expect(toMoney('0.0000')).toBe('0.00');
    expect(toMoney('1.2345')).toBe('1.2345');
    expect(toMoney('5')).toBe('5.00');
    expect(() => toMoney('1e3')).toThrow();
  });

  it('adds money exactly, where floats would not', () => {
    expect(addMoney('0.1000', '0.2000')).toBe('0.30');
    expect(addMoney('1.5900', '10.0000')).toBe('11.59');
    expect(addMoney('-2.5', '1.25')).toBe('-1.25');
    expect(addMoney('0.0001', '0.0002')).toBe('0.0003');
  });
});
