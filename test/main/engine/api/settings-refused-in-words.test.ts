import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCsvWmsSettings } from '../../../../shared/csv-defaults.js';
import type { TransportSettings } from '../../../../shared/schemas/wms.js';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';
import { startFtpServer, type TestFtpServer } from '../../../support/ftp-server.js';
import { rejection } from '../../../support/rejection.js';

/** What a person typed that used to be saved and then failed later, refused on its field in words. */
describe('settings refused with a field message where they were accepted', () => {
  let t: TestEngine;
  let merchantId: number;
  beforeAll(async () => {
    t = await startTestEngine();
    await t.call('account.setup', { mode: 'fulfillment' });
    merchantId = (await t.call('merchants.create', { name: 'Acme', code: 'ACME' })).id;
  });
  afterAll(() => t.close());

  const shopify = (over: { earliestOrderDate?: string; apiVersion?: string }) =>
    t.callRaw('carts.create', {
      merchantId,
      platform: 'shopify',
      name: 'Shop',
      earliestOrderDate: over.earliestOrderDate ?? '2026-01-01',
      settings: { shopDomain: 'acme.myshopify.com', ...(over.apiVersion ? { apiVersion: over.apiVersion } : {}) },
      credentials: { accessToken: 'shpat_x' },
    });

  it('an earliest order date in the future', async () => {
    const nextMonth = new Date(Date.now() + 31 * 86_400_000).toISOString().slice(0, 10);
    const err = await rejection(shopify({ earliestOrderDate: nextMonth }));
    expect(err.fields?.earliestOrderDate).toBe('The earliest order date is in the future: choose today or an earlier day');
    expect((await rejection(shopify({ earliestOrderDate: '2026-02-30' }))).fields?.earliestOrderDate).toBe('Enter a date as YYYY-MM-DD, such as 2025-01-31');
    expect(await t.call('carts.list', {})).toEqual([]);
  });

  it('a Shopify API version that does not exist, or that the connector was not checked against', async () => {
    expect((await rejection(shopify({ apiVersion: '2026-02' }))).fields?.['settings.apiVersion']).toMatch(/not a Shopify API version Dockhand works with/);
    expect((await rejection(shopify({ apiVersion: '2099-01' }))).fields?.['settings.apiVersion']).toMatch(/does not work with Shopify API version 2099-01 yet/);
  });

  const ftp = (over: Partial<Extract<TransportSettings, { kind: 'ftp' }>>): TransportSettings => ({
    kind: 'ftp',
    host: 'ftp.warehouse.example',
    port: 21,
    user: 'dockhand',
    security: 'none',
    allowSelfSigned: false,
    passive: true,
    root: '/',
    ...over,
  });
  const saveWms = (transport: TransportSettings, password?: string) =>
    t.callRaw('wms.save', { settings: defaultCsvWmsSettings(transport), secrets: password === undefined ? {} : { password } });

  it('an FTP host with a scheme, a folder or spaces', async () => {
    const host = async (value: string) => (await rejection(saveWms(ftp({ host: value }), 'pw'))).fields?.['settings.transport.host'];
    expect(await host('ftp://ftp.warehouse.example')).toMatch(/^Enter the host name without ftp:\/\//);
    expect(await host('ftps://ftp.warehouse.example')).toMatch(/^Enter the host name without ftp:\/\//);
    expect(await host('ftp.warehouse.example/outbox')).toMatch(/^Enter the host name only.*Root folder/);
    expect(await host('ftp warehouse example')).toBe('A host name has no spaces, such as ftp.example.com');
    expect((await t.call('wms.get', {})).configured).toBe(false);
  });

  it('a relative FTP root folder and a relative local folder', async () => {
    expect((await rejection(saveWms(ftp({ root: 'outbox' }), 'pw'))).fields?.['settings.transport.root']).toMatch(/starting with \//);
    expect((await rejection(saveWms({ kind: 'folder', path: 'wms/files' }))).fields?.['settings.transport.path']).toMatch(/^Enter the full path of the folder/);
    expect((await rejection(saveWms({ kind: 'folder', path: './wms' }))).fields?.['settings.transport.path']).toBeDefined();
    expect((await t.call('wms.get', {})).configured).toBe(false);
  });

  it('a blank FTP user, unless the login is anonymous', async () => {
    expect((await rejection(saveWms(ftp({ user: '' }), 'pw'))).fields?.['settings.transport.user']).toBe('Enter the FTP user, or tick Anonymous login');
  });
});

describe('anonymous FTP, where the server allows it', () => {
  let t: TestEngine;
  let open: TestFtpServer;
  let closed: TestFtpServer;
  beforeAll(async () => {
    open = await startFtpServer({ anonymous: true });
    closed = await startFtpServer();
    t = await startTestEngine();
    await t.call('account.setup', { mode: 'fulfillment' });
    await t.call('merchants.create', { name: 'Acme', code: 'ACME' });
  });
  afterAll(async () => {
    await t?.close();
    await open?.close();
    await closed?.close();
  });

  const anonymous = (port: number): TransportSettings => ({
    kind: 'ftp',
    host: '127.0.0.1',
    port,
    anonymous: true,
    user: '',
    security: 'none',
    allowSelfSigned: false,
    passive: true,
    root: '/',
  });

  it('tests and saves with no user and no password; the saved setup tests too', async () => {
    const settings = defaultCsvWmsSettings(anonymous(open.port));
    expect(await t.call('wms.test', { wms: { settings, secrets: {} } })).toMatchObject({ ok: true });
    const saved = await t.call('wms.save', { settings, secrets: {} });
    expect(saved).toMatchObject({ configured: true, hasPassword: false });
    expect(await t.call('wms.test', {})).toMatchObject({ ok: true });
  });

  it('is refused by a server that does not allow it, and says so', async () => {
    const result = await t.call('wms.test', { wms: { settings: defaultCsvWmsSettings(anonymous(closed.port)), secrets: {} } });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/log ?in|refused|incorrect|530/i);
  });
});

describe('a merchant code', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
    await t.call('account.setup', { mode: 'fulfillment' });
  });
  afterAll(() => t.close());

  it('is kept exactly as typed (capitals included, only the spaces around it trimmed), on create and on update', async () => {
    const created = await t.call('merchants.create', { name: 'Acme', code: ' AcMe-01 ' });
    expect(created.code).toBe('AcMe-01');
    expect((await t.call('merchants.get', { id: created.id })).code).toBe('AcMe-01');
    const updated = await t.call('merchants.update', { id: created.id, merchant: { name: 'Acme', code: 'ACME_01' } });
    expect(updated.code).toBe('ACME_01');
    // Unique whatever the case: two folders "acme" and "ACME" are one folder on many servers.
    expect((await rejection(t.callRaw('merchants.create', { name: 'Other', code: 'acme_01' }))).fields?.code).toMatch(/already used by Acme/);
  });
});

