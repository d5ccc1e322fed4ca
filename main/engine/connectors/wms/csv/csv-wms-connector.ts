import { isDockhandError } from '../../../../../shared/errors.js';
import type { CsvWmsSettings } from '../../../../../shared/schemas/wms.js';
import { describeTransport as describeAnyTransport, type TransportSecrets } from '../../../../../shared/transports/index.js';
import { confirmationRowReader } from '../../../files/readers/confirmation-reader.js';
import { UnreadableFileError } from '../../../files/readers/inbound-table.js';
import { inventoryRowReader } from '../../../files/readers/inventory-reader.js';
import { readAll, type RowReader } from '../../../files/readers/row-reader.js';
import type { InventoryRow, ParsedRows } from '../../../files/row-types.js';
import { orderFileBuilder } from '../../../files/writer/order-file-writer.js';
import { embeddedProfiles, type ProfilesFor } from '../../../formats/file-profiles.js';
import { createTransport } from '../../../transports/create-transport.js';
import { traceAtomicWrite } from '../../../transports/atomic-write-trace.js';
import { dirName } from '../../../transports/remote-path.js';
import type { RemoteFile, Transport } from '../../../transports/transport.js';
import { offeredCertificate } from '../../../transports/ftp-certificate.js';
import type {
  ConfirmationRow,
  DeliveryBatch,
  DeliveryResult,
  InboundBatch,
  NotArchived,
  UnreadableFile,
  WmsConnector,
  WmsContext,
  WmsMerchantTarget,
} from '../wms-connector.js';
import { isHeld, memoryHeldFiles, type HeldFiles } from './held-files.js';
import { markedFiles, stableFiles, type ReadyFile } from './inbound-readiness.js';
import { checkFolders } from './folder-check.js';
import { ARCHIVE_FOLDER, datedFolder, ERROR_FOLDER, merchantFolder, merchantFolders, type FolderKind } from './merchant-folders.js';

export interface CsvWmsDeps {
  /** Replaces the transport the settings name (tests, or a host that shares one connection). */
  transport?: Transport;
  /** The file formats of a merchant's files (its overrides over the warehouse's); default: those the settings carry, else the standard ones. */
  profilesFor?: ProfilesFor;
  /** Files applied but not archived, remembered across runs (the engine's: stored-held-files.ts); default: for this connector's life. */
  heldFiles?: HeldFiles;
  /** How long apart the two looks at a folder are, to tell a finished file from one still growing (no done-marker). */
  settleMs?: number;
}

/**
 * Two looks 2 s apart within the same pickup, rather than sizes remembered from the previous run: a
 * file is read in the run that first sees it (no wait for the next schedule), and there is no state to
 * lose or to trust after a restart or a crash: every pickup decides afresh. A WMS that pauses longer
 * than this mid-file should use a done-marker.
 */
export const DEFAULT_SETTLE_MS = 2000;

/** The order file of a batch: named from the batch id only, so a resend rewrites the same file. */
export function orderFileName(batchId: string): string {
  return `orders-${batchId.replace(/[^A-Za-z0-9._-]/g, '_')}.csv`;
}

/**
 * The CSV-file WMS: order files out, confirmation and inventory files in, over FTP/FTPS or a folder.
 * Inbound files are handed out one at a time, oldest first, once complete (unchanged across two looks,
 * or marked done), and only archived (to `<folder>/archive/<day>/`) when the service acknowledges the
 * batch (after saving it); a file that cannot be parsed goes to `<folder>/error/<day>/`. A file gone
 * before it is read is skipped; one that cannot be archived is held (held-files.ts), never applied twice.
 */
