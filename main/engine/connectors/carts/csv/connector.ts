import { DockhandError, isDockhandError } from '../../../../../shared/errors.js';
import type { CsvCartCredentials, CsvCartSettings } from '../../../../../shared/platforms/csv.js';
import { UnreadableFileError } from '../../../files/readers/inbound-table.js';
import { createTransport } from '../../../transports/create-transport.js';
import { joinRelative } from '../../../transports/remote-path.js';
import type { Transport } from '../../../transports/transport.js';
import type { CartConnector, CartContext, ShipmentBatchResult, ShipmentToUpload, ShipmentUploadResult } from '../cart-connector.js';
import { readItemList } from './item-list.js';
import { downloadOrderFiles } from './order-download.js';
import { stockFileContent, stockFileName } from './stock-file.js';
import { testCsvSource } from './test-connection.js';
import { trackingFileContent, trackingFileName } from './tracking-file.js';

export interface CsvCartDeps {
  /** Replaces the transport the settings name (tests). */
  transport?: Transport;
}

/**
 * CSV order files: orders read from files in a folder (FTP/FTPS or local), tracking and stock written
 * back as files where the merchant set a folder for them. Reuses the WMS transports (transports/) and
 * the inbound CSV reading (csv/inbound-table.ts).
 */
export function createCsvCartConnector(ctx: CartContext, settings: CsvCartSettings, credentials: CsvCartCredentials, deps: CsvCartDeps = {}): CartConnector {
  const transport = deps.transport ?? createTransport(settings.transport, credentials, ctx);

  async function uploadShipment(shipment: ShipmentToUpload): Promise<ShipmentUploadResult> {
    // Line ids are the order number and the line's key: a line of another order is not this order's.
    const foreign = shipment.items.filter((i) => !i.cartLineId.startsWith(`${shipment.cartOrderId}/`));
    if (foreign.length > 0) {
      throw new DockhandError('data', `Order ${shipment.orderNumber} has no line ${foreign.map((i) => `${i.cartLineId} (${i.sku})`).join(', ')} in its order file`);
    }
    const name = trackingFileName(shipment);
    if (settings.trackingFolder === '') {
      ctx.log.log('info', 'Tracking not sent back: no tracking folder is set for this CSV order source', { order: shipment.orderNumber });
      return { outcome: 'accepted', remoteId: `not-sent-back:${name}`, alreadyExisted: false };
    }
    if (await transport.exists(joinRelative(settings.trackingFolder, name))) return { outcome: 'accepted', remoteId: name, alreadyExisted: true };
    await transport.writeAtomic(settings.trackingFolder, name, trackingFileContent(shipment, settings));
    return { outcome: 'accepted', remoteId: name, alreadyExisted: false };
  }

  async function readItems(): Promise<Set<string>> {
    const content = await transport.read(settings.itemListFile);
    try {
      return readItemList(content, settings.mapping.delimiter);
    } catch (err) {
      if (!(err instanceof UnreadableFileError)) throw err;
      throw new DockhandError('config', `The item list ${settings.itemListFile} cannot be read: ${err.message}`);
    }
  }

  /**
   * Each call the engine makes is one session: the cart interface has no close, so the FTP connection
   * is closed when the call ends instead of lingering until the server drops it.
   */
  async function session<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      await transport.close();
    }
  }

  async function uploadShipments(shipments: ShipmentToUpload[]): Promise<ShipmentBatchResult[]> {
    const results: ShipmentBatchResult[] = [];
    for (const [index, shipment] of shipments.entries()) {
      try {
        results.push({ ok: await uploadShipment(shipment) });
      } catch (err) {
        if (isDockhandError(err) && err.kind === 'data') {
          results.push({ error: err });
          continue;
        }
        // Nothing written yet: the whole batch failed. Else the written ones are kept and the run fails.
        if (!results.some((r) => 'ok' in r) || !isDockhandError(err)) throw err;
        for (let i = index; i < shipments.length; i++) results.push({ error: err });
        break;
      }
    }
    return results;
  }

  return {
    async testConnection(_services, options) {
      // A Test may meet a server whose identity nobody confirmed yet (an SFTP host key): only a Test's
      // own transport carries the witness that lets it connect to show it. Runs never get one.
      const tested = options?.identity && !deps.transport ? createTransport(settings.transport, credentials, { ...ctx, identity: options.identity }) : transport;
      try {
        return await testCsvSource(settings, tested);
      } finally {
        await tested.close();
      }
    },
    async *fetchOrders(options) {
      try {
        yield* downloadOrderFiles(ctx, settings, transport, options);
      } finally {
        await transport.close();
      }
    },
    uploadShipment: (shipment) => session(() => uploadShipment(shipment)),
    uploadShipments: (shipments) => session(() => uploadShipments(shipments)),
    pushInventory: (levels) =>
      session(async () => {
        if (settings.stockFolder === '') {
          ctx.log.log('info', 'Stock not sent: no stock folder is set for this CSV order source', { skus: levels.length });
          return { updated: 0, unknownSkus: [], failed: [] };
        }
        let known = levels;
        let unknownSkus: string[] = [];
        if (settings.itemListFile !== '') {
          const items = await readItems();
          known = levels.filter((l) => items.has(l.sku));
          unknownSkus = levels.filter((l) => !items.has(l.sku)).map((l) => l.sku);
        }
        if (known.length > 0) await transport.writeAtomic(settings.stockFolder, stockFileName(ctx.clock.now()), stockFileContent(known, settings));
        return { updated: known.length, unknownSkus, failed: [] };
      }),
  };
}
