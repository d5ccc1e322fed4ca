import { describe, expect, it } from 'vitest';
import { wmsInputSchema } from '../../../shared/contract.js';
import { wmsSettingsSchema } from '../../../shared/schemas/wms.js';

/** Folder settings that suit the file transports but would leave an e-mail WMS reading nothing, or the wrong files. */

const email = {
  kind: 'email',
  smtpHost: 'smtp.shop.example',
  from: 'dockhand@shop.example',
  to: ['orders@wms.example'],
  imapHost: 'imap.shop.example',
  imapUser: 'dockhand@shop.example',
};
const sftp = { kind: 'sftp', host: 'files.example.com', user: 'dockhand' };

function problems(settings: Record<string, unknown>): Record<string, string> {
  const parsed = wmsSettingsSchema.safeParse({ kind: 'csv', ...settings });
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('the WMS folders with the e-mail transport', () => {
  it('refuse a done-marker, on its field, saying to leave it empty', () => {
    const found = problems({ transport: email, folders: { orders: 'orders', confirmations: 'confirmations', inventory: 'inventory', doneMarker: '.done' } });
    expect(found['folders.doneMarker']).toBe('E-mail has no done-markers (a message arrives whole, so no file would ever be read): leave the done-marker empty.');
    expect(Object.keys(found)).toEqual(['folders.doneMarker']);
  });

  it('refuse one folder for confirmations and inventory, on the inventory field, whatever the case or slashes', () => {
    const found = problems({ transport: email, folders: { orders: 'orders', confirmations: 'INBOX', inventory: '/inbox/' } });
    expect(found['folders.inventory']).toMatch(/^By e-mail, confirmations and inventory need an IMAP folder each/);
    expect(found['folders.inventory']).toContain('give the inventory folder another name than the confirmations folder');
  });

  it('show these with the other problems of the form at once', () => {
    const found = problems({ transport: { ...email, imapHost: '' }, folders: { orders: 'orders', confirmations: 'in', inventory: 'in', doneMarker: '.ok' } });
    expect(Object.keys(found).sort()).toEqual(['folders.doneMarker', 'folders.inventory', 'transport.imapHost']);
  });

  it('take separate folders without a done-marker, and leave the file transports as they were', () => {
    expect(problems({ transport: email, folders: { orders: 'orders', confirmations: 'confirmations', inventory: 'inventory', doneMarker: '' } })).toEqual({});
    expect(problems({ transport: email })).toEqual({});
    expect(problems({ transport: sftp, folders: { orders: 'orders', confirmations: 'in', inventory: 'in', doneMarker: '.done' } })).toEqual({});
  });

  it('reach the API with the path the form shows the message on', () => {
    const parsed = wmsInputSchema.safeParse({ settings: { kind: 'csv', transport: email, folders: { orders: 'o', confirmations: 'c', inventory: 'i', doneMarker: '.done' } } });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toEqual(['settings.folders.doneMarker']);
  });
});