export function createCsvWmsConnector(
  settings: CsvWmsSettings,
  secrets: TransportSecrets,
  ctx: WmsContext,
  deps: CsvWmsDeps = {},
): WmsConnector {
  const transport = deps.transport ?? createTransport(settings.transport, secrets, ctx);
  const log = ctx.log.child({ wms: 'csv' });
  const profilesFor = deps.profilesFor ?? (() => embeddedProfiles(settings));
  const heldFiles = deps.heldFiles ?? memoryHeldFiles();
  const settleMs = deps.settleMs ?? DEFAULT_SETTLE_MS;
  const doneMarker = settings.folders.doneMarker?.trim() ?? '';

  /**
   * A new merchant's inbound folder often does not exist until the WMS first writes to it. Rather
   * than alert on every run until then, create it (as the connection test does) and report no files;
   * if it cannot be created, the transport's error names the folder and why.
   */
  async function listInbound(folder: string) {
    try {
      return await transport.list(folder);
    } catch (err) {
      if (!isDockhandError(err) || err.kind !== 'config') throw err;
      await transport.test([folder]);
      log.log('info', 'Created the missing inbound folder', { folder });
      return [];
    }
  }

  /** The files of a folder complete enough to read, oldest first: marked, or unchanged across two looks. */
  async function readyFiles(folder: string, candidates: RemoteFile[]): Promise<ReadyFile[]> {
    if (doneMarker !== '') return markedFiles(candidates, doneMarker);
    if (candidates.length === 0) return [];
    await ctx.clock.sleep(settleMs, ctx.signal);
    const { stable, growing } = stableFiles(candidates, await transport.list(folder));
    for (const f of growing) log.log('info', 'WMS file still being written; left for the next pickup', { file: f.path, size: f.size });
    return stable;
  }

  /** Moves a file, and its done-marker, into `toDir`. */
  async function moveWithMarker(file: ReadyFile, toDir: string): Promise<void> {
    await transport.move(file.path, toDir);
    if (file.markerPath) await transport.move(file.markerPath, toDir);
  }

  /**
   * A read that failed because the file is gone (a warehouse that deletes what it imported, or a person
   * tidying up) skips that file quietly; anything else is a real failure of the pickup.
   */
  async function vanished(file: ReadyFile): Promise<boolean> {
    return !(await transport.exists(file.path).catch(() => true));
  }

  /** After the rows are saved: to the dated archive; if the server refuses, held so it is never applied again. */
  async function archive(file: ReadyFile, folder: string, merchantId: number, detail: Record<string, unknown>): Promise<void | NotArchived> {
    const toDir = datedFolder(folder, ARCHIVE_FOLDER, ctx.clock.now());
    try {
      await moveWithMarker(file, toDir);
      log.log('info', 'WMS file archived', { file: file.path, to: toDir, ...detail });
      return;
    } catch (err) {
      if (await vanished(file)) return; // taken by the warehouse after we read it: nothing left to archive
      const reason = err instanceof Error ? err.message : String(err);
      await heldFiles.hold({ path: file.path, size: file.size, modifiedAt: file.modifiedAt, reason, heldAt: ctx.clock.now().toISOString(), merchantId });
      log.log('warn', 'WMS file applied but not archived; it will not be applied again', { file: file.path, reason });
      return {
        notArchived: `${file.name} was applied but could not be moved to ${toDir} (${reason}); it stays in ${folder} and will not be applied again. Move or delete it there by hand, or allow Dockhand to rename files in that folder.`,
      };
    }
  }

  async function* pickup<Row>(
    merchant: WmsMerchantTarget,
    kind: FolderKind,
    reader: (fileName: string) => RowReader<Row>,
  ): AsyncGenerator<InboundBatch<Row> | { unreadable: UnreadableFile }> {
    const folder = merchantFolder(settings, merchant, kind);
    const listed = await listInbound(folder);
    const held = (await heldFiles.list()).filter((h) => dirName(h.path) === folder);
    const candidates: RemoteFile[] = [];
    for (const f of listed) {
      const h = held.find((x) => x.path === f.path);
      if (h && isHeld(h, f)) {
        // Applied in an earlier run; try the archive again now (the permission may have been fixed).
        const toDir = datedFolder(folder, ARCHIVE_FOLDER, ctx.clock.now());
        const marker = doneMarker !== '' && listed.some((m) => m.path === f.path + doneMarker) ? f.path + doneMarker : undefined;
        const moved = await moveWithMarker({ ...f, markerPath: marker }, toDir).then(() => true, () => false);
        if (moved) await heldFiles.release(f.path);
        log.log(moved ? 'info' : 'debug', moved ? 'Held WMS file archived at last' : 'Held WMS file still cannot be archived; not applied again', { file: f.path });
        continue;
      }
      if (h) await heldFiles.release(h.path); // a new file under the name of one held before
      candidates.push(f);
    }
    // A held file no longer listed was moved or deleted by someone: nothing to remember.
    for (const h of held) if (!listed.some((f) => f.path === h.path)) await heldFiles.release(h.path);

    for (const file of await readyFiles(folder, candidates)) {
      ctx.signal.throwIfAborted();
      let parsed: ParsedRows<Row>;
      try {
        // Streamed where the transport can (the file's bytes are never held whole), and read to its end
        // before any row is handed on: a file found unreadable halfway applies nothing.
        parsed = await readAll(reader(file.name), transport.readStream ? transport.readStream(file.path) : [await transport.read(file.path)]);
      } catch (err) {
        if (!(err instanceof UnreadableFileError)) {
          if (await vanished(file)) {
            log.log('info', 'WMS file was removed before it could be read; skipped', { file: file.path });
            continue;
          }
          throw err;
        }
        const toDir = datedFolder(folder, ERROR_FOLDER, ctx.clock.now());
        await moveWithMarker(file, toDir);
        log.log('warn', 'Unreadable WMS file moved to the error folder', { file: file.path, to: toDir, reason: err.message });
        yield { unreadable: { fileName: file.name, reason: err.message, movedTo: toDir } };
        continue;
      }
      let settled = false;
      const settle = async <T>(move: () => Promise<T>): Promise<T | undefined> => {
        if (settled) return undefined;
        const result = await move();
        settled = true;
        return result;
      };
      yield {
        fileName: file.name,
        rows: parsed.rows,
        rowErrors: parsed.rowErrors,
        ack: () => settle(() => archive(file, folder, merchant.merchantId, { rows: parsed.rows.length, rowErrors: parsed.rowErrors.length })),
        reject: async (reason: string) => {
          const toDir = datedFolder(folder, ERROR_FOLDER, ctx.clock.now());
          await settle(() => moveWithMarker(file, toDir));
          log.log('warn', 'WMS file moved to the error folder', { file: file.path, to: toDir, reason });
        },
      };
    }
  }

  return {
    async testConnection(merchants) {
      const folders = [...new Set(merchants.flatMap((m) => Object.values(merchantFolders(settings, m))))];
      try {
        await transport.test(folders.length > 0 ? folders : ['']);
      } catch (err) {
        // An untrusted FTPS certificate comes back with the test, for the user to look at and accept.
        const certificate = offeredCertificate(err);
        return { ok: false, message: err instanceof Error ? err.message : String(err), ...(certificate ? { certificate } : {}) };
      }
      if (folders.length === 0) return { ok: true, message: `Connected to ${describeTransport(settings)}` };
      const checked = await checkFolders(transport, folders);
      if (checked.problem) return { ok: false, message: `Connected to ${describeTransport(settings)}, but ${checked.problem}`, folders: checked.lines };
      return { ok: true, message: `Connected to ${describeTransport(settings)}; every folder listed and writable`, folders: checked.lines };
    },

    async deliverOrders(batch: DeliveryBatch): Promise<DeliveryResult> {
      const fileName = orderFileName(batch.batchId);
      const builder = orderFileBuilder(profilesFor(batch.merchant.merchantId).order, { batchId: batch.batchId, merchantCode: batch.merchant.code, carriers: ctx.carriers });
      for await (const item of batch.orders) {
        ctx.signal.throwIfAborted();
        builder.add(item);
      }
      const file = builder.finish();
      const built = { fileName, delivered: file.written.length, rejected: file.rejected };
      const warnings: string[] = [];
      // Nothing to send (every order rejected, or an empty batch): no file rather than an empty one
      // the WMS would import as a batch of nothing.
      if (file.written.length > 0) {
        const folder = merchantFolder(settings, batch.merchant, 'orders');
        await transport.writeAtomic(folder, fileName, file.content, { beforeRename: () => batch.beforePublish(built), onWarning: (w) => warnings.push(w) });
        log.log('info', 'Order file delivered', { folder, file: fileName, orders: file.written.length, rejected: file.rejected.length });
      }
      return warnings.length > 0 ? { ...built, warnings } : built;
    },

    async traceDelivery(merchant, batchId) {
      const fileName = orderFileName(batchId);
      const found = await traceAtomicWrite(transport, merchantFolder(settings, merchant, 'orders'), fileName);
      return { fileName, trace: found === 'final' ? 'waiting' : found === 'temporary' ? 'unpublished' : 'taken' };
    },

    pickupConfirmations(merchant) {
      return pickup<ConfirmationRow>(merchant, 'confirmations', (name) => confirmationRowReader(name, profilesFor(merchant.merchantId).confirmation));
    },

    pickupInventory(merchant) {
      return pickup<InventoryRow>(merchant, 'inventory', (name) => inventoryRowReader(name, profilesFor(merchant.merchantId).inventory));
    },

    close: () => transport.close(),
  };
}

function describeTransport(settings: CsvWmsSettings): string {
  const t = settings.transport;
  if (t.kind === 'folder') return `folder ${t.path}`;
  if (t.kind !== 'ftp') return describeAnyTransport(t);
  const scheme = t.security === 'explicit' ? 'ftps (explicit TLS)' : 'ftp';
  return `${scheme} ${t.user}@${t.host}:${t.port}${t.root.startsWith('/') ? t.root : `/${t.root}`}`;
}
