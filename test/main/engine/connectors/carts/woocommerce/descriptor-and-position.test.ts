import { describe, expect, it } from 'vitest';
import { woocommercePlugin } from '../../../../../../main/engine/connectors/carts/woocommerce/plugin.js';
import { redactString } from '../../../../../../main/engine/log/redact.js';
import { ledgerNote, readLedgerNote, shippedPerLine } from '../../../../../../main/engine/connectors/carts/woocommerce/shipment-ledger.js';
import { woocommercePlatform } from '../../../../../../shared/platforms/woocommerce.js';

const EARLIEST = '2026-11-01T00:00:00.000Z';

describe('the WooCommerce descriptor', () => {
  it('keeps consumer keys and secrets out of logged text, bare or in a query string', () => {
    const line = 'GET https://shop.example/wp-json/wc/v3/orders?consumer_key=ck_4f1c2e9a0b7d&consumer_secret=abc123 failed; key cs_9e8d7c6b5a4f3e2d';
    const redacted = redactString(line);
    expect(redacted).not.toMatch(/ck_4f1c|abc123|cs_9e8d/);
    expect(redacted).toContain('consumer_secret=[redacted]');
  });

  it('says the saved position in words and reads back only what the download can use', () => {
    const position = JSON.stringify({ v: 1, updatedAt: '2026-11-20T10:32:05.000Z', createdAtMin: EARLIEST, recent: {} });
    expect(woocommercePlatform.describeSyncPosition(position, EARLIEST)).toMatchObject({
      summary: 'Orders updated after 2026-11-20 10:32 UTC are downloaded next.',
      unreadable: false,
    });
    expect(woocommercePlatform.describeSyncPosition('page 3', EARLIEST).unreadable).toBe(true);
    expect(woocommercePlatform.describeSyncPosition(null, EARLIEST).summary).toContain('Not started');
  });

  it('sends the keys to the store address, or to the override named for the store', () => {
    expect(woocommercePlatform.secretAddress({ storeUrl: 'https://shop.example/' })).toBe('https://shop.example');
    expect(woocommercePlatform.secretAddress({ storeUrl: 'https://shop.example', baseUrl: 'http://127.0.0.1:9/' })).toBe(
      'http://127.0.0.1:9 for https://shop.example',
    );
  });
});

describe('a WooCommerce position typed in Diagnostics', () => {
  const context = { earliestOrderDate: EARLIEST, now: '2026-11-25T00:00:00.000Z' };

  it('is saved in the form the download writes, keeping the earliest order date', () => {
    expect(JSON.parse(woocommercePlugin.parseCursor!('2026-11-20T10:32:00+01:00', context))).toEqual({ v: 1, updatedAt: '2026-11-20T09:32:00.000Z', createdAtMin: EARLIEST });
  });

  it('is refused when it cannot be read or lies in the future', () => {
    expect(() => woocommercePlugin.parseCursor!('yesterday', context)).toThrow(/time with its zone/);
    expect(() => woocommercePlugin.parseCursor!('2027-01-01T00:00:00Z', context)).toThrow(/in the future/);
  });
});

describe('the package ledger note', () => {
  it('reads back the units per line it names, leaving out a package being sent again', () => {
    const note = ledgerNote({ trackingNumber: '1Z9', items: [{ cartLineId: '17', sku: 'TENT; 2P', quantity: 2 }, { cartLineId: '18', sku: '', quantity: 1 }] });
    expect(readLedgerNote(note)).toEqual({ trackingNumber: '1Z9', lines: { '17': 2, '18': 1 } });
    expect(readLedgerNote('Your order has shipped with UPS. Tracking number 1Z9')).toBeUndefined();
    const other = ledgerNote({ trackingNumber: '1Z8', items: [{ cartLineId: '17', sku: 'A', quantity: 1 }] });
    expect(shippedPerLine([{ note }, { note: other }], '1Z9')).toEqual({ '17': 1 });
  });
});
