import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../../shared/contract.js';
import { defaultCsvWmsSettings } from '../../../../shared/csv-defaults.js';
import { getCart, updateCart } from '../../../../main/engine/store/repositories/carts-repo.js';
import { getWms, saveWms } from '../../../../main/engine/store/repositories/wms-repo.js';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';
import { rejection } from '../../../support/rejection.js';
import { startFtpCatcher, startShopifyCatcher, type SecretCatcher } from '../../../support/secret-catchers.js';

/**
 * A saved token or password goes only to the address it was saved for. Another host, port, base URL,
 * shop domain (or FTP security) in a test or an update needs the secret typed again, with a message on
 * its field; a catcher at the other address proves nothing was sent there.
 */

const AGAIN = /^Enter (.+) again: the (shop|server) address changed from (\S+(?: for \S+)?) to (\S+(?: for \S+)?), and a saved (token|client id|client secret|password) is only sent to the address it was saved for$/;

type CartInput = MethodInput<'carts.create'>;

describe('a saved Shopify token goes only to the shop address it was saved for', () => {
  let t: TestEngine;
  let saved: SecretCatcher;
  let other: SecretCatcher;
  let merchantId: number;

  const cart = (settings: Record<string, unknown>, credentials?: Record<string, string>): CartInput =>
    ({
      merchantId,
      platform: 'shopify',
      name: 'Acme',
      earliestOrderDate: '2026-11-01',
      settings: { shopDomain: 'acme.myshopify.com', ...settings },
      ...(credentials ? { credentials } : {}),
    }) as CartInput;

  beforeAll(async () => {
    t = await startTestEngine();
    await t.call('account.setup', { mode: 'fulfillment' });
    merchantId = (await t.call('merchants.create', { name: 'Acme', code: 'ACME' })).id;
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    [saved, other] = await Promise.all([startShopifyCatcher(), startShopifyCatcher()]);
  });
  afterEach(async () => {
    await Promise.all([saved.close(), other.close()]);
  });

  it('a test with the saved id and another base URL is refused on the token field and sends nothing there', async () => {
    const { id } = await t.call('carts.create', cart({ baseUrl: saved.url }, { accessToken: 'shpat_saved' }));
    const err = await rejection(t.call('carts.test', { id, cart: cart({ baseUrl: other.url }) }));
    expect(err.kind).toBe('validation');
    const message = err.fields?.['credentials.accessToken'] ?? '';
    expect(message).toMatch(AGAIN);
    const [, label, place, from, to, noun] = AGAIN.exec(message)!;
    expect({ label, place, from, to, noun }).toEqual({
      label: 'the Admin API access token',
      place: 'shop',
      from: `${saved.url} for acme.myshopify.com`,
      to: `${other.url} for acme.myshopify.com`,
      noun: 'token',
    });
    expect(other.caught).toEqual([]);
  });

  it('the same address still tests over the saved token; a token typed again goes to the new address', async () => {
    const { id } = await t.call('carts.create', cart({ baseUrl: saved.url }, { accessToken: 'shpat_saved' }));
    await t.call('carts.test', { id, cart: cart({ baseUrl: saved.url }) });
    await t.call('carts.test', { id });
    expect(saved.caught).toEqual(['shpat_saved', 'shpat_saved']);

    await t.call('carts.test', { id, cart: cart({ baseUrl: other.url }, { accessToken: 'shpat_for_other' }) });
    expect(other.caught).toEqual(['shpat_for_other']);
  });

  it('an update to another shop domain without the token is refused and changes nothing', async () => {
    const created = await t.call('carts.create', cart({}, { accessToken: 'shpat_saved' }));
    const err = await rejection(t.call('carts.update', { id: created.id, cart: cart({ shopDomain: 'other-shop.myshopify.com' }) }));
    expect(err.fields?.['credentials.accessToken']).toBe(
      'Enter the Admin API access token again: the shop address changed from https://acme.myshopify.com to https://other-shop.myshopify.com, and a saved token is only sent to the address it was saved for',
    );
    expect((await t.call('carts.get', { id: created.id })).settings).toMatchObject({ shopDomain: 'acme.myshopify.com' });

    // With the token, the update is saved, and the saved token is now bound to the new shop.
    await t.call('carts.update', { id: created.id, cart: cart({ shopDomain: 'other-shop.myshopify.com' }, { accessToken: 'shpat_other' }) });
    await t.call('carts.test', { id: created.id, cart: cart({ shopDomain: 'other-shop.myshopify.com', baseUrl: other.url }, { accessToken: 'shpat_typed' }) });
    expect(other.caught).toEqual(['shpat_typed']);
  });

  it('client credentials: both the client id and the secret are asked for again', async () => {
    const { id } = await t.call('carts.create', cart({ authMode: 'client_credentials', baseUrl: saved.url }, { clientId: 'id-1', clientSecret: 'secret-1' }));
    const err = await rejection(t.call('carts.test', { id, cart: cart({ authMode: 'client_credentials', baseUrl: other.url }) }));
    expect(err.fields?.['credentials.clientId']).toMatch(AGAIN);
    expect(err.fields?.['credentials.clientSecret']).toMatch(AGAIN);
    expect(other.caught).toEqual([]);
  });

  it('a token saved before this rule existed is bound to the address its cart has now', async () => {
    const { id } = await t.call('carts.create', cart({ baseUrl: saved.url }, { accessToken: 'shpat_new' }));
    const { store, secrets } = t.engine.context;
    // As an older Dockhand sealed it: the credentials alone, with no address.
    await store.write((db) => updateCart(db, id, { ...getCart(db, id)!, credentialsSealed: secrets.encrypt(JSON.stringify({ accessToken: 'shpat_legacy' })) }, '2026-11-02T00:00:00.000Z'));

    const err = await rejection(t.call('carts.test', { id, cart: cart({ baseUrl: other.url }) }));
    expect(err.fields?.['credentials.accessToken']).toMatch(AGAIN);
    expect(other.caught).toEqual([]);
    await t.call('carts.test', { id });
    expect(saved.caught).toEqual(['shpat_legacy']);
  });

  it('a saved token that cannot be decrypted any more is replaced by typing it again', async () => {
    const { id } = await t.call('carts.create', cart({ baseUrl: saved.url }, { accessToken: 'shpat_saved' }));
    const { store } = t.engine.context;
    await store.write((db) => updateCart(db, id, { ...getCart(db, id)!, credentialsSealed: 'sealed-with-another-key' }, '2026-11-02T00:00:00.000Z'));
    expect((await rejection(t.call('carts.update', { id, cart: cart({ baseUrl: saved.url }) }))).message).toMatch(/cannot be decrypted/);
    await t.call('carts.update', { id, cart: cart({ baseUrl: saved.url }, { accessToken: 'shpat_retyped' }) });
    await t.call('carts.test', { id });
    expect(saved.caught).toEqual(['shpat_retyped']);
  });

  it('a cart whose address was changed behind the rule\'s back does not send its token anywhere', async () => {
    const { id } = await t.call('carts.create', cart({ baseUrl: saved.url }, { accessToken: 'shpat_saved' }));
    const { store } = t.engine.context;
    await store.write((db) => {
      const row = getCart(db, id)!;
      updateCart(db, id, { ...row, settings: { ...row.settings, baseUrl: other.url } }, '2026-11-02T00:00:00.000Z');
    });
    const result = await t.call('carts.test', { id });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/saved for .* enter/i);
    expect(other.caught).toEqual([]);
  });
});

