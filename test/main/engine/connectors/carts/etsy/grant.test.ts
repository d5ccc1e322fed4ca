import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { etsyPlugin } from '../../../../../../main/engine/connectors/carts/etsy/plugin.js';
import { silentLogger } from '../../../../../../main/engine/platform/ports.js';
import { DockhandError } from '../../../../../../shared/errors.js';
import { etsyOAuth } from '../../../../../../shared/platforms/etsy.js';
import { downloadAll, etsyWorld, type EtsyWorld } from './helpers.js';

let world: EtsyWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const verifier = 'a-pkce-verifier-of-enough-length-0123456789-abcdefghij';
const challenge = createHash('sha256').update(verifier).digest('base64url');

/** Opens the consent page as a browser would and returns where it redirected. */
async function consent(url: string): Promise<URL> {
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status, await res.clone().text()).toBe(302);
  return new URL(res.headers.get('location') ?? '');
}

describe('connecting an Etsy shop with the consent flow', () => {
  it('exchanges the code and its PKCE verifier for a refresh token and finds the shop it reaches', async () => {
    world = await etsyWorld();
    const { etsy, settings, clock } = world;
    const app = { keystring: etsy.keystring };
    const redirect = etsyOAuth.redirect(settings, app);
    const landed = await consent(etsyOAuth.consentUrl({ settings, app, state: 'st-42', redirectUri: redirect.sent, codeChallenge: challenge }));
    expect(landed.origin + landed.pathname).toBe('http://localhost:3003/oauth/redirect');
    expect(landed.searchParams.get('state')).toBe('st-42');

    const grant = await etsyPlugin.exchangeAuthorizationCode!({ clock, log: silentLogger, signal: new AbortController().signal }, settings, app, {
      code: landed.searchParams.get('code') ?? '',
      redirectUri: redirect.sent,
      codeVerifier: verifier,
      params: {},
    });
    expect(grant).toEqual({ refreshToken: expect.stringMatching(/^51234567\./), shopId: String(etsy.shop.shopId), shopName: 'DockhandCrafts' });
    expect(etsyPlugin.credentialsSchema.safeParse({ ...app, ...grant }).success).toBe(true);

    // What the flow saves is enough for a run.
    etsy.shop.addListing([{ sku: 'MUG', quantity: 3 }]);
    etsy.shop.addReceipt();
    const run = await downloadAll(world.connect({ ...grant, shopName: undefined }));
    expect(run.orders).toHaveLength(1);
  });

  it('is refused as auth when the verifier is not the one the challenge was made from', async () => {
    world = await etsyWorld();
    const { etsy, settings, clock } = world;
    const app = { keystring: etsy.keystring };
    const landed = await consent(etsyOAuth.consentUrl({ settings, app, state: 's', redirectUri: settings.redirectUri, codeChallenge: challenge }));
    const exchange = etsyPlugin.exchangeAuthorizationCode!({ clock, log: silentLogger, signal: new AbortController().signal }, settings, app, {
      code: landed.searchParams.get('code') ?? '',
      redirectUri: settings.redirectUri,
      codeVerifier: 'another-verifier-that-does-not-match-the-challenge-000',
      params: {},
    });
    await expect(exchange).rejects.toMatchObject({ kind: 'auth', message: expect.stringContaining('code_verifier') });
  });

  it('refuses to exchange without the app keystring, naming the field', async () => {
    world = await etsyWorld();
    const exchange = etsyPlugin.exchangeAuthorizationCode!({ clock: world.clock, log: silentLogger, signal: new AbortController().signal }, world.settings, {}, {
      code: 'x',
      redirectUri: world.settings.redirectUri,
      codeVerifier: verifier,
      params: {},
    });
    await expect(exchange).rejects.toMatchObject({ kind: 'config', fields: { 'credentials.keystring': expect.any(String) } });
  });
});

describe('the Etsy grant while the cart runs', () => {
  it('saves the rotated refresh token before sending any API request with the new access token', async () => {
    world = await etsyWorld();
    world.etsy.shop.addReceipt();
    const before = world.credentials.refreshToken;
    await downloadAll(world.connect());
    expect(world.saves).toHaveLength(1);
    expect(world.saves[0].values.refreshToken).not.toBe(before);
    expect(world.saves[0].apiRequestsBefore).toBe(0);
    expect(world.etsy.oauth.refreshes).toBe(1);
  });

  it('keeps working for a connector built from the refresh token Etsy already replaced', async () => {
    world = await etsyWorld();
    world.etsy.shop.addReceipt();
    await downloadAll(world.connect());
    world.etsy.oauth.expireAccessTokens();
    await world.clock.sleep(2 * 3600_000);
    // Built with the spent token (the credentials read before the rotation was saved): refreshes with the newest.
    const run = await downloadAll(world.connect());
    expect(run.orders).toHaveLength(1);
    expect(world.etsy.oauth.refreshes).toBe(2);
    expect(world.saves.map((s) => s.values.refreshToken)).toHaveLength(2);
  });

  it('says to reconnect when Etsy no longer accepts the refresh token', async () => {
    world = await etsyWorld();
    world.etsy.oauth.revokeAll();
    const error = await downloadAll(world.connect()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DockhandError);
    expect((error as DockhandError).kind).toBe('auth');
    expect((error as DockhandError).message).toMatch(/no longer accepts the saved authorization.*Press Reconnect on the cart/);
  });

  it('fails a run of a cart saved with only the app fields with "Connect Etsy first"', async () => {
    world = await etsyWorld();
    const error = await downloadAll(world.connect({ refreshToken: undefined, shopId: undefined })).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'auth', message: expect.stringMatching(/^Connect Etsy first/) });
    expect(etsyPlugin.requiredCredentials!(world.settings)).toEqual({ keystring: expect.any(Object) });
  });

  it('looks the shop up and saves it when the grant came without it', async () => {
    world = await etsyWorld();
    world.etsy.shop.addListing([{ sku: 'MUG', quantity: 3 }]);
    world.etsy.shop.addReceipt();
    const run = await downloadAll(world.connect({ shopId: undefined, shopName: undefined }));
    expect(run.orders).toHaveLength(1);
    expect(world.saves.map((s) => s.values)).toContainEqual({ shopId: String(world.etsy.shop.shopId), shopName: 'DockhandCrafts' });
  });

  it('sends "keystring:shared secret" as x-api-key where the app has a shared secret', async () => {
    world = await etsyWorld({ sharedSecret: 'the-shared-secret' });
    world.etsy.shop.addReceipt();
    expect((await downloadAll(world.connect())).orders).toHaveLength(1);
    const refused = await downloadAll(world.connect({ sharedSecret: undefined })).catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'auth', message: expect.stringContaining('keystring:shared_secret') });
  });
});
