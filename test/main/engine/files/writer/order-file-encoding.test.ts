import { describe, expect, it } from 'vitest';
import { orderFileProfileSchema } from '../../../../../shared/schemas/csv-profile.js';
import { writeOrderFile } from '../../../../../main/engine/files/writer/order-file-writer.js';
import { forDelivery, sampleOrder } from '../../csv/sample-orders.js';

const write = (encoding?: string) =>
  writeOrderFile(
    orderFileProfileSchema.parse({
      name: 'p',
      ...(encoding ? { encoding } : {}),
      columns: [
        { header: 'Name', source: { kind: 'field', field: 'shipTo.lastName' } },
        { header: 'Note', source: { kind: 'field', field: 'giftMessage' } },
      ],
    }),
    { batchId: 'B', merchantCode: 'M', orders: [forDelivery(sampleOrder({ shipTo: { lastName: 'Müller' }, giftMessage: '5 € – 🎁' }, 1))] },
  ).content;

describe('order file encodings', () => {
  it('write UTF-8 without a BOM unless the format says otherwise', () => {
    expect(write().equals(Buffer.from('Name,Note\r\nMüller,5 € – 🎁\r\n', 'utf8'))).toBe(true);
  });

  it('write a BOM first when asked (Excel then shows the accents)', () => {
    expect(write('utf-8-bom').equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Name,Note\r\nMüller,5 € – 🎁\r\n', 'utf8')]))).toBe(true);
  });

  it('write Windows-1252 with € and – in their bytes, and "?" for what it cannot hold', () => {
    const bytes = write('windows-1252');
    expect([...bytes.subarray(bytes.indexOf(0x4d))]).toEqual([...Buffer.from('M'), 0xfc, ...Buffer.from('ller,5 '), 0x80, 0x20, 0x96, 0x20, 0x3f, 0x0d, 0x0a]);
  });
});
