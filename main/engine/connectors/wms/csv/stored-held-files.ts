import { getSetting, putSetting } from '../../../store/repositories/settings-repo.js';
import type { Clock } from '../../../platform/ports.js';
import type { SqlRunner, Store } from '../../../store/sql.js';
import type { HeldFile, HeldFiles } from './held-files.js';

/** A settings row rather than a table: a handful of files at most, and no migration to coordinate. */
const KEY = 'wms.csv.heldFiles';
/** A bound, so a folder that refuses every move cannot grow the row without end (oldest dropped). */
const MAX_HELD = 500;

/**
 * The held files kept in the engine's settings, so a restart never applies one of them again.
 * `released`: what else ends with a file's holding, in the same transaction (the engine clears the
 * file's "not archived" alert: the file was archived at last, or is gone).
 */
export function storedHeldFiles(store: Store, clock: Clock, released?: (db: SqlRunner, file: HeldFile, now: string) => void): HeldFiles {
  const read = () => store.read((db) => getSetting<HeldFile[]>(db, KEY) ?? []);
  const update = (change: (files: HeldFile[], db: SqlRunner, now: string) => HeldFile[]) =>
    store.write((db) => {
      const now = clock.now().toISOString();
      putSetting(db, KEY, change(getSetting<HeldFile[]>(db, KEY) ?? [], db, now).slice(-MAX_HELD), now);
    });
  return {
    list: read,
    hold: (file) => update((files) => [...files.filter((f) => f.path !== file.path), file]),
    release: (path) =>
      update((files, db, now) => {
        for (const file of files) if (file.path === path) released?.(db, file, now);
        return files.filter((f) => f.path !== path);
      }),
  };
}