describe('a saved FTP password goes only to the server it was saved for', () => {
  let t: TestEngine;
  let saved: SecretCatcher;
  let other: SecretCatcher;

  const ftp = (port: number, patch: Record<string, unknown> = {}, password?: string): MethodInput<'wms.save'> => ({
    settings: defaultCsvWmsSettings({ kind: 'ftp', host: '127.0.0.1', port, user: 'dockhand', security: 'none', allowSelfSigned: false, passive: true, root: '/', ...patch } as never),
    secrets: password === undefined ? {} : { password },
  });

  beforeAll(async () => {
    t = await startTestEngine();
    await t.call('account.setup', { mode: 'fulfillment' });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    [saved, other] = await Promise.all([startFtpCatcher(), startFtpCatcher()]);
    await t.call('wms.save', ftp(saved.port, {}, 'ftp-secret'));
  });
  afterEach(async () => {
    await Promise.all([saved.close(), other.close()]);
  });

  it('a test with another host and the password left out is refused on the password field and sends nothing there', async () => {
    const err = await rejection(t.call('wms.test', { wms: ftp(other.port, { host: 'localhost' }) }));
    expect(err.kind).toBe('validation');
    expect(err.fields?.['secrets.password']).toBe(
      `Enter the FTP password again: the server address changed from ftp://127.0.0.1:${saved.port} to ftp://localhost:${other.port}, and a saved password is only sent to the address it was saved for`,
    );
    expect(other.caught).toEqual([]);
  });

  it('another port alone, or plain FTP where FTPS was, needs the password again too', async () => {
    expect((await rejection(t.call('wms.test', { wms: ftp(other.port) }))).fields?.['secrets.password']).toMatch(AGAIN);
    await t.call('wms.save', ftp(saved.port, { security: 'explicit' }, 'ftps-secret'));
    expect((await rejection(t.call('wms.test', { wms: ftp(saved.port) }))).fields?.['secrets.password']).toMatch(
      new RegExp(`from ftps://127\\.0\\.0\\.1:${saved.port} to ftp://127\\.0\\.0\\.1:${saved.port}`),
    );
    expect([...saved.caught, ...other.caught]).toEqual([]);
  });

  it('a save to another server without the password is refused and keeps the saved setup', async () => {
    const err = await rejection(t.call('wms.save', ftp(other.port)));
    expect(err.fields?.['secrets.password']).toMatch(AGAIN);
    expect((await t.call('wms.get', {})).settings?.transport).toMatchObject({ port: saved.port });
  });

  it('the same server keeps the saved password (other settings may change); a typed one goes to a new server', async () => {
    await t.call('wms.test', { wms: ftp(saved.port, { root: '/elsewhere', user: 'other-user' }) });
    await t.call('wms.test', {});
    expect(saved.caught).toEqual(['ftp-secret', 'ftp-secret']);
    await t.call('wms.test', { wms: ftp(other.port, {}, 'typed-again') });
    expect(other.caught).toEqual(['typed-again']);
  });

  it('a password saved before this rule existed is bound to the server saved with it', async () => {
    const { store, secrets } = t.engine.context;
    // As an older Dockhand sealed it: the password alone, with no address.
    await store.write((db) => saveWms(db, getWms(db)!.settings, secrets.encrypt(JSON.stringify({ password: 'legacy-secret' })), '2026-11-02T00:00:00.000Z'));
    expect((await rejection(t.call('wms.test', { wms: ftp(other.port) }))).fields?.['secrets.password']).toMatch(AGAIN);
    await t.call('wms.test', {});
    expect(saved.caught).toEqual(['legacy-secret']);
    expect(other.caught).toEqual([]);
  });

  it('a WMS moved to another server behind the rule\'s back does not send its password there', async () => {
    const { store } = t.engine.context;
    await store.write((db) => {
      const row = getWms(db)!;
      saveWms(db, { ...row.settings, transport: { ...row.settings.transport, port: other.port } as never }, row.secretsSealed, '2026-11-02T00:00:00.000Z');
    });
    const result = await t.call('wms.test', {});
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/saved for .* enter/i);
    expect(other.caught).toEqual([]);
  });

  it('a local folder needs no password, and saving one drops the saved FTP password', async () => {
    const folder = await t.call('wms.save', { settings: defaultCsvWmsSettings({ kind: 'folder', path: t.dataDir }), secrets: {} });
    expect(folder.hasPassword).toBe(false);
    expect((await rejection(t.call('wms.test', { wms: ftp(saved.port) }))).fields?.['secrets.password']).toBe('Enter the FTP password');
  });
});
