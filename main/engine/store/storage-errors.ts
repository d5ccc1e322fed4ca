import { DockhandError } from '../../../shared/errors.js';

/**
 * The store's `storage` errors, worded for the person who has to act on them: which folder or file,
 * what is wrong with it, and what to do.
 */

/**
 * The files in `dir` do not add up to the acknowledged state (every snapshot gone, a journal that does
 * not connect, a file that cannot be read). Starting anyway would begin from an empty or older
 * database and download and deliver orders again, so the store refuses, having changed nothing.
 */
export function cannotRebuildError(dir: string, findings: readonly string[]): DockhandError {
  return new DockhandError(
    'storage',
    [
      `Dockhand will not start: the database in ${dir} cannot be rebuilt from the files there, and starting ` +
        'anyway would begin from an empty or older database (orders would be downloaded and sent to the warehouse again).',
      ...findings.map((f) => `- ${f}`),
      `What to do: put the missing or damaged files back into ${dir} from a backup of that folder (or fix what ` +
        'keeps them from being read), then start Dockhand again. To start over with an empty database instead, ' +
        `stop Dockhand and move the folder ${dir} aside (rename it): its files are kept for later. ` +
        `Nothing in ${dir} was changed.`,
    ].join('\n'),
  );
}

/** What an errno from the journal's disk means, in words. */
function diskCondition(code: string | undefined): string {
  switch (code) {
    case 'ENOSPC':
      return 'is full (ENOSPC)';
    case 'EDQUOT':
      return 'is over its quota (EDQUOT)';
    case 'EIO':
      return 'is failing (EIO: input/output error)';
    case 'EROFS':
      return 'became read-only (EROFS)';
    default:
      return `refused a write (${code ?? 'unknown error'})`;
  }
}

/**
 * Writes are refused while the disk holding the journal cannot take them. Reads still answer (from
 * what is on disk); nothing acknowledged was lost.
 */
export function cannotSaveError(dir: string, code: string | undefined, detail: string): DockhandError {
  return new DockhandError(
    'storage',
    `Dockhand cannot save changes: the disk holding ${dir} ${diskCondition(code)}. ` +
      `Everything saved before is kept and can still be viewed; changes are refused until ${
        code === 'ENOSPC' || code === 'EDQUOT' ? 'space is freed on that disk' : 'the disk works again'
      }, and Dockhand resumes by itself then. (${detail})`,
  );
}
