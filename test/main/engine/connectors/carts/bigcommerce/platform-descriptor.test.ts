import { describe, expect, it } from 'vitest';
import { carrierFields } from '../../../../../../main/engine/connectors/carts/bigcommerce/carrier-fields.js';
import { checkEditedCursor } from '../../../../../../main/engine/connectors/carts/bigcommerce/download-cursor.js';
import { bigcommercePlugin } from '../../../../../../main/engine/connectors/carts/bigcommerce/index.js';
import { carrierForCart } from '../../../../../../shared/carrier-mapping.js';
import { CARRIERS } from '../../../../../../shared/carriers.js';
import { cartInputSchema } from '../../../../../../shared/contract.js';
import { bigcommercePlatform, bigcommerceSettingsSchema } from '../../../../../../shared/platforms/bigcommerce.js';
import { cartPlatform } from '../../../../../../shared/platforms/index.js';

/** The carrier fields a shipment goes to BigCommerce with, from the warehouse's carrier as written. */
const fieldsFor = (carrier: string, trackingNumber = '1Z999') => {
  const mapped = carrierForCart(bigcommercePlatform.carriers, {}, { carrier, trackingNumber });
  return carrierFields(mapped.carrier, mapped.trackingUrl);
};

describe('the BigCommerce platform descriptor', () => {
  it('is a platform a person can connect: in the list, in the contract, with a connector', () => {
    expect(cartPlatform('bigcommerce')?.displayName).toBe('BigCommerce');
    const input = { merchantId: 1, name: 'Acme', earliestOrderDate: '2026-01-01T00:00:00Z', platform: 'bigcommerce' };
    expect(cartInputSchema.safeParse({ ...input, settings: { storeHash: 'abc123' }, credentials: { accessToken: 'tok' } }).success).toBe(true);
    expect(cartInputSchema.safeParse({ ...input, settings: { storeHash: 'not a hash!' } }).success).toBe(false);
    expect(bigcommercePlugin.manifest).toEqual({ platform: 'bigcommerce', displayName: 'BigCommerce', capabilities: { shipments: true, inventory: true, tracking: 'per_line' } });
  });

  it('downloads Awaiting Fulfillment orders unless setup chooses other statuses, and refuses an unknown status', () => {
    const settings = bigcommerceSettingsSchema.parse({ storeHash: 'ABC123' });
    expect(settings).toEqual({ storeHash: 'abc123', apiBase: 'https://api.bigcommerce.com', statusIds: [11], locationId: 1 });
    expect(bigcommerceSettingsSchema.safeParse({ storeHash: 'abc123', statusIds: [42] }).success).toBe(false);
    expect(bigcommerceSettingsSchema.safeParse({ storeHash: 'abc123', statusIds: [] }).success).toBe(false);
  });

  it('sends the token only to the store and address it was saved for, and needs only the token', () => {
    const settings = bigcommerceSettingsSchema.parse({ storeHash: 'abc123' });
    expect(bigcommercePlatform.secretAddress(settings)).toBe('https://api.bigcommerce.com/stores/abc123');
    expect(bigcommercePlatform.secretAddress({ ...settings, baseUrl: 'http://127.0.0.1:9000/' })).toBe('http://127.0.0.1:9000/stores/abc123');
    expect(bigcommercePlatform.secretAddress({ ...settings, storeHash: 'other' })).not.toBe(bigcommercePlatform.secretAddress(settings));
    expect(Object.keys(bigcommercePlatform.requiredCredentials())).toEqual(['accessToken']);
  });

  it('redacts the X-Auth-Token header and the token field written out in text', () => {
    const redact = (text: string) => bigcommercePlatform.secretPatterns.reduce((t, { pattern, replace }) => t.replace(pattern, replace), text);
    expect(redact('GET /v2/orders X-Auth-Token: abc123secret accept: json')).toBe('GET /v2/orders X-Auth-Token: [redacted] accept: json');
    expect(redact('{"x-auth-token":"abc123secret","accept":"application/json"}')).toBe('{"x-auth-token":"[redacted]","accept":"application/json"}');
    expect(redact('{"accessToken":"abc123secret"}')).toBe('{"accessToken":"[redacted]"}');
    expect(redact('{"access_token":"abc123secret","context":"stores/abc"}')).toBe('{"access_token":"[redacted]","context":"stores/abc"}');
  });

  it('reads the sync position in words', () => {
    const position = bigcommercePlatform.describeSyncPosition('{"v":1,"updatedAt":"2026-11-20T10:32:00.000Z"}', '2026-01-01T00:00:00Z');
    expect(position.summary).toBe('Orders updated after 2026-11-20 10:32 UTC are downloaded next.');
    expect(bigcommercePlatform.describeSyncPosition('page 4', '2026-01-01T00:00:00Z').unreadable).toBe(true);
  });
});

