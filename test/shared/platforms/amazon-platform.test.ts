import { describe, expect, it } from 'vitest';
import { cartInputSchema } from '../../../shared/contract.js';
import { amazonOAuth, amazonPlatform } from '../../../shared/platforms/amazon.js';
import { amazonCredentialsSchema, amazonSettingsSchema } from '../../../shared/schemas/amazon.js';

const common = { merchantId: 1, name: 'Acme on Amazon', earliestOrderDate: '2026-01-01T00:00:00Z' };

describe('the Amazon platform descriptor', () => {
  it('defaults to North America, the US marketplace, merchant-fulfilled orders and the consent path', () => {
    expect(amazonSettingsSchema.parse({})).toEqual({
      region: 'na',
      marketplaceIds: ['ATVPDKIKX0DER'],
      includeAfn: false,
      shipCodeFrom: 'category',
      primeShipCodes: true,
      authMode: 'consent',
      draftApp: false,
    });
    const app = { clientId: 'amzn1.application-oa2-client.x', clientSecret: 'amzn1.oa2-cs.v1.y', applicationId: 'amzn1.sp.solution.z' };
    expect(cartInputSchema.safeParse({ ...common, platform: 'amazon', settings: {}, credentials: app }).success).toBe(true);
  });

  it('refuses a base URL or redirect URI over http except to this machine, and a marketplace id that is not one', () => {
    expect(amazonSettingsSchema.safeParse({ baseUrl: 'http://proxy.example.com' }).error?.issues[0].message).toMatch(/https/);
    expect(amazonSettingsSchema.safeParse({ baseUrl: 'http://127.0.0.1:9000' }).success).toBe(true);
    expect(amazonSettingsSchema.safeParse({ redirectUri: 'http://example.com/landing' }).success).toBe(false);
    expect(amazonSettingsSchema.safeParse({ marketplaceIds: ['us'] }).success).toBe(false);
    expect(amazonSettingsSchema.safeParse({ marketplaceIds: [] }).success).toBe(false);
  });

  it('sends the credentials to the region, or to the base URL named with the region', () => {
    expect(amazonPlatform.secretAddress(amazonSettingsSchema.parse({ region: 'eu' }))).toBe('https://sellingpartnerapi-eu.amazon.com');
    expect(amazonPlatform.secretAddress(amazonSettingsSchema.parse({ baseUrl: 'http://127.0.0.1:9000/' }))).toBe('http://127.0.0.1:9000 for Amazon NA');
  });

  it('has every app and grant field of its consent flow among its credentials', () => {
    const fields = Object.keys(amazonCredentialsSchema.shape);
    for (const f of [...amazonOAuth.appFields, ...amazonOAuth.grantFields]) expect(fields).toContain(f);
    expect(amazonOAuth.codeParam).toBe('spapi_oauth_code');
    expect(amazonOAuth.extraParams).toEqual(['selling_partner_id']);
  });

  it("says where the download stands in words, and names Amazon's carriers once each", () => {
    const text = amazonPlatform.describeSyncPosition('{"v":1,"updatedAt":"2026-11-20T10:32:00.000Z"}', '2026-01-01T00:00:00Z');
    expect(text.unreadable).toBe(false);
    expect(text.editValue).toBe('2026-11-20T10:32:00.000Z');
    expect(amazonPlatform.describeSyncPosition('garbage', '2026-01-01T00:00:00Z').unreadable).toBe(true);
    const names = Object.values(amazonPlatform.carriers.names);
    expect(new Set(names).size).toBe(names.length);
    expect(amazonPlatform.carriers.names.FDX).toBe('FedEx');
  });
});
