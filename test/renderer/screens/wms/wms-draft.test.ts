import { describe, expect, it } from 'vitest';
import type { WmsView } from '../../../../shared/api-types.js';
import { wmsInputSchema } from '../../../../shared/contract.js';
import { defaultCsvWmsSettings } from '../../../../shared/csv-defaults.js';
import { validate } from '../../../../renderer/src/components/form-errors.js';
import { examplePath, newWmsDraft, wmsDraftFrom, wmsInputFrom, type WmsDraft } from '../../../../renderer/src/screens/wms/wms-draft.js';

const ftpDraft = (overrides: Partial<WmsDraft> = {}): WmsDraft => ({
  ...newWmsDraft(),
  host: 'ftp.warehouse.test',
  user: 'dockhand',
  password: 's3cret',
  ...overrides,
});

const savedView = (settings: WmsView['settings']): WmsView => ({ configured: settings !== null, settings, hasPassword: true });

const PIN = { sha256: '0A:'.repeat(31) + '0A', subject: 'CN=ftp.warehouse.test', validTo: '2030-01-01T00:00:00.000Z' };

const ftpsSettings = defaultCsvWmsSettings({
  kind: 'ftp',
  host: 'ftp.warehouse.test',
  port: 990,
  user: 'dockhand',
  security: 'explicit',
  pinnedCertificate: PIN,
  allowSelfSigned: false,
  root: '/data',
});

/** Saved before certificate pinning: "accept any self-signed certificate" and an active-mode flag. */
const oldFtpsSettings = defaultCsvWmsSettings({ ...ftpsSettings.transport, pinnedCertificate: undefined, allowSelfSigned: true, passive: false } as typeof ftpsSettings.transport);

describe('a new WMS setup form', () => {
  it('starts on plain FTP, port 21, with no accepted certificate, at the server root, with the standard folders and file formats', () => {
    expect(newWmsDraft()).toMatchObject({
      transport: 'ftp',
      port: '21',
      pinnedCertificate: null,
      root: '/',
      folderOrder: 'client_then_wms',
      folders: { orders: 'orders', confirmations: 'confirmations', inventory: 'inventory' },
      formats: {},
    });
  });

  it('sends the chosen saved formats by id and no embedded profile (the engine saves the standard ones for a kind not chosen)', () => {
    const input = wmsInputFrom(ftpDraft({ formats: { order: 4 } }));
    expect(input.settings.formats).toEqual({ order: 4 });
    expect(input.settings).not.toHaveProperty('orderProfile');
    expect(wmsDraftFrom(savedView({ ...ftpsSettings, formats: { order: 4, confirmation: 5, inventory: 6 } })).formats).toEqual({ order: 4, confirmation: 5, inventory: 6 });
  });

  it('is accepted by the API once host, user and password are filled in', () => {
    expect(validate(wmsInputSchema, wmsInputFrom(ftpDraft())).ok).toBe(true);
  });

  it('names the missing host and user on their fields', () => {
    const checked = validate(wmsInputSchema, wmsInputFrom(newWmsDraft()));
    expect(checked.ok ? {} : checked.errors).toEqual({
      'settings.transport.host': 'Enter the FTP server host',
      'settings.transport.user': 'Enter the FTP user, or tick Anonymous login',
    });
  });
});

