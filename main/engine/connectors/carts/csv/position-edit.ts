import { DockhandError } from '../../../../../shared/errors.js';
import { readCsvPosition, writeCsvPosition } from '../../../../../shared/platforms/csv.js';

/** Diagnostics: a typed position in the form the download writes (empty: read every file again), or a refusal. */
export function checkEditedCsvPosition(text: string): string {
  if (text.trim() === '') return writeCsvPosition({ handed: [], kept: [] });
  const read = readCsvPosition(text);
  if (read === null) {
    const message = 'Enter the files handed over as {"v":1,"handed":[]}, or leave it empty to read every file in the folder again';
    throw new DockhandError('validation', message, { fields: { cursor: message } });
  }
  return writeCsvPosition(read);
}
