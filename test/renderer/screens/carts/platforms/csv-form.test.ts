import { describe, expect, it } from 'vitest';
import { csvForm } from '../../../../../renderer/src/screens/carts/platforms/csv-form.js';
import { platformForm } from '../../../../../renderer/src/screens/carts/platforms/index.js';
import { cartInputSchema } from '../../../../../shared/contract.js';

const common = { merchantId: 1, name: 'Acme files', earliestOrderDate: '2026-01-01T00:00:00Z' };

describe('the CSV order files setup form', () => {
  it('is found by its platform id', () => {
    expect(platformForm('csv')).toBe(csvForm);
  });

  it('turns an FTP draft into settings the contract takes, the password as the credential and blank columns left out', () => {
    const draft = { ...csvForm.newDraft(), host: 'ftp.acme.example', user: 'acme', password: 's3cret' };
    draft.columns = { ...draft.columns, phone: '' };
    const input = csvForm.toInput(draft);
    expect(input.credentials).toEqual({ password: 's3cret' });
    const parsed = cartInputSchema.safeParse({ ...common, platform: 'csv', ...input });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect((input.settings as { mapping: { columns: Record<string, string> } }).mapping.columns).not.toHaveProperty('phone');
  });

  it('reads saved settings back into the same draft, the password blank', () => {
    const draft = { ...csvForm.newDraft(), transport: 'ftps' as const, host: 'ftp.acme.example', user: 'acme', password: 'x', allowSelfSigned: true };
    const saved = cartInputSchema.parse({ ...common, platform: 'csv', ...csvForm.toInput(draft) }).settings as Record<string, unknown>;
    expect(csvForm.draftFromSaved(saved)).toEqual({ ...draft, password: '', columns: { ...draft.columns } });
  });

  it('asks for the FTP password unless one is saved, the login is anonymous or the files are in a folder', () => {
    const draft = { ...csvForm.newDraft(), host: 'ftp.acme.example', user: 'acme' };
    expect(csvForm.checkCredentials(draft, false)).toEqual({ 'credentials.password': 'Enter the FTP password, or tick Anonymous login' });
    expect(csvForm.checkCredentials(draft, true)).toEqual({});
    expect(csvForm.checkCredentials({ ...draft, anonymous: true }, false)).toEqual({});
    expect(csvForm.checkCredentials({ ...draft, transport: 'folder' }, false)).toEqual({});
  });

  it('names the field of a problem the contract finds', () => {
    const draft = { ...csvForm.newDraft(), transport: 'folder' as const, folderPath: 'relative/path' };
    draft.columns = { ...draft.columns, sku: '' };
    const parsed = cartInputSchema.safeParse({ ...common, platform: 'csv', ...csvForm.toInput(draft) });
    const paths = parsed.error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['settings.transport.path', 'settings.mapping.columns.sku']));
    for (const path of paths) expect(csvForm.shownFields).toContain(path);
  });
});