describe('BigCommerce carrier names', () => {
  it('sends the carriers BigCommerce integrates as shipping_provider', () => {
    expect(fieldsFor('UPS')).toEqual({ shipping_provider: 'ups' });
    expect(fieldsFor('FedEx Ground')).toEqual({ shipping_provider: 'fedex' });
    expect(fieldsFor('USPS')).toEqual({ shipping_provider: 'usps' });
    expect(fieldsFor('Canada Post')).toEqual({ shipping_provider: 'canadapost' });
    expect(fieldsFor('Australia Post')).toEqual({ shipping_provider: 'auspost' });
    expect(fieldsFor('Royal Mail')).toEqual({ shipping_provider: 'royalmail' });
  });

  it('sends every other carrier Dockhand knows as a tracking_carrier slug, never as a custom carrier', () => {
    for (const carrier of CARRIERS) {
      const fields = fieldsFor(carrier.code);
      expect(fields.shipping_provider || fields.tracking_carrier, carrier.code).toBeTruthy();
    }
    expect(fieldsFor('DHL eCommerce')).toEqual({ tracking_carrier: 'dhl-global-mail' });
    expect(fieldsFor('LaserShip')).toEqual({ tracking_carrier: 'lasership' });
  });

  it('sends a carrier nobody knows with its name and the tracking link the warehouse gave', () => {
    const mapped = carrierForCart(bigcommercePlatform.carriers, {}, { carrier: "Bob's Courier", trackingNumber: 'B1', trackingUrl: 'https://bob.example/t/B1' });
    expect(carrierFields(mapped.carrier, mapped.trackingUrl)).toEqual({
      shipping_provider: '',
      tracking_carrier: '',
      tracking_link: 'https://bob.example/t/B1',
      comments: "Carrier: Bob's Courier",
    });
  });

  it("takes a person's name for a carrier: a store's own shipping provider or an AfterShip slug", () => {
    const own = carrierForCart(bigcommercePlatform.carriers, { UPS: 'carrier_12' }, { carrier: 'UPS', trackingNumber: '1' });
    expect(carrierFields(own.carrier, own.trackingUrl)).toEqual({ shipping_provider: 'carrier_12' });
  });
});

describe('a BigCommerce sync position typed in Diagnostics', () => {
  const context = { earliestOrderDate: '2026-01-01T00:00:00Z', now: '2026-11-20T12:00:00Z' };

  it('is saved as the download writes it, keeping the earliest order date', () => {
    expect(JSON.parse(checkEditedCursor('2026-11-20T05:32:00-05:00', context))).toEqual({ v: 1, updatedAt: '2026-11-20T10:32:00.000Z', createdAtMin: '2026-01-01T00:00:00.000Z' });
  });

  it('is refused, saying why, when it cannot be read or lies in the future', () => {
    expect(() => checkEditedCursor('yesterday', context)).toThrow(/time with its zone/);
    expect(() => checkEditedCursor('{"updatedAt":"soon"}', context)).toThrow(/JSON with "updatedAt"/);
    expect(() => checkEditedCursor('2027-01-01T00:00:00Z', context)).toThrow(/in the future/);
    expect(() => checkEditedCursor('  ', context)).toThrow(/Enter a position/);
  });
});
