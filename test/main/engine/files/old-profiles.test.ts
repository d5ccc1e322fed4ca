import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORDER_PROFILE } from '../../../../shared/csv-defaults.js';
import { confirmationFileProfileSchema, inventoryFileProfileSchema, orderFileProfileSchema } from '../../../../shared/schemas/csv-profile.js';
import { csvWmsSettingsSchema } from '../../../../shared/schemas/wms.js';
import { readConfirmationFile } from '../../../../main/engine/files/readers/confirmation-reader.js';
import { readInventoryFile } from '../../../../main/engine/files/readers/inventory-reader.js';
import { writeOrderFile } from '../../../../main/engine/files/writer/order-file-writer.js';
import { OLD_ORDER_PROFILES, oldProfileOrders } from './old-profiles.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/old-profiles/${name}.csv`, import.meta.url));

describe('profiles saved before the transform registry', () => {
  it.each(Object.keys(OLD_ORDER_PROFILES))('%s parses and writes the same file, byte for byte, as the old writer did', (name) => {
    const profile = orderFileProfileSchema.parse(JSON.parse(JSON.stringify(OLD_ORDER_PROFILES[name])));
    expect(profile.formulaGuard).toBe(true);
    const out = writeOrderFile(profile, { batchId: 'B-7', merchantCode: 'ACME', carriers: new Map([['FEDEX', 'FedEx']]), orders: oldProfileOrders() });
    expect(out.content.equals(fixture(name))).toBe(true);
  });

  it('the default order profile writes the same file as before, byte for byte', () => {
    const out = writeOrderFile(DEFAULT_ORDER_PROFILE, { batchId: 'B-7', merchantCode: 'ACME', carriers: new Map([['FEDEX', 'FedEx']]), orders: oldProfileOrders() });
    expect(out.content.toString('utf8')).toBe(fixture('default').toString('utf8'));
  });

  it('a whole old WMS setup (plain column references, no encoding, no formula guard setting) still parses', () => {
    const old = {
      kind: 'csv',
      transport: { kind: 'folder', path: '/srv/wms' },
      folderOrder: 'client_then_wms',
      folders: { orders: 'orders', confirmations: 'confirmations', inventory: 'inventory' },
      orderProfile: OLD_ORDER_PROFILES['cut-join-constant-horizontal'],
      confirmationProfile: {
        delimiter: ';',
        headerRow: true,
        columns: { orderNumber: 'Ref', sku: 'Item', quantity: 'Qty', carrier: 'Carrier', trackingNumber: 'Tracking', shipDate: 'Shipped', cost: 'Cost' },
        timeZone: 'America/Chicago',
      },
      inventoryProfile: { delimiter: ',', headerRow: false, columns: { sku: 1, quantity: 2 } },
    };
    const settings = csvWmsSettingsSchema.parse(old);
    expect(settings.confirmationProfile!.columns.orderNumber).toEqual({ source: { kind: 'column', column: 'Ref' }, transforms: [] });
    expect(settings.confirmationProfile).toMatchObject({ encoding: 'auto', rowsAre: 'items', groupBy: 'orderAndTracking' });
    expect(settings.inventoryProfile!.columns.sku).toEqual({ source: { kind: 'column', column: 1 }, transforms: [] });
  });

  it('an old confirmation profile reads the date shapes it always read, in its zone (its explicit default: LEGACY_COMMON)', () => {
    const profile = confirmationFileProfileSchema.parse({
      delimiter: ',',
      headerRow: true,
      columns: { orderNumber: 'Order', sku: 'SKU', quantity: 'Qty', carrier: 'Carrier', trackingNumber: 'Tracking', shipDate: 'Shipped' },
      timeZone: 'America/Chicago',
    });
    const file = ['Order,SKU,Qty,Carrier,Tracking,Shipped', '1,A,1,UPS,T1,2026-11-27', '2,A,1,UPS,T2,11/28/2026 2:30 PM', '3,A,1,UPS,T3,20261129', '4,A,1,UPS,T4,2026-11-30T10:00:00Z', '5,A,1,UPS,T5,31/12/2026'].join('\n');
    const { rows, rowErrors } = readConfirmationFile('c.csv', Buffer.from(file), profile);
    expect(rowErrors).toEqual([]);
    expect(rows.map((r) => r.shipDate)).toEqual([
      '2026-11-27T06:00:00.000Z',
      '2026-11-28T20:30:00.000Z',
      '2026-11-29T06:00:00.000Z',
      '2026-11-30T10:00:00.000Z',
      '2026-12-31T06:00:00.000Z',
    ]);
  });

  it('an old inventory profile reads by position as before', () => {
    const profile = inventoryFileProfileSchema.parse({ delimiter: ';', headerRow: false, columns: { sku: 2, quantity: 1 } });
    expect(readInventoryFile('i.csv', Buffer.from('5;A-1\n0;B-2\n'), profile).rows).toEqual([
      { sku: 'A-1', quantity: 5, line: 1 },
      { sku: 'B-2', quantity: 0, line: 2 },
    ]);
  });
});
