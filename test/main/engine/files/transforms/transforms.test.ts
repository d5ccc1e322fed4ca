import { describe, expect, it } from 'vitest';
import { columnTransformSchema, dateFormatSchema, inboundTransformSchema, orderFileProfileSchema, TRANSFORM_KINDS, type ColumnTransform } from '../../../../../shared/schemas/csv-profile.js';
import { compileChain, TRANSFORMS } from '../../../../../main/engine/files/transforms/registry.js';
import { TransformError, type Direction } from '../../../../../main/engine/files/transforms/transform.js';
import { writeOrderFile } from '../../../../../main/engine/files/writer/order-file-writer.js';
import type { OrderFieldScope } from '../../../../../main/engine/files/writer/order-fields.js';
import { forDelivery, sampleOrder } from '../../csv/sample-orders.js';

/** One transform, parsed by its schema (defaults filled) and compiled, applied to a value. */
function apply(raw: Record<string, unknown>, value: string, direction: Direction = 'out', scope?: OrderFieldScope): string {
  const t = columnTransformSchema.parse(raw) as ColumnTransform;
  return compileChain([t], { direction })!(value, scope);
}

const scope: OrderFieldScope = { batchId: 'B1', merchantCode: 'ACME', item: forDelivery(sampleOrder({ billTo: { phone: '+1 555 0199' }, shipTo: { ...sampleOrder().shipTo, phone: '' } })) };

