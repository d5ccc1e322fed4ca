import { afterEach, describe, expect, it } from 'vitest';
import { ebayPlugin } from '../../../../../../main/engine/connectors/carts/ebay/plugin.js';
import { silentLogger } from '../../../../../../main/engine/platform/ports.js';
import { DockhandError } from '../../../../../../shared/errors.js';
import { ebayOAuth, ebayPlatform } from '../../../../../../shared/platforms/ebay.js';
import { ebaySettingsSchema } from '../../../../../../shared/schemas/ebay.js';
import { createVirtualClock } from '../../../../../conformance/virtual-clock.js';
import { createFakeEbay, REFRESH_TOKEN_SECONDS, type FakeEbay } from '../../../../../fakes/ebay/index.js';

/** eBay's consent (the RuName as redirect_uri, a pasted landing address) and the code exchange. */

let fake: FakeEbay;
afterEach(() => fake?.close());

describe('connecting an eBay account', () => {
  it("opens eBay's consent page with the RuName as redirect_uri, and the person pastes where eBay lands (no loopback)", () => {
    const settings = ebaySettingsSchema.parse({});
    const app = { clientId: 'App-PRD-1', clientSecret: 's', ruName: 'Acme-RuName' };
    expect(ebayOAuth.redirect(settings, app)).toEqual({ sent: 'Acme-RuName', listenAt: null });
    const url = new URL(ebayOAuth.consentUrl({ settings, app, state: 'st', redirectUri: 'Acme-RuName' }));
    expect(url.origin + url.pathname).toBe('https://auth.ebay.com/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ client_id: 'App-PRD-1', redirect_uri: 'Acme-RuName', response_type: 'code', state: 'st' });
    expect(url.searchParams.get('scope')).toContain('https://api.ebay.com/oauth/api_scope/sell.fulfillment');
    expect(ebayOAuth.codeParam).toBe('code');
  });

  it('lets a cart be saved with only the app fields, the grant coming from Connect', () => {
    expect(Object.keys(ebayPlatform.requiredCredentials(ebaySettingsSchema.parse({})))).toEqual([...ebayOAuth.appFields]);
    expect(ebayPlatform.credentialsSchema.safeParse({ clientId: 'a', clientSecret: 'b', ruName: 'c' }).success).toBe(true);
  });

  it("exchanges the code from the fake's consent for the refresh token and when it runs out, and refuses the same code twice", async () => {
    const clock = createVirtualClock();
    fake = await createFakeEbay({ start: clock });
    const settings = ebaySettingsSchema.parse({ baseUrl: fake.url });
    const app = { clientId: fake.app.clientId, clientSecret: fake.app.clientSecret, ruName: fake.app.ruName };
    const consent = ebayOAuth.consentUrl({ settings, app, state: 'abc', redirectUri: app.ruName });
    const landed = new URL((await fetch(consent, { redirect: 'manual' })).headers.get('location')!);
    expect(landed.searchParams.get('state')).toBe('abc');
    const grant = { code: landed.searchParams.get(ebayOAuth.codeParam)!, redirectUri: app.ruName, params: {} };
    const ctx = { clock, log: silentLogger, signal: new AbortController().signal };

    const saved = await ebayPlugin.exchangeAuthorizationCode!(ctx, settings, app, grant);
    expect(Object.keys(saved).sort()).toEqual([...ebayOAuth.grantFields].sort());
    expect(fake.oauth.refreshTokens.has(saved.refreshToken)).toBe(true);
    const lifetime = Date.parse(saved.refreshTokenExpiresAt) - clock.now().getTime();
    expect(Math.abs(lifetime - REFRESH_TOKEN_SECONDS * 1000)).toBeLessThan(60_000);
    expect(ebayPlatform.credentialsSchema.safeParse({ ...app, ...saved }).success).toBe(true);

    const again = await ebayPlugin.exchangeAuthorizationCode!(ctx, settings, app, grant).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(DockhandError);
    expect((again as DockhandError).kind).toBe('auth');
    expect((again as DockhandError).message).toContain('Press Connect again');
  });

  it("names a refused Client Secret as the app's keys, not the seller's authorization", async () => {
    const clock = createVirtualClock();
    fake = await createFakeEbay({ start: clock });
    const settings = ebaySettingsSchema.parse({ baseUrl: fake.url });
    const err = await ebayPlugin
      .exchangeAuthorizationCode!({ clock, log: silentLogger, signal: new AbortController().signal }, settings, { clientId: fake.app.clientId, clientSecret: 'wrong', ruName: fake.app.ruName }, { code: 'x', redirectUri: fake.app.ruName, params: {} })
      .catch((e: unknown) => e as DockhandError);
    expect(err.kind).toBe('auth');
    expect(err.message).toContain('Client ID or Client Secret');
  });
});
