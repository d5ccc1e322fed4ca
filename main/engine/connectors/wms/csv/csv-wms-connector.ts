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
import { joinRelative } from '../../../transports/remote-path.js';
import type { Transport } from '../../../transports/transport.js';
import { offeredCertificate } from '../../../transports/ftp-certificate.js';
import type {
  ConfirmationRow,
  DeliveryBatch,
  DeliveryResult,
  InboundBatch,
  UnreadableFile,
  WmsConnector,
  WmsContext,
  WmsMerchantTarget,
} from '../wms-connector.js';
import { ARCHIVE_FOLDER, ERROR_FOLDER, merchantFolder, merchantFolders, type FolderKind } from './merchant-folders.js';

export interface CsvWmsDeps {
  /** Replaces the transport the settings name (tests, or a host that shares one connection). */
  transport?: Transport;
  /** The file formats of a merchant's files (its overrides over the warehouse's); default: those the settings carry, else the standard ones. */
  profilesFor?: ProfilesFor;
}

/** The order file of a batch: named from the batch id only, so a resend rewrites the same file. */
export function orderFileName(batchId: string): string {
  return `orders-${batchId.replace(/[^A-Za-z0-9._-]/g, '_')}.csv`;
}

/**
 * The CSV-file WMS: order files out, confirmation and inventory files in, over FTP/FTPS or a folder.
 * Inbound files are handed out one at a time, oldest first, and only archived when the service
 * acknowledges the batch (after saving it); a file that cannot be parsed goes to `<folder>/error/`.
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

  async function* pickup<Row>(
    merchant: WmsMerchantTarget,
    kind: FolderKind,
    reader: (fileName: string) => RowReader<Row>,
  ): AsyncGenerator<InboundBatch<Row> | { unreadable: UnreadableFile }> {
    const folder = merchantFolder(settings, merchant, kind);
    const files = await listInbound(folder);
    for (const file of files) {
      ctx.signal.throwIfAborted();
      let parsed: ParsedRows<Row>;
      try {
        // Streamed where the transport can (the file's bytes are never held whole), and read to its end
        // before any row is handed on: a file found unreadable halfway applies nothing.
        parsed = await readAll(reader(file.name), transport.readStream ? transport.readStream(file.path) : [await transport.read(file.path)]);
      } catch (err) {
        if (!(err instanceof UnreadableFileError)) throw err;
        await transport.move(file.path, joinRelative(folder, ERROR_FOLDER));
        log.log('warn', 'Unreadable WMS file moved to the error folder', { file: file.path, reason: err.message });
        yield { unreadable: { fileName: file.name, reason: err.message } };
        continue;
      }
      let settled = false;
      const settle = async (toDir: string) => {
        if (settled) return;
        await transport.move(file.path, joinRelative(folder, toDir));
        settled = true;
      };
      yield {
        fileName: file.name,
        rows: parsed.rows,
        rowErrors: parsed.rowErrors,
        ack: async () => {
          await settle(ARCHIVE_FOLDER);
          log.log('info', 'WMS file archived', { file: file.path, rows: parsed.rows.length, rowErrors: parsed.rowErrors.length });
        },
        reject: async (reason: string) => {
          await settle(ERROR_FOLDER);
          log.log('warn', 'WMS file moved to the error folder', { file: file.path, reason });
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
      const checked = folders.length > 0 ? `; folders ready: ${folders.join(', ')}` : '';
      return { ok: true, message: `Connected to ${describeTransport(settings)}${checked}` };
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
      // Nothing to send (every order rejected, or an empty batch): no file rather than an empty one
      // the WMS would import as a batch of nothing.
      if (file.written.length > 0) {
        const folder = merchantFolder(settings, batch.merchant, 'orders');
        await transport.writeAtomic(folder, fileName, file.content, { beforeRename: () => batch.beforePublish(built) });
        log.log('info', 'Order file delivered', { folder, file: fileName, orders: file.written.length, rejected: file.rejected.length });
      }
      return built;
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
