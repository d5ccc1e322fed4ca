import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { amazonPlugin } from '../../../../../../main/engine/connectors/carts/amazon/plugin.js';
import { httpRequest } from '../../../../../../main/engine/net/index.js';
import { silentLogger } from '../../../../../../main/engine/platform/ports.js';
import { amazonOAuth } from '../../../../../../shared/platforms/amazon.js';
import { DockhandError } from '../../../../../../shared/errors.js';
import { amazonWorld, downloadAll, type AmazonWorld } from './amazon-world.js';

describe('connecting an Amazon seller', () => {
  let w: AmazonWorld;
  beforeEach(async () => {
    w = await amazonWorld();
  });
  afterEach(() => w.close());

  const consentSettings = () => amazonPlugin.settingsSchema.parse({ ...w.settings, authMode: 'consent', redirectUri: 'https://dockhand.example/amazon/landing' });
  const app = () => ({ clientId: w.fake.app.clientId, clientSecret: w.fake.app.clientSecret, applicationId: w.fake.app.applicationId });

  /** Opens the consent page as a browser would and reads the landing address it redirects to. */
  async function consent(state: string): Promise<URL> {
    const settings = consentSettings();
    const redirect = amazonOAuth.redirect(settings, app());
    const page = amazonOAuth.consentUrl({ settings, app: app(), state, redirectUri: redirect.sent });
    const res = await httpRequest({ clock: w.clock }, { url: page });
    expect(res.status).toBe(302);
    return new URL(res.headers.get('location')!);
  }

  it('opens Seller Central\'s consent page with the app id and state, and lands with spapi_oauth_code and selling_partner_id', async () => {
    const settings = consentSettings();
    const url = new URL(amazonOAuth.consentUrl({ settings, app: app(), state: 's-1', redirectUri: 'https://dockhand.example/amazon/landing' }));
    expect(url.pathname).toBe('/apps/authorize/consent');
    expect(url.searchParams.get('application_id')).toBe(w.fake.app.applicationId);
    expect(url.searchParams.has('version')).toBe(false);
    const landing = await consent('s-1');
    expect(landing.searchParams.get('state')).toBe('s-1');
    expect(landing.searchParams.get(amazonOAuth.codeParam)).toBeTruthy();
    expect(landing.searchParams.get('selling_partner_id')).toBe(w.fake.sellerId);
  });

  it('listens only on a loopback redirect, and asks for version=beta for a draft app', () => {
    const https = amazonOAuth.redirect(consentSettings(), app());
    expect(https.listenAt).toBeNull();
    const loop = amazonPlugin.settingsSchema.parse({ ...w.settings, authMode: 'consent', redirectUri: 'http://127.0.0.1:53682/amazon', draftApp: true });
    expect(amazonOAuth.redirect(loop, app()).listenAt).toBe('http://127.0.0.1:53682/amazon');
    expect(new URL(amazonOAuth.consentUrl({ settings: loop, app: app(), state: 'x', redirectUri: 'http://127.0.0.1:53682/amazon' })).searchParams.get('version')).toBe('beta');
  });

  it('exchanges the code for the refresh token and the seller id, which then download orders; the code works once', async () => {
    const landing = await consent('s-2');
    const grant = { code: landing.searchParams.get('spapi_oauth_code')!, redirectUri: 'https://dockhand.example/amazon/landing', params: { selling_partner_id: landing.searchParams.get('selling_partner_id')! } };
    const ctx = { clock: w.clock, log: silentLogger, signal: new AbortController().signal };
    const granted = await amazonPlugin.exchangeAuthorizationCode!(ctx, consentSettings(), app(), grant);
    expect(Object.keys(granted).sort()).toEqual([...amazonOAuth.grantFields].sort());
    expect(granted.sellingPartnerId).toBe(w.fake.sellerId);
    expect(w.fake.lwa.refreshTokens.has(granted.refreshToken)).toBe(true);

    w.fake.state.addOrder();
    await w.indexed();
    const { orders } = await downloadAll(w.connect({ settings: { authMode: 'consent' }, credentials: { ...app(), ...granted } }));
    expect(orders).toHaveLength(1);

    const again = await amazonPlugin.exchangeAuthorizationCode!(ctx, consentSettings(), app(), grant).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(DockhandError);
    expect((again as DockhandError).kind).toBe('auth');
  });

  it('refuses a run without a grant with an auth error that says to connect first', async () => {
    const connector = w.connect({ credentials: { refreshToken: undefined } });
    const err = await downloadAll(connector).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'auth', message: expect.stringMatching(/^Connect Amazon first/) });
    const test = await connector.testConnection(['order_download']);
    expect(test.ok).toBe(false);
    expect(test.message).toMatch(/Connect Amazon first/);
  });

  it('lets a cart be saved with only the app fields on the consent path', () => {
    const required = amazonPlugin.requiredCredentials!(consentSettings());
    expect(Object.keys(required).sort()).toEqual([...amazonOAuth.appFields].sort());
    expect(amazonPlugin.credentialsSchema.safeParse(app()).success).toBe(true);
  });

  it('says to press Reconnect when Amazon no longer accepts the refresh token', async () => {
    w.fake.lwa.revokeRefreshTokens();
    w.fake.state.addOrder();
    await w.indexed();
    const err = await downloadAll(w.connect()).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'auth', message: expect.stringContaining('no longer accepts the saved authorization') });
    expect((err as Error).message).toContain('Press Reconnect on the cart');
  });

  it('names the app credentials when Login with Amazon refuses the client secret', async () => {
    const err = await downloadAll(w.connect({ credentials: { clientSecret: 'amzn1.oa2-cs.v1.wrong' } })).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'auth', message: expect.stringContaining('client identifier or client secret') });
  });

  it('renews an access token Amazon calls expired, once, and carries on', async () => {
    w.fake.state.addOrder();
    await w.indexed();
    const connector = w.connect();
    await downloadAll(connector);
    w.fake.lwa.expireAccessTokens();
    const before = w.fake.lwa.issued.refresh_token;
    await expect(connector.testConnection(['shipment_upload'])).resolves.toMatchObject({ ok: true });
    expect(w.fake.lwa.issued.refresh_token).toBe(before + 1);
  });

  it('saves a refresh token Amazon replaces at once, and uses it from then on', async () => {
    w.fake.lwa.rotate = true;
    w.fake.state.addOrder();
    await w.indexed();
    await downloadAll(w.connect());
    expect(w.saved).toHaveLength(1);
    expect(w.fake.lwa.refreshTokens.has(w.saved[0].refreshToken)).toBe(true);
    expect(w.fake.lwa.refreshTokens.has(w.fake.refreshToken)).toBe(false);
  });

  it('tests the connection: the marketplaces the seller sells in, and a marketplace it does not', async () => {
    const ok = await w.connect().testConnection(['order_download']);
    expect(ok).toMatchObject({ ok: true, message: expect.stringContaining('Amazon.com (ATVPDKIKX0DER)') });
    const wrong = await w.connect({ settings: { marketplaceIds: ['A1F83G8C2ARO7P'] } }).testConnection(['order_download']);
    expect(wrong).toMatchObject({ ok: false, message: expect.stringContaining('does not sell in A1F83G8C2ARO7P') });
  });

  it('redacts its tokens and secrets from log text', async () => {
    const { amazonPlatform } = await import('../../../../../../shared/platforms/amazon.js');
    let text = `x-amz-access-token: Atza|abc.def refresh_token=Atzr|xyz&client_secret=amzn1.oa2-cs.v1.123abc {"restrictedDataToken":"Atz.sprdt|q"}`;
    for (const { pattern, replace } of amazonPlatform.secretPatterns) text = text.replace(pattern, replace);
    expect(text).not.toMatch(/Atza\|abc|Atzr\|xyz|123abc|sprdt\|q/);
  });
});