describe('the transform registry', () => {
  it('has one definition for every kind the schema knows, and nothing else', () => {
    expect(Object.keys(TRANSFORMS).sort()).toEqual([...TRANSFORM_KINDS].sort());
  });

  it('constant, default, case and cut', () => {
    expect(apply({ kind: 'constant', value: 'X' }, 'anything')).toBe('X');
    expect(apply({ kind: 'default', value: 'N/A' }, '')).toBe('N/A');
    expect(apply({ kind: 'default', value: 'N/A' }, 'set')).toBe('set');
    expect(apply({ kind: 'case', to: 'upper' }, 'istanbul')).toBe('ISTANBUL');
    expect(apply({ kind: 'case', to: 'lower' }, 'ÄBC')).toBe('äbc');
    expect(apply({ kind: 'cut', length: 3 }, '🎁🎄🎅🤶')).toBe('🎁🎄🎅');
  });

  it('pad pads out, never cuts, and strips its character in', () => {
    expect(apply({ kind: 'pad', length: 5, char: '0' }, '42')).toBe('00042');
    expect(apply({ kind: 'pad', length: 5, side: 'right' }, '42')).toBe('42   ');
    expect(apply({ kind: 'pad', length: 2, char: '0' }, '12345')).toBe('12345');
    expect(apply({ kind: 'pad', length: 5, char: '0' }, '00042', 'in')).toBe('42');
    expect(apply({ kind: 'pad', length: 5, char: '*', side: 'right' }, 'AB**', 'in')).toBe('AB');
  });

  it('value map: a lookup table with a fallback, or the value kept', () => {
    const map = { kind: 'map', entries: [{ from: 'UPSGND', to: 'UPS Ground' }, { from: 'FDX', to: 'FedEx' }] };
    expect(apply(map, 'FDX')).toBe('FedEx');
    expect(apply(map, 'fdx')).toBe('fdx');
    expect(apply({ ...map, ignoreCase: true }, 'fdx')).toBe('FedEx');
    expect(apply({ ...map, fallback: 'OTHER' }, 'DHL')).toBe('OTHER');
  });

  it('number: decimals rounded as a person rounds, separators both ways', () => {
    const eu = { kind: 'number', decimals: 2, decimalSeparator: ',', thousands: '.' };
    expect(apply(eu, '1234567.005')).toBe('1.234.567,01');
    expect(apply(eu, '-0.004')).toBe('0,00');
    expect(apply({ kind: 'number', decimals: 0 }, '9.5')).toBe('10');
    expect(apply({ kind: 'number', decimals: 1 }, '99.96')).toBe('100.0');
    expect(apply({ kind: 'number' }, 'n/a')).toBe('n/a');
    expect(apply(eu, '1.234,50', 'in')).toBe('1234.50');
    expect(apply({ kind: 'number', thousands: ',' }, '12,345.6', 'in')).toBe('12345.6');
    expect(() => apply(eu, '12,3,4', 'in')).toThrow(TransformError);
    expect(() => apply({ kind: 'number' }, 'abc', 'in')).toThrow('"abc" is not a number written as 1234.50');
  });

  it('money: fixed decimals and a symbol or code', () => {
    expect(apply({ kind: 'money', symbol: '$' }, '-12.5')).toBe('$-12.50');
    expect(apply({ kind: 'money', symbol: 'EUR', symbolAt: 'end', decimalSeparator: ',' }, '1234.5')).toBe('1234,50 EUR');
    expect(apply({ kind: 'money', symbol: 'EUR', symbolAt: 'end', decimalSeparator: ',' }, '1234,5 EUR', 'in')).toBe('1234.50');
    expect(apply({ kind: 'money', symbol: '£' }, '7', 'in')).toBe('7.00');
  });

  it('prefix adds a "#" once and strips it', () => {
    expect(apply({ kind: 'prefix', action: 'add', value: '#' }, '1001')).toBe('#1001');
    expect(apply({ kind: 'prefix', action: 'add', value: '#' }, '#1001')).toBe('#1001');
    expect(apply({ kind: 'prefix', action: 'add', value: '#' }, '')).toBe('');
    expect(apply({ kind: 'prefix', action: 'strip', value: 'PO-' }, 'PO-77', 'in')).toBe('77');
    expect(apply({ kind: 'prefix', action: 'strip', value: '#' }, '1001', 'in')).toBe('1001');
  });

  it('field replaces the value or fills it when empty; join appends fields', () => {
    expect(apply({ kind: 'field', field: 'poNumber' }, 'x', 'out', scope)).toBe('PO-77');
    expect(apply({ kind: 'field', field: 'billTo.phone', onlyWhenEmpty: true }, '', 'out', scope)).toBe('+1 555 0199');
    expect(apply({ kind: 'field', field: 'billTo.phone', onlyWhenEmpty: true }, 'own', 'out', scope)).toBe('own');
    expect(apply({ kind: 'join', fields: ['shipTo.city', 'shipTo.state'], separator: ', ' }, '12 Main St', 'out', scope)).toBe('12 Main St, Springfield, IL');
  });

  it('inbound columns cannot use the transforms that read order fields', () => {
    expect(inboundTransformSchema.safeParse({ kind: 'field', field: 'poNumber' }).success).toBe(false);
    expect(() => compileChain([columnTransformSchema.parse({ kind: 'join', fields: ['poNumber'], separator: '' })], { direction: 'in' })).toThrow(/only order file columns/);
  });

  it('a chain runs in order', () => {
    const chain = ['prefix', 'pad', 'case'].map((kind) =>
      columnTransformSchema.parse(kind === 'prefix' ? { kind, action: 'strip', value: '#' } : kind === 'pad' ? { kind, length: 6, char: '0' } : { kind, to: 'upper' }),
    );
    expect(compileChain(chain, { direction: 'out' })!('#ab1')).toBe('000AB1');
  });
});

