import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Clock, Logger } from '../platform/ports.js';
import { insertKeptFile } from '../store/repositories/kept-files-repo.js';
import type { Store } from '../store/sql.js';
import { writeFileDurably, type KeptFileWriter } from './durable-file.js';
import type { FileKeeper, FileKeeperStats, FileProblem, FileToKeep } from './file-keeper.js';

/** How many bad lines a kept file's row names in words (all are counted). */
export const FIRST_ERRORS_LINES = 10;
/** Bound of the stored first-errors text, in characters. */
export const FIRST_ERRORS_CHARS = 2000;

export interface LocalFileKeeperDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  /** `<dataDir>/files`. */
  root: string;
  write?: KeptFileWriter;
}

export interface LocalFileKeeper extends FileKeeper {
  stats(): FileKeeperStats;
}

/** A file name safe on every disk, still readable ("orders-ACME-12.csv" stays as it is). */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_').slice(-120);
  return cleaned === '' ? 'file' : cleaned;
}

/** The first problems in words, one a line, bounded. */
export function firstErrorsText(problems: readonly FileProblem[]): string {
  const lines = problems.slice(0, FIRST_ERRORS_LINES).map((p) => (p.line !== undefined ? `Line ${p.line}: ${p.reason}` : p.reason));
  if (problems.length > FIRST_ERRORS_LINES) lines.push(`…and ${problems.length - FIRST_ERRORS_LINES} more`);
  const text = lines.join('\n');
  return text.length > FIRST_ERRORS_CHARS ? `${text.slice(0, FIRST_ERRORS_CHARS - 1)}…` : text;
}

/**
 * Keeps files in `<dataDir>/files/YYYY-MM-DD/<time>-<hash>-<name>` with a row in `kept_files`. The copy
 * is written first and the row second, so a row always names a whole file; a crash in between leaves a
 * file without a row, which the sweep removes. Any failure (a full disk, a store that cannot save) is
 * logged and counted, and the sync goes on.
 */
export function createLocalFileKeeper(deps: LocalFileKeeperDeps): LocalFileKeeper {
  const write = deps.write ?? writeFileDurably;
  const log = deps.log.child({ part: 'kept-files' });
  const stats: FileKeeperStats = { kept: 0, failed: 0 };

  async function keep(direction: 'sent' | 'received', file: FileToKeep): Promise<boolean> {
    try {
      const createdAt = deps.clock.now().toISOString();
      const sha256 = createHash('sha256').update(file.content).digest('hex');
      const stamp = createdAt.replace(/[-:.]/g, '').slice(0, 15);
      const keptPath = `${createdAt.slice(0, 10)}/${stamp}-${sha256.slice(0, 10)}-${safeFileName(file.name)}`;
      await write(path.join(deps.root, ...keptPath.split('/')), file.content);
      await deps.store.write((db) =>
        insertKeptFile(db, {
          merchantId: file.merchantId,
          cartId: file.cartId ?? null,
          direction,
          kind: file.kind,
          remotePath: file.remotePath,
          name: file.name,
          size: file.content.byteLength,
          rows: file.rows,
          errors: file.problems.length,
          firstErrors: firstErrorsText(file.problems),
          sha256,
          keptPath,
          createdAt,
        }),
      );
      stats.kept++;
      return true;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      stats.failed++;
      stats.lastFailure = `${file.name}: ${message}`;
      log.log('warn', 'A file could not be kept for the Files screen; the sync goes on', { file: file.name, error: message });
      return false;
    }
  }

  return {
    keepSent: (file) => keep('sent', file),
    keepReceived: (file) => keep('received', file),
    stats: () => ({ ...stats }),
  };
}
