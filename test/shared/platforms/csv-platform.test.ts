import { describe, expect, it } from 'vitest';
import { csvPlatform, writeCsvPosition } from '../../../shared/platforms/csv.js';

const EARLIEST = '2026-01-01T00:00:00Z';

describe('the CSV order files descriptor', () => {
  it('reads the sync position in words: the files waiting to be archived and those kept as unreadable', () => {
    expect(csvPlatform.describeSyncPosition(null, EARLIEST).summary).toContain('Every file in the folder is read.');
    expect(csvPlatform.describeSyncPosition(writeCsvPosition({ handed: [], kept: [] }), EARLIEST).summary).toBe('Every file in the folder is read by the next download.');
    const one = writeCsvPosition({ handed: [{ name: 'a.csv', size: 10 }], kept: [{ name: 'bad.csv', size: 3 }] });
    expect(csvPlatform.describeSyncPosition(one, EARLIEST).summary).toBe(
      '1 file (a.csv) handed over with their orders saved: moved to the archive by the next download, which reads every other file in the folder. 1 unreadable file waits in the folder to be fixed (read again once changed).',
    );
    expect(csvPlatform.describeSyncPosition('{"issued":3}', EARLIEST).unreadable).toBe(true);
  });

  it('refuses a folder that climbs out of the root, and a relative local folder', () => {
    const base = { mapping: { columns: { orderNumber: 'Order', sku: 'SKU', quantity: 'Qty' } } };
    const climbing = csvPlatform.settingsSchema.safeParse({ ...base, transport: { kind: 'folder', path: '/srv/acme' }, archiveFolder: '../elsewhere' });
    expect(climbing.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['archiveFolder', 'A folder may not contain ".."']]);
    const relative = csvPlatform.settingsSchema.safeParse({ ...base, transport: { kind: 'folder', path: 'acme' } });
    expect(relative.error?.issues[0].message).toBe('Enter the full path of the folder, such as /srv/wms or C:\\WMS');
  });
});
