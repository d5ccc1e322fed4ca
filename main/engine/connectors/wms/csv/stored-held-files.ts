import { getSetting, putSetting } from '../../../store/repositories/settings-repo.js';
import type { Clock } from '../../../platform/ports.js';
import type { Store } from '../../../store/sql.js';
import type { HeldFile, HeldFiles } from './held-files.js';

/** A settings row rather than a table: a handful of files at most, and no migration to coordinate. */
const KEY = 'wms.csv.heldFiles';
/** A bound, so a folder that refuses every move cannot grow the row without end (oldest dropped). */
const MAX_HELD = 500;

/** The held files kept in the engine's settings, so a restart never applies one of them again. */
export function storedHeldFiles(store: Store, clock: Clock): HeldFiles {
  const read = () => store.read((db) => getSetting<HeldFile[]>(db, KEY) ?? []);
  const update = (change: (files: HeldFile[]) => HeldFile[]) =>
    store.write((db) => putSetting(db, KEY, change(getSetting<HeldFile[]>(db, KEY) ?? []).slice(-MAX_HELD), clock.now().toISOString()));
  return {
    list: read,
    hold: (file) => update((files) => [...files.filter((f) => f.path !== file.path), file]),
    release: (path) => update((files) => files.filter((f) => f.path !== path)),
  };
}