describe('the date transform', () => {
  const out = (format: string, value: string, timeZone?: string) => apply({ kind: 'date', format, ...(timeZone ? { timeZone } : {}) }, value);
  const read = (format: string, value: string, timeZone?: string) => apply({ kind: 'date', format, ...(timeZone ? { timeZone } : {}) }, value, 'in');

  it('writes token formats, milliseconds and UNIX times in the zone', () => {
    expect(out('YYYY-MM-DD HH:mm:ss.SSS', '2026-03-08T10:30:15.123Z', 'America/New_York')).toBe('2026-03-08 06:30:15.123');
    expect(out('DD.MM.YYYY', '2026-11-27T23:30:00Z', 'Europe/Berlin')).toBe('28.11.2026');
    expect(out('YYYYMMDDHHmmss', '2026-11-27T05:54:44Z')).toBe('20261127055444');
    expect(out('UNIX_SECONDS', '2026-11-27T05:54:44.999Z')).toBe('1795758884');
    expect(out('UNIX_MS', '2026-11-27T05:54:44.999Z')).toBe('1795758884999');
    expect(out('UNIX_SECONDS', '2026-12-01', 'Asia/Tokyo')).toBe(String(Date.UTC(2026, 10, 30, 15) / 1000));
    expect(out('HH:mm', '2026-12-01')).toBe('00:00');
  });

  it('reads exactly its format, never guessing', () => {
    expect(read('DD/MM/YYYY', '03/04/2026')).toBe('2026-04-03T00:00:00.000Z');
    expect(read('MM/DD/YYYY', '4/3/2026', 'America/Los_Angeles')).toBe('2026-04-03T07:00:00.000Z');
    expect(read('YYYY-MM-DD HH:mm:ss.SSS', '2022-05-02 15:00:00.000', 'Europe/London')).toBe('2022-05-02T14:00:00.000Z');
    expect(read('YYYYMMDD', '20260230'.replace('30', '28'))).toBe('2026-02-28T00:00:00.000Z');
    expect(read('UNIX_SECONDS', '1795758884')).toBe('2026-11-27T05:54:44.000Z');
    expect(read('UNIX_MS', '1795758884999')).toBe('2026-11-27T05:54:44.999Z');
    expect(read('ISO', '2026-11-27T10:00:00-08:00')).toBe('2026-11-27T18:00:00.000Z');
    expect(read('ISO', '2026-11-27 10:00', 'Asia/Tokyo')).toBe('2026-11-27T01:00:00.000Z');
    expect(() => read('DD/MM/YYYY', '2026-04-03')).toThrow('"2026-04-03" is not a date in the format DD/MM/YYYY');
    expect(() => read('YYYY-MM-DD', '2026-02-30')).toThrow(TransformError);
    expect(() => read('YYYY-MM-DD', '2026-04-03 10:00')).toThrow(TransformError);
    expect(() => read('ISO', '11/28/2026')).toThrow(TransformError);
  });

  it('refuses formats that cannot name a day for reading, and malformed formats in the schema', () => {
    expect(() => read('HH:mm', '10:00')).toThrow(/needs YYYY, MM, DD/);
    expect(dateFormatSchema.safeParse('no tokens').success).toBe(false);
    expect(dateFormatSchema.safeParse('YYYY-YYYY').success).toBe(false);
    expect(dateFormatSchema.safeParse('UNIX_MS').success).toBe(true);
  });
});

describe('the formula guard setting', () => {
  const profile = (formulaGuard?: boolean) =>
    orderFileProfileSchema.parse({
      name: 'p',
      ...(formulaGuard === undefined ? {} : { formulaGuard }),
      columns: [
        { header: 'Phone', source: { kind: 'field', field: 'shipTo.phone' } },
        { header: 'Discount', source: { kind: 'field', field: 'discount' } },
        { header: 'Note', source: { kind: 'field', field: 'giftMessage' } },
      ],
    });
  const write = (formulaGuard?: boolean) =>
    writeOrderFile(profile(formulaGuard), { batchId: 'B', merchantCode: 'M', orders: [forDelivery(sampleOrder({ discount: '-12.50', giftMessage: '=HYPERLINK("http://x")', shipTo: { phone: '+14155550100' } }, 1))] })
      .content.toString('utf8')
      .split('\r\n')[1];

  it('is on by default: formulas are quoted, plain data is written as it is', () => {
    expect(profile().formulaGuard).toBe(true);
    expect(write()).toBe(`+14155550100,-12.50,"'=HYPERLINK(""http://x"")"`);
  });

  it('off, writes every value as it is', () => {
    expect(write(false)).toBe(`+14155550100,-12.50,"=HYPERLINK(""http://x"")"`);
  });
});

describe('inbound date formats', () => {
  it('must name a day to be saved in an inbound column', () => {
    expect(inboundTransformSchema.safeParse({ kind: 'date', format: 'HH:mm' }).success).toBe(false);
    expect(inboundTransformSchema.safeParse({ kind: 'date', format: 'DD.MM.YYYY HH:mm' }).success).toBe(true);
    expect(inboundTransformSchema.safeParse({ kind: 'date', format: 'UNIX_MS' }).success).toBe(true);
  });
});