describe('the WMS setup sent to the API', () => {
  it('sends an anonymous login with no user and no password, and the form asks for neither', () => {
    const input = wmsInputFrom(ftpDraft({ anonymous: true, user: 'ignored', password: 'ignored' }));
    expect(input.settings.transport).toMatchObject({ kind: 'ftp', anonymous: true, user: '' });
    expect(input.secrets).toEqual({});
    expect(validate(wmsInputSchema, input).ok).toBe(true);
  });

  it('sends plain FTP without TLS and without an accepted certificate, even one accepted earlier for FTPS', () => {
    const { settings } = wmsInputFrom(ftpDraft({ pinnedCertificate: PIN, pinnedFor: 'ftp.warehouse.test:21' }));
    expect(settings.transport).toMatchObject({ kind: 'ftp', security: 'none' });
    expect(settings.transport).not.toHaveProperty('pinnedCertificate');
  });

  it('sends FTPS as FTP with explicit TLS, with the certificate accepted for that server', () => {
    const input = wmsInputFrom(ftpDraft({ transport: 'ftps', pinnedCertificate: PIN, pinnedFor: 'ftp.warehouse.test:21' }));
    expect(input.settings.transport).toMatchObject({ kind: 'ftp', security: 'explicit', pinnedCertificate: PIN });
    expect(validate(wmsInputSchema, input).ok).toBe(true);
  });

  it('drops the accepted certificate once the host or port is changed, so another server must show its own', () => {
    expect(wmsInputFrom(ftpDraft({ transport: 'ftps', host: 'ftp.other.test', pinnedCertificate: PIN, pinnedFor: 'ftp.warehouse.test:21' })).settings.transport).not.toHaveProperty('pinnedCertificate');
    expect(wmsInputFrom(ftpDraft({ transport: 'ftps', port: '2121', pinnedCertificate: PIN, pinnedFor: 'ftp.warehouse.test:21' })).settings.transport).not.toHaveProperty('pinnedCertificate');
  });

  it('trims host, user, root and folder names, and reads a blank root as the server root and a blank port as 21', () => {
    const { settings } = wmsInputFrom(
      ftpDraft({ host: ' ftp.warehouse.test ', user: ' dockhand ', root: '  ', port: '', folders: { orders: ' in ', confirmations: 'out', inventory: 'stock ' } }),
    );
    expect(settings.transport).toMatchObject({ host: 'ftp.warehouse.test', user: 'dockhand', root: '/', port: 21 });
    expect(settings.folders).toEqual({ orders: 'in', confirmations: 'out', inventory: 'stock' });
  });

  it('rejects a port that is not a number on the port field', () => {
    const checked = validate(wmsInputSchema, wmsInputFrom(ftpDraft({ port: 'ftp' })));
    expect(checked.ok ? [] : Object.keys(checked.errors)).toEqual(['settings.transport.port']);
  });

  it('rejects a folder that climbs out of the root on that folder', () => {
    const checked = validate(wmsInputSchema, wmsInputFrom(ftpDraft({ folders: { orders: '../other', confirmations: 'confirmations', inventory: 'inventory' } })));
    expect(checked.ok ? {} : checked.errors).toEqual({ 'settings.folders.orders': 'A folder may not contain ".."' });
  });

  it('sends a typed password exactly as typed, spaces included', () => {
    expect(wmsInputFrom(ftpDraft({ password: ' pass word ' })).secrets).toEqual({ password: ' pass word ' });
  });

  it('sends no password when it is left blank, so the saved one is kept', () => {
    expect(wmsInputFrom(ftpDraft({ password: '' })).secrets).toEqual({});
  });

  it('sends a local folder with its path trimmed and no password, even one typed earlier for FTP', () => {
    const input = wmsInputFrom(ftpDraft({ transport: 'folder', folderPath: ' /srv/wms ', password: 'typed-for-ftp' }));
    expect(input.settings.transport).toEqual({ kind: 'folder', path: '/srv/wms' });
    expect(input.secrets).toEqual({});
  });

  it('asks for the folder of a local-folder WMS on its field', () => {
    const checked = validate(wmsInputSchema, wmsInputFrom(ftpDraft({ transport: 'folder', folderPath: '  ' })));
    expect(checked.ok ? {} : checked.errors).toEqual({ 'settings.transport.path': 'Choose a folder' });
  });
});

