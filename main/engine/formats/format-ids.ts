import { DockhandError } from '../../../shared/errors.js';
import { FORMAT_KIND_WORDS, FORMAT_KINDS, type FormatIds } from '../../../shared/schemas/file-format.js';
import { getFileFormat } from '../store/repositories/file-formats-repo.js';
import type { SqlReader } from '../store/sql.js';

/**
 * Refuses format ids that name no saved format of their kind, with a message on each field
 * (`<prefix>.order`...), so the form shows it where the choice was made.
 */
export function checkFormatIds(db: SqlReader, ids: FormatIds, prefix: string): void {
  const fields: Record<string, string> = {};
  for (const kind of FORMAT_KINDS) {
    const id = ids[kind];
    if (id === undefined) continue;
    const row = getFileFormat(db, id);
    if (!row) fields[`${prefix}.${kind}`] = `No saved ${FORMAT_KIND_WORDS[kind].noun} format has id ${id}: choose one from the list`;
    else if (row.kind !== kind) fields[`${prefix}.${kind}`] = `"${row.name}" is ${FORMAT_KIND_WORDS[row.kind].aNoun} format, not ${FORMAT_KIND_WORDS[kind].aNoun} format`;
  }
  const first = Object.values(fields)[0];
  if (first) throw new DockhandError('validation', first, { fields });
}
