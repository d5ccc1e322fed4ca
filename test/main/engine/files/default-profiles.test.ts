import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONFIRMATION_PROFILE,
  DEFAULT_INVENTORY_PROFILE,
  DEFAULT_ORDER_PROFILE,
  defaultCsvWmsSettings,
} from '../../../../shared/csv-defaults.js';
import { csvWmsSettingsSchema } from '../../../../shared/schemas/wms.js';
import { readConfirmationFile } from '../../../../main/engine/files/readers/confirmation-reader.js';
import { readInventoryFile } from '../../../../main/engine/files/readers/inventory-reader.js';
import { writeOrderFile } from '../../../../main/engine/files/writer/order-file-writer.js';
import { forDelivery, sampleOrder } from '../csv/sample-orders.js';

describe('default CSV profiles', () => {
  it('build complete WMS settings that pass the settings schema unchanged', () => {
    const settings = defaultCsvWmsSettings({ kind: 'folder', path: '/srv/wms' });
    expect(csvWmsSettingsSchema.parse(settings)).toEqual(settings);
    const ftp = defaultCsvWmsSettings({ kind: 'ftp', host: 'wms.local', port: 21, user: 'u', security: 'explicit', allowSelfSigned: true, passive: true, root: '/' });
    expect(csvWmsSettingsSchema.parse(ftp)).toEqual(ftp);
  });

  it('give each setup its own copy of the profiles', () => {
    const a = defaultCsvWmsSettings({ kind: 'folder', path: '/a' });
    a.orderProfile!.columns.pop();
    expect(defaultCsvWmsSettings({ kind: 'folder', path: '/b' }).orderProfile!.columns).toHaveLength(DEFAULT_ORDER_PROFILE.columns.length);
  });

  it('write the order header a WMS import expects, one row per line item', () => {
    const out = writeOrderFile(DEFAULT_ORDER_PROFILE, { batchId: 'B1', merchantCode: 'ACME', orders: [forDelivery(sampleOrder())] });
    const [header, first, second] = out.content.toString('utf8').split('\r\n');
    expect(header).toBe(
      'Order Number,Order Date,PO Number,Order Source,Ship Method,Carrier,Ship To Name,Ship To Company,Ship To Address 1,Ship To Address 2,Ship To Address 3,Ship To City,Ship To State,Ship To Zip,Ship To Country,Ship To Phone,Ship To Email,Line No,SKU,Description,Quantity,Unit Price,Gift Message,Instructions,Requested Ship Date,Client,Batch',
    );
    expect(first).toBe(
      `#1001,2026-11-27,PO-77,Shopify,UPSGND,UPS,Ann Lee,"Lee & Sons, Inc.",12 Main St,,,Springfield,IL,62701,US,+1 555 0100,ann@example.com,1,SKU-1,Item 1,1,19.99,,,,ACME,B1`,
    );
    expect(second).toMatch(/^#1001,.*,2,SKU-2,Item 2,2,29\.99,/);
  });

  it('read the confirmation and inventory files such a WMS sends back', () => {
    const confirmations = readConfirmationFile(
      'c.csv',
      Buffer.from('Order Number,SKU,Quantity,Carrier,Service,Tracking Number,Ship Date\r\n#1001,SKU-1,1,UPS,Ground,1Z9,2026-11-28\r\n'),
      DEFAULT_CONFIRMATION_PROFILE,
    );
    expect(confirmations.rows).toHaveLength(1);
    const inventory = readInventoryFile('i.csv', Buffer.from('SKU,Quantity,Location\r\nSKU-1,5,A1\r\n'), DEFAULT_INVENTORY_PROFILE);
    expect(inventory.rows).toEqual([{ sku: 'SKU-1', quantity: 5, location: 'A1', line: 2 }]);
  });
});
