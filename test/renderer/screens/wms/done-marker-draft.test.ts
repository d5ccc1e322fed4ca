import { describe, expect, it } from 'vitest';
import { wmsInputSchema } from '../../../../shared/contract.js';
import { defaultCsvWmsSettings } from '../../../../shared/csv-defaults.js';
import { newWmsDraft, wmsDraftFrom, wmsInputFrom } from '../../../../renderer/src/screens/wms/wms-draft.js';

const folderDraft = (doneMarker: string) => ({ ...newWmsDraft(), transport: 'folder' as const, folderPath: '/srv/warehouse', doneMarker });

describe('the done-marker on the WMS form', () => {
  it('is empty on a new setup, and an empty one is not saved (files are read once their size holds)', () => {
    expect(newWmsDraft().doneMarker).toBe('');
    const input = wmsInputFrom(folderDraft('  '));
    expect(input.settings.folders).not.toHaveProperty('doneMarker');
    expect(wmsInputSchema.safeParse(input).success).toBe(true);
  });

  it('is saved trimmed with the folders and shown again from the saved setup', () => {
    const input = wmsInputFrom(folderDraft(' .done '));
    expect(input.settings.folders).toMatchObject({ doneMarker: '.done' });
    const saved = wmsInputSchema.parse(input).settings;
    expect(wmsDraftFrom({ configured: true, settings: saved, hasPassword: false }).doneMarker).toBe('.done');
  });

  it('is refused in words when it is not a suffix like ".ok"', () => {
    const settings = defaultCsvWmsSettings({ kind: 'folder', path: '/srv/warehouse' });
    const parsed = wmsInputSchema.safeParse({ settings: { ...settings, folders: { ...settings.folders, doneMarker: 'done/x' } }, secrets: {} });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['settings.folders.doneMarker', 'A done-marker is a suffix such as ".done" or ".ok": a dot, then letters or digits'],
    ]);
  });
});