describe('editing the saved WMS setup', () => {
  it('starts from a new form when nothing is saved yet', () => {
    expect(wmsDraftFrom(savedView(null))).toEqual(newWmsDraft());
  });

  it('shows FTP with explicit TLS as FTPS, with its server, root and choices, and the password blank', () => {
    expect(wmsDraftFrom(savedView(ftpsSettings))).toMatchObject({
      transport: 'ftps',
      host: 'ftp.warehouse.test',
      port: '990',
      user: 'dockhand',
      pinnedCertificate: PIN,
      pinnedFor: 'ftp.warehouse.test:990',
      root: '/data',
      password: '',
    });
  });

  it('loads settings saved before pinning, and saves them back without "any self-signed certificate" or active mode', () => {
    const form = wmsDraftFrom(savedView(oldFtpsSettings));
    expect(form).toMatchObject({ transport: 'ftps', host: 'ftp.warehouse.test', pinnedCertificate: null });
    const sent = wmsInputSchema.parse(wmsInputFrom(form)).settings.transport;
    expect(sent).toMatchObject({ security: 'explicit', allowSelfSigned: false });
    expect(sent).not.toHaveProperty('passive');
    expect(sent).not.toHaveProperty('pinnedCertificate');
  });

  it('shows a local folder setup as such', () => {
    const form = wmsDraftFrom(savedView({ ...defaultCsvWmsSettings({ kind: 'folder', path: '/srv/wms' }), folderOrder: 'wms_then_client' }));
    expect(form).toMatchObject({ transport: 'folder', folderPath: '/srv/wms', folderOrder: 'wms_then_client' });
  });

  it('saves back the same setup, keeping the saved password, when nothing is changed', () => {
    // As the engine stores a setup: the formats as saved format ids, no embedded profiles.
    const stored = (s: typeof ftpsSettings) => {
      const { orderProfile: _o, confirmationProfile: _c, inventoryProfile: _i, ...rest } = s;
      return { ...rest, formats: { order: 1, confirmation: 2, inventory: 3 } };
    };
    const input = wmsInputSchema.parse(wmsInputFrom(wmsDraftFrom(savedView(stored(ftpsSettings)))));
    expect(input).toEqual({ settings: stored(ftpsSettings), secrets: {} });
    const folder = stored(defaultCsvWmsSettings({ kind: 'folder', path: '/srv/wms' }));
    expect(wmsInputFrom(wmsDraftFrom(savedView(folder))).settings).toEqual(folder);
  });
});

describe('the example path of a merchant\'s files', () => {
  it('puts the merchant folder before the WMS folder, under the FTP root', () => {
    expect(examplePath(ftpDraft(), 'ACME', 'orders')).toBe('/ACME/orders');
    expect(examplePath(ftpDraft({ root: '/data/' }), 'ACME', 'confirmations')).toBe('/data/ACME/confirmations');
    expect(examplePath(ftpDraft({ root: '/data' }), 'ACME', 'inventory')).toBe('/data/ACME/inventory');
  });

  it('puts the WMS folder first when that order is chosen', () => {
    expect(examplePath(ftpDraft({ folderOrder: 'wms_then_client' }), 'ACME', 'orders')).toBe('/orders/ACME');
  });

  it('uses the folder path of a local-folder WMS, with Windows separators for a Windows path', () => {
    expect(examplePath(ftpDraft({ transport: 'folder', folderPath: '/srv/wms' }), 'ACME', 'orders')).toBe('/srv/wms/ACME/orders');
    expect(examplePath(ftpDraft({ transport: 'folder', folderPath: 'C:\\WMS' }), 'ACME', 'orders')).toBe('C:\\WMS\\ACME\\orders');
    expect(examplePath(ftpDraft({ transport: 'folder', folderPath: '\\\\server\\share\\' }), 'ACME', 'inventory')).toBe('\\\\server\\share\\ACME\\inventory');
  });

  it('shows a placeholder while the local folder is not chosen yet', () => {
    expect(examplePath(ftpDraft({ transport: 'folder', folderPath: '' }), 'ACME', 'orders')).toBe('<folder>/ACME/orders');
  });

  it('leaves out a blank merchant code or WMS folder rather than showing an empty step', () => {
    expect(examplePath(ftpDraft(), '', 'orders')).toBe('/orders');
    expect(examplePath(ftpDraft({ folders: { orders: ' ', confirmations: 'confirmations', inventory: 'inventory' } }), 'ACME', 'orders')).toBe('/ACME');
  });
});
