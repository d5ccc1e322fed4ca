import { describe, expect, it } from 'vitest';
import { etsyPlatform } from '../../../shared/platforms/etsy.js';
import { ETSY_DEFAULT_REDIRECT, etsySecretAddress } from '../../../shared/schemas/etsy.js';

const settings = etsyPlatform.settingsSchema.parse({});
const oauth = etsyPlatform.oauth;

describe('the Etsy descriptor', () => {
  it('suggests a loopback redirect, which the consent flow listens on; another registered address is pasted back', () => {
    expect(settings.redirectUri).toBe(ETSY_DEFAULT_REDIRECT);
    expect(oauth.redirect(settings, {})).toEqual({ sent: 'http://localhost:3003/oauth/redirect', listenAt: 'http://localhost:3003/oauth/redirect' });
    const https = etsyPlatform.settingsSchema.parse({ redirectUri: 'https://example.com/etsy/return' });
    expect(oauth.redirect(https, {})).toEqual({ sent: 'https://example.com/etsy/return', listenAt: null });
  });

  it("opens Etsy's consent page with the keystring, every scope, the state and an S256 challenge", () => {
    const url = new URL(oauth.consentUrl({ settings, app: { keystring: 'abc123' }, state: 'st', redirectUri: settings.redirectUri, codeChallenge: 'ch' }));
    expect(`${url.origin}${url.pathname}`).toBe('https://www.etsy.com/oauth/connect');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'abc123',
      redirect_uri: 'http://localhost:3003/oauth/redirect',
      scope: 'transactions_r transactions_w listings_r listings_w',
      state: 'st',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
    });
    expect(url.search).toContain('scope=transactions_r%20transactions_w%20listings_r%20listings_w');
    expect(oauth.pkce).toBe(true);
    const test = etsyPlatform.settingsSchema.parse({ baseUrl: 'http://127.0.0.1:4000' });
    expect(oauth.consentUrl({ settings: test, app: { keystring: 'k' }, state: 's', redirectUri: test.redirectUri, codeChallenge: 'c' })).toMatch(/^http:\/\/127\.0\.0\.1:4000\/oauth\/connect\?/);
  });

  it('asks only for the app fields before connecting; the grant fields come from the flow', () => {
    expect(Object.keys(etsyPlatform.requiredCredentials())).toEqual(['keystring']);
    expect(oauth.appFields).toEqual(['keystring', 'sharedSecret']);
    expect(etsyPlatform.credentialsSchema.safeParse({ keystring: 'k' }).success).toBe(true);
    expect(etsyPlatform.credentialsSchema.safeParse({ keystring: 'k', shopId: 'shop' }).success).toBe(false);
    expect(etsySecretAddress({})).toBe('https://api.etsy.com');
    expect(etsySecretAddress({ baseUrl: 'http://127.0.0.1:4000/' })).toBe('http://127.0.0.1:4000 for Etsy');
  });

  it('redacts the app key header, bearer tokens and token endpoint fields from text', () => {
    let text = 'x-api-key: abcdef123456:secretpart Authorization: Bearer 51234567.AbCdEf0123456789 refresh_token=51234567.ZyXw0987654321&code_verifier=verifier0123456789';
    for (const { pattern, replace } of etsyPlatform.secretPatterns) text = text.replace(pattern, replace);
    expect(text).not.toMatch(/abcdef123456|secretpart|AbCdEf0123456789|ZyXw0987654321|verifier0123456789/);
    // A tracking code or a barcode is not a secret.
    let kept = 'tracking_code=1Z999AA10123456784 barcode: 0123456789012';
    for (const { pattern, replace } of etsyPlatform.secretPatterns) kept = kept.replace(pattern, replace);
    expect(kept).toBe('tracking_code=1Z999AA10123456784 barcode: 0123456789012');
  });

  it('reads the sync position as the time of the last receipt change', () => {
    expect(etsyPlatform.describeSyncPosition('{"v":1,"updatedAt":"2026-11-20T10:32:00Z"}', '2026-01-01T00:00:00Z').summary).toBe('Orders updated after 2026-11-20 10:32 UTC are downloaded next.');
    expect(etsyPlatform.describeSyncPosition('garbage', '2026-01-01T00:00:00Z').unreadable).toBe(true);
  });

  it('maps the warehouse carriers to the names Etsy tracks', () => {
    expect(etsyPlatform.carriers.names.FDX).toBe('fedex');
    expect(etsyPlatform.carriers.names.USPS).toBe('usps');
    expect(etsyPlatform.capabilities).toEqual({ shipments: true, inventory: true, tracking: 'per_order' });
  });
});
