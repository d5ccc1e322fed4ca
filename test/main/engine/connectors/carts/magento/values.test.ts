import { describe, expect, it } from 'vitest';
import { isoToMagentoTime, magentoTimeToIso, toMoney, toQuantity } from '../../../../../../main/engine/connectors/carts/magento/values.js';

describe('Magento values', () => {
  it('reads Magento times as UTC and writes them back to the second', () => {
    expect(magentoTimeToIso('2026-11-20 10:32:00')).toBe('2026-11-20T10:32:00.000Z');
    expect(isoToMagentoTime('2026-11-20T10:32:00.987Z')).toBe('2026-11-20 10:32:00');
    expect(isoToMagentoTime('2026-11-20T05:32:00-05:00')).toBe('2026-11-20 10:32:00');
  });

  it('refuses times with a zone, without seconds, or impossible', () => {
    for (const bad of ['2026-11-20T10:32:00Z', '2026-11-20 10:32', '2026-13-40 10:32:00', 1700000000, null]) {
      expect(magentoTimeToIso(bad)).toBeNull();
    }
  });

  it('turns numbers and numeric strings into money strings without float noise', () => {
    expect(toMoney(45)).toBe('45.00');
    expect(toMoney(29.99)).toBe('29.99');
    expect(toMoney(0.1 + 0.2)).toBe('0.30');
    expect(toMoney(33.3333)).toBe('33.3333');
    expect(toMoney(-5)).toBe('-5.00');
    expect(toMoney('19.9')).toBe('19.90');
    expect(toMoney('abc')).toBeNull();
    expect(toMoney(Number.NaN)).toBeNull();
  });

  it('reads quantities, refusing negatives and non-numbers', () => {
    expect(toQuantity(2)).toBe(2);
    expect(toQuantity('2.0000')).toBe(2);
    expect(toQuantity(-1)).toBeNull();
    expect(toQuantity('x')).toBeNull();
  });

  it('reads and writes the same instants on a host east of Greenwich', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Asia/Tokyo';
    try {
      expect(new Date('2026-11-20T00:00:00Z').getHours()).toBe(9); // the zone really changed
      expect(magentoTimeToIso('2026-11-20 23:30:00')).toBe('2026-11-20T23:30:00.000Z');
      expect(isoToMagentoTime('2026-11-20T23:30:00.000Z')).toBe('2026-11-20 23:30:00');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
