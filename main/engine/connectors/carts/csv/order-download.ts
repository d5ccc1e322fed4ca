import { DockhandError } from '../../../../../shared/errors.js';
import { readCsvPosition, writeCsvPosition, type CsvCartSettings, type HandedFile } from '../../../../../shared/platforms/csv.js';
import { UnreadableFileError } from '../../../files/readers/inbound-table.js';
import type { RemoteFile, Transport } from '../../../transports/transport.js';
import type { CartContext, FetchOrdersOptions, OrderPage } from '../cart-connector.js';
import { readOrderFile } from './order-file-reader.js';

/**
 * The download: one page per file, so the engine saves a file's orders together with the position that
 * names the file as handed over. A handed-over file is moved to the archive by the next download, once
 * that position is on disk: a crash between saving and archiving never imports a file twice, and a file
 * is never archived before its orders are saved. Orders of a file read again (re-sent) keep their cart
 * order id (the order number), so the engine updates them instead of adding duplicates.
 *
 * A file that is not a table, or whose every row is bad, stays in the folder and is reported once (the
 * position remembers it until it changes); a file with some bad rows hands over its good orders.
 */
/** Files read in one download run at most. */
export const MAX_FILES_PER_RUN = 200;

export async function* downloadOrderFiles(
  ctx: CartContext,
  settings: CsvCartSettings,
  transport: Transport,
  { cursor }: FetchOrdersOptions,
): AsyncGenerator<OrderPage> {
  const saved = cursor === null || cursor.trim() === '' ? { handed: [], kept: [] } : readCsvPosition(cursor);
  if (saved === null) throw new DockhandError('config', 'The CSV order files sync position is damaged; reset it in Diagnostics');
  const files = await transport.list(settings.folder);

  const toRead: RemoteFile[] = [];
  let archived = 0;
  for (const file of files) {
    if (saved.handed.some((h) => sameFile(h, file))) {
      ctx.signal.throwIfAborted();
      await transport.move(file.path, settings.archiveFolder);
      archived++;
    } else {
      toRead.push(file);
    }
  }
  // Files still wrong since they were reported stay quiet; a changed one is read again.
  const kept = saved.kept.filter((k) => files.some((f) => sameFile(k, f)));
  const handed: HandedFile[] = [];
  const position = () => writeCsvPosition({ handed, kept });

  let pages = 0;
  // The position names every file handed over in the run and is saved with each page: a bounded run
  // keeps it small; the files after these are read by the next run.
  const now = ctx.clock.now().getTime();
  const fresh = toRead.filter((f) => !kept.some((k) => sameFile(k, f)) && !stillArriving(f, now, settings.minFileAgeSeconds));
  for (const file of fresh.slice(0, MAX_FILES_PER_RUN)) {
    ctx.signal.throwIfAborted();
    const content = await transport.read(file.path);
    let read;
    try {
      read = readOrderFile({ fileName: file.name, content, modifiedAt: file.modifiedAt ?? ctx.clock.now().toISOString() }, settings.mapping);
    } catch (err) {
      if (!(err instanceof UnreadableFileError)) throw err;
      kept.push(handedFile(file));
      pages++;
      yield { orders: [], invalid: [{ reason: `${file.name}: ${err.message}. The file stays in the folder: fix it or take it away` }], cursor: position(), file: { name: file.name, remotePath: file.path, content } };
      continue;
    }
    if (read.orders.length === 0 && read.invalid.length > 0) {
      kept.push(handedFile(file));
      const stays = `(no order of ${file.name} could be read: the file stays in the folder until it is fixed or taken away)`;
      pages++;
      yield { orders: [], invalid: read.invalid.map((i) => ({ ...i, reason: `${i.reason} ${stays}` })), cursor: position(), file: { name: file.name, remotePath: file.path, content } };
      continue;
    }
    handed.push(handedFile(file));
    ctx.log.log('info', 'Order file read', { file: file.path, orders: read.orders.length, invalid: read.invalid.length });
    pages++;
    ctx.progress?.(pages, Math.min(fresh.length, MAX_FILES_PER_RUN));
    yield { orders: read.orders, invalid: read.invalid, cursor: position(), file: { name: file.name, remotePath: file.path, content } };
  }
  // Nothing new, but files were archived: the position no longer names them.
  if (pages === 0 && (archived > 0 || saved.kept.length !== kept.length || cursor === null)) yield { orders: [], invalid: [], cursor: position() };
}

/**
 * Written moments ago: maybe still being uploaded, and half a file would import half an order. A time
 * in the future (a server clock ahead, or a listing in another zone) is no sign of an upload: read it.
 */
function stillArriving(file: RemoteFile, now: number, minAgeSeconds: number): boolean {
  if (!file.modifiedAt || minAgeSeconds === 0) return false;
  const age = now - Date.parse(file.modifiedAt);
  return age >= 0 && age < minAgeSeconds * 1000;
}

function handedFile(file: RemoteFile): HandedFile {
  return { name: file.name, size: file.size, ...(file.modifiedAt ? { modifiedAt: file.modifiedAt } : {}) };
}

/** The same file as it was handed over: a file re-sent under the same name differs in time or size. */
function sameFile(a: HandedFile, b: RemoteFile): boolean {
  return a.name === b.name && a.size === b.size && (a.modifiedAt ?? '') === (b.modifiedAt ?? '');
}
