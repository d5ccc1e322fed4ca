import { describe, expect, it } from 'vitest';
import { cartInputSchema } from '../../../shared/contract.js';
import { carrierForCart } from '../../../shared/carrier-mapping.js';
import { magentoPlatform, magentoSettingsSchema } from '../../../shared/platforms/magento.js';

const common = { merchantId: 1, name: 'Acme', earliestOrderDate: '2026-01-01T00:00:00Z' };

function redact(text: string): string {
  return magentoPlatform.secretPatterns.reduce((t, { pattern, replace }) => t.replace(pattern, replace), text);
}

describe('the Magento platform descriptor', () => {
  it('fills in the store code, MSI source, processing orders and the integration token by default', () => {
    expect(magentoSettingsSchema.parse({ storeUrl: 'https://shop.example.com' })).toEqual({
      storeUrl: 'https://shop.example.com',
      storeCode: 'default',
      sourceCode: 'default',
      orderStatuses: ['processing'],
      authMode: 'integration_token',
    });
    const input = cartInputSchema.safeParse({ ...common, platform: 'magento', settings: { storeUrl: 'https://shop.example.com' }, credentials: { accessToken: 'abc' } });
    expect(input.success).toBe(true);
  });

  it('refuses a store address over http, except to this machine', () => {
    const http = magentoSettingsSchema.safeParse({ storeUrl: 'http://shop.example.com' });
    expect(http.error?.issues[0].message).toMatch(/https:\/\//);
    expect(magentoSettingsSchema.safeParse({ storeUrl: 'http://127.0.0.1:8080' }).success).toBe(true);
    expect(magentoSettingsSchema.safeParse({ storeUrl: 'shop.example.com' }).success).toBe(true);
    expect(magentoSettingsSchema.safeParse({ storeUrl: 'https://shop.example.com', storeCode: 'en-us' }).success).toBe(false);
  });

  it('asks for the token or the admin user and password, by sign-in mode, and sends them to the store address', () => {
    expect(Object.keys(magentoPlatform.requiredCredentials({ authMode: 'integration_token' }))).toEqual(['accessToken']);
    expect(Object.keys(magentoPlatform.requiredCredentials({ authMode: 'admin_user' }))).toEqual(['username', 'password']);
    const settings = magentoSettingsSchema.parse({ storeUrl: 'https://example.com/shop/index.php/admin' });
    expect(magentoPlatform.secretAddress(settings)).toBe('https://example.com/shop');
  });

  it('redacts bearer tokens and the admin password of the token exchange from logged text', () => {
    expect(redact('GET /rest/default/V1/orders Authorization: Bearer 8f3kq2lz9x0c1v7b')).toBe('GET /rest/default/V1/orders Authorization: Bearer [redacted]');
    expect(redact('{"authorization":"Bearer 8f3kq2lz9x0c1v7b"}')).not.toContain('8f3kq2lz9x0c1v7b');
    expect(redact('POST /V1/integration/admin/token {"username":"dockhand","password":"S3c\\"ret!"}')).toBe(
      'POST /V1/integration/admin/token {"username":"dockhand","password":"[redacted]"}',
    );
  });

  it("maps the warehouse's carriers to Magento's carrier codes, any other as a custom carrier by name", () => {
    const facts = (carrier: string) => ({ carrier, trackingNumber: '1Z999' });
    expect(carrierForCart(magentoPlatform.carriers, {}, facts('FedEx Ground'))).toEqual({ carrier: 'fedex', listed: true });
    expect(carrierForCart(magentoPlatform.carriers, {}, facts('UPS'))).toEqual({ carrier: 'ups', listed: true });
    expect(carrierForCart(magentoPlatform.carriers, {}, facts('Canada Post'))).toEqual({ carrier: 'Canada Post', listed: false });
  });

  it('reads its sync position in words, and says when one cannot be read', () => {
    expect(magentoPlatform.describeSyncPosition('{"v":1,"updatedAt":"2026-11-20T10:32:00.000Z"}', common.earliestOrderDate).summary).toBe(
      'Orders updated after 2026-11-20 10:32 UTC are downloaded next.',
    );
    expect(magentoPlatform.describeSyncPosition('2026-11-20 10:32:00', common.earliestOrderDate).unreadable).toBe(true);
    expect(magentoPlatform.describeSyncPosition(null, common.earliestOrderDate).summary).toMatch(/^Not started/);
  });
});
