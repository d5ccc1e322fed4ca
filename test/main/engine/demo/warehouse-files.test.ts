import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIRMATION_PROFILE, DEFAULT_INVENTORY_PROFILE, DEFAULT_ORDER_PROFILE } from '../../../../shared/csv-defaults.js';
import { confirmationFileProfileSchema, type OrderFileProfile } from '../../../../shared/schemas/csv-profile.js';
import { DEMO_PRODUCTS, DEMO_SHIP_CODES } from '../../../../main/engine/connectors/carts/demo/demo-catalog.js';
import { demoOrder } from '../../../../main/engine/connectors/carts/demo/demo-orders.js';
import { readConfirmationFile } from '../../../../main/engine/files/readers/confirmation-reader.js';
import { UnreadableFileError } from '../../../../main/engine/files/readers/inbound-table.js';
import { readInventoryFile } from '../../../../main/engine/files/readers/inventory-reader.js';
import { writeOrderFile } from '../../../../main/engine/files/writer/order-file-writer.js';
import { readOrderFile } from '../../../../main/engine/demo/order-file-reader.js';
import { demoStockLevels, shipOrders } from '../../../../main/engine/demo/shipping-plan.js';
import { demoTrackingNumber } from '../../../../main/engine/demo/tracking-number.js';
import { confirmationFile, inventoryFile } from '../../../../main/engine/demo/warehouse-files.js';

const methods = DEMO_SHIP_CODES.map((c) => ({ code: c.wmsCode, description: c.description, carrier: c.carrier }));
const orders = [1, 2, 3, 4].map((n) => demoOrder(7, n, '2026-11-27T10:00:00.000Z'));
const wmsCode = (cartCode: string) => DEMO_SHIP_CODES.find((c) => c.cartCode === cartCode)!.wmsCode;
const orderFile = (profile: OrderFileProfile) =>
  writeOrderFile(profile, {
    batchId: 'DEMO-000001',
    merchantCode: 'DEMO',
    orders: orders.map((order) => ({ order, mappedShipCode: wmsCode(order.shipCode), orderSource: 'Demo store' })),
  }).content;

describe('the demo warehouse reads order files and writes confirmation and inventory files', () => {
  it('reads back every order, line and ship code of a file written with the default order profile', () => {
    const picked = readOrderFile(orderFile(DEFAULT_ORDER_PROFILE), DEFAULT_ORDER_PROFILE);
    expect(picked.map((p) => p.orderNumber)).toEqual(orders.map((o) => o.orderNumber));
    for (const [i, p] of picked.entries()) {
      expect(p.lines).toEqual(orders[i].lines.map((l) => ({ sku: l.sku, quantity: l.quantity })));
      expect(p.shipCode).toBe(wmsCode(orders[i].shipCode));
    }
  });

  it('reads horizontal files and files without a header row from their profile', () => {
    const horizontal: OrderFileProfile = { ...DEFAULT_ORDER_PROFILE, layout: 'horizontal', maxItemsPerRow: 4 };
    const headless: OrderFileProfile = { ...DEFAULT_ORDER_PROFILE, headerRow: false, delimiter: ';' };
    for (const profile of [horizontal, headless]) {
      const picked = readOrderFile(orderFile(profile), profile);
      expect(picked.map((p) => p.lines.length)).toEqual(orders.map((o) => o.lines.length));
    }
  });

  it('refuses a file whose rows lack a quantity, naming the line', () => {
    const bad = Buffer.from('Order Number,SKU,Quantity\r\nD1001,MUG-CER-12,\r\n');
    expect(() => readOrderFile(bad, DEFAULT_ORDER_PROFILE)).toThrow(UnreadableFileError);
    expect(() => readOrderFile(bad, DEFAULT_ORDER_PROFILE)).toThrow(/Line 2/);
  });

  it('writes a confirmation file our own confirmation reader accepts, one tracking number per order', () => {
    const picked = readOrderFile(orderFile(DEFAULT_ORDER_PROFILE), DEFAULT_ORDER_PROFILE);
    const rows = shipOrders(picked, methods, '2026-11-28');
    const content = confirmationFile(DEFAULT_CONFIRMATION_PROFILE, rows);
    expect(content.toString('utf8').split('\r\n')[0]).toBe('Order Number,SKU,Quantity,Carrier,Service,Tracking Number,Ship Date');
    const read = readConfirmationFile('shipped.csv', content, DEFAULT_CONFIRMATION_PROFILE);
    expect(read.rowErrors).toEqual([]);
    expect(read.rows).toHaveLength(orders.reduce((n, o) => n + new Set(o.lines.map((l) => l.sku)).size, 0));
    for (const order of orders) {
      const mine = read.rows.filter((r) => r.orderNumber === order.orderNumber);
      expect(new Set(mine.map((r) => r.trackingNumber)).size).toBe(1);
      const carrier = DEMO_SHIP_CODES.find((c) => c.cartCode === order.shipCode)!.carrier;
      expect(mine[0].carrier).toBe(carrier);
      expect(mine[0].trackingNumber).toBe(demoTrackingNumber(carrier, order.orderNumber));
      expect(mine[0].shipDate).toBe('2026-11-28T00:00:00.000Z');
    }
    expect(read.rows.find((r) => r.carrier === 'UPS')?.service).toBe('Ground');
  });

  it('follows a confirmation profile that names columns by position', () => {
    const profile = confirmationFileProfileSchema.parse({
      ...DEFAULT_CONFIRMATION_PROFILE,
      headerRow: false,
      delimiter: '|' as const,
      columns: { orderNumber: 2, sku: 1, quantity: 3, carrier: 4, trackingNumber: 5, shipDate: 6 },
    });
    const rows = shipOrders([{ orderNumber: 'D1001', shipCode: 'USPS-GA', carrier: '', lines: [{ sku: 'CAP-NAVY', quantity: 2 }] }], methods, '2026-11-28');
    const read = readConfirmationFile('shipped.csv', confirmationFile(profile, rows), profile);
    expect(read.rows).toMatchObject([{ orderNumber: 'D1001', sku: 'CAP-NAVY', quantity: 2, carrier: 'USPS' }]);
  });

  it('makes carrier-shaped tracking numbers that depend only on the order number', () => {
    expect(demoTrackingNumber('UPS', 'D1001')).toMatch(/^1Z[0-9A-Z]{16}$/);
    expect(demoTrackingNumber('USPS', 'D1001')).toMatch(/^9400\d{18}$/);
    expect(demoTrackingNumber('FedEx', 'D1001')).toMatch(/^\d{12}$/);
    expect(demoTrackingNumber('UPS', 'D1001')).toBe(demoTrackingNumber('UPS', 'D1001'));
    expect(demoTrackingNumber('UPS', 'D1001')).not.toBe(demoTrackingNumber('UPS', 'D1002'));
  });

  it('writes an inventory file of every demo SKU that our inventory reader accepts', () => {
    const content = inventoryFile(DEFAULT_INVENTORY_PROFILE, demoStockLevels(500_000));
    const read = readInventoryFile('stock.csv', content, DEFAULT_INVENTORY_PROFILE);
    expect(read.rowErrors).toEqual([]);
    expect(read.rows.map((r) => r.sku)).toEqual(DEMO_PRODUCTS.map((p) => p.sku));
    for (const r of read.rows) expect(r.quantity).toBeGreaterThanOrEqual(0);
    expect(read.rows.some((r) => r.quantity > 0)).toBe(true);
  });
});