describe('unmapped ship codes on a new store', () => {
  let t: TestEngine;
  let merchantId: number;
  beforeAll(async () => {
    t = await startTestEngine();
    await t.call('account.setup', { mode: 'fulfillment' });
    merchantId = (await t.call('merchants.create', { name: 'Acme', code: 'ACME' })).id;
  });
  afterAll(() => t.close());

  const input = { platform: 'shopify' as const, name: 'Shop', earliestOrderDate: '2026-01-01', settings: { shopDomain: 'acme.myshopify.com' } };

  it('are held by default on a new cart; a saved cart keeps its choice when an update leaves it out', async () => {
    const created = await t.call('carts.create', { merchantId, ...input, credentials: { accessToken: 'shpat_x' } });
    expect(created.rejectUnmappedShipCodes).toBe(true);

    const chosen = await t.call('carts.create', { merchantId, ...input, name: 'Shop 2', rejectUnmappedShipCodes: false, credentials: { accessToken: 'shpat_x' } });
    expect(chosen.rejectUnmappedShipCodes).toBe(false);
    const updated = await t.call('carts.update', { id: chosen.id, cart: { merchantId, ...input, name: 'Shop 2 renamed' } });
    expect(updated.rejectUnmappedShipCodes).toBe(false);
  });
});
