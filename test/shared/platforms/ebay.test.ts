import { describe, expect, it } from 'vitest';
import { cartInputSchema } from '../../../shared/contract.js';
import { ebayBudget, ebayPlatform } from '../../../shared/platforms/ebay.js';
import { ebaySettingsSchema } from '../../../shared/schemas/ebay.js';

const redact = (text: string) => ebayPlatform.secretPatterns.reduce((t, { pattern, replace }) => t.replace(pattern, replace), text);

describe('the eBay descriptor', () => {
  it('takes a cart saved with only the app fields, and sends the credentials to eBay or the test address', () => {
    const input = { merchantId: 1, name: 'Acme on eBay', earliestOrderDate: '2026-01-01T00:00:00Z', platform: 'ebay', settings: {}, credentials: { clientId: 'a', clientSecret: 'b', ruName: 'c' } };
    expect(cartInputSchema.safeParse(input).success).toBe(true);
    expect(ebayPlatform.secretAddress(ebaySettingsSchema.parse({}))).toBe('https://api.ebay.com');
    expect(ebayPlatform.secretAddress(ebaySettingsSchema.parse({ environment: 'sandbox' }))).toBe('https://api.sandbox.ebay.com');
    expect(ebayPlatform.secretAddress(ebaySettingsSchema.parse({ baseUrl: 'http://127.0.0.1:4000/' }))).toBe('http://127.0.0.1:4000 for eBay');
  });

  it("keeps eBay's tokens, the Basic header and a refresh form out of log lines", () => {
    const line = [
      'Authorization: Bearer v^1.1#i^1#p^3#I^3#r^0#f^0#t^H4sIAAAAAAAAAOVYa2wUVRSe2W0X',
      'authorization: "Basic RG9ja2hhbmQ6c2VjcmV0"',
      'grant_type=refresh_token&refresh_token=v^1.1#i^1#r^1#f^0#t^abc&scope=x',
      '{"refresh_token":"v^1.1#i^1#r^1#t^zzz"}',
    ].join(' | ');
    const out = redact(line);
    expect(out).not.toMatch(/H4sIAAAA|RG9ja2hhbmQ6c2VjcmV0|t\^abc|t\^zzz/);
    expect(out).toContain('[redacted]');
  });

  it('reads its position in words, saying eBay reaches back 90 days', () => {
    const text = ebayPlatform.describeSyncPosition('{"v":1,"updatedAt":"2026-11-20T10:32:00.000Z"}', '2026-01-01T00:00:00Z');
    expect(text.summary).toBe('Orders updated after 2026-11-20 10:32 UTC are downloaded next.');
    expect(text.editHint).toContain('90 days');
    expect(ebayPlatform.describeSyncPosition('soon', '2026-01-01T00:00:00Z').unreadable).toBe(true);
  });

  it("spreads each API's daily call limit over the day, with a five-second burst", () => {
    expect(ebayBudget('fulfillment')).toEqual({ ratePerSecond: 100_000 / 86_400, burst: 6 });
    expect(ebayBudget('inventory').ratePerSecond).toBeCloseTo(23.15, 2);
  });
});
