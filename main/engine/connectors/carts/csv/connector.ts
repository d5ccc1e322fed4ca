import { DockhandError } from '../../../../../shared/errors.js';
import type { CsvCartCredentials, CsvCartSettings } from '../../../../../shared/platforms/csv.js';
import { createTransport } from '../../../transports/create-transport.js';
import { joinRelative } from '../../../transports/remote-path.js';
import type { Transport } from '../../../transports/transport.js';
import type { CartConnector, CartContext, ShipmentToUpload, ShipmentUploadResult } from '../cart-connector.js';
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
  const transport = deps.transport ?? createTransport(settings.transport, { password: credentials.password }, ctx);

  async function uploadShipment(shipment: ShipmentToUpload): Promise<ShipmentUploadResult> {
    // Line ids are the order number and the line's key: a line of another order is not this order's.
    const foreign = shipment.items.filter((i) => !i.cartLineId.startsWith(`${shipment.cartOrderId}/`));
    if (foreign.length > 0) {
      throw new DockhandError('data', `Order ${shipment.orderNumber} has no line ${foreign.map((i) => `${i.cartLineId} (${i.sku})`).join(', ')} in its order file`);
    }
    const name = trackingFileName(shipment);
    if (settings.trackingFolder === '') {
      ctx.log.log('info', 'Tracking not sent back: no tracking folder is set for this CSV order source', { order: shipment.orderNumber });
      return { remoteId: `not-sent-back:${name}`, alreadyExisted: false };
    }
    if (await transport.exists(joinRelative(settings.trackingFolder, name))) return { remoteId: name, alreadyExisted: true };
    await transport.writeAtomic(settings.trackingFolder, name, trackingFileContent(shipment, settings));
    return { remoteId: name, alreadyExisted: false };
  }

  return {
    testConnection: () => testCsvSource(settings, transport),
    fetchOrders: (options) => downloadOrderFiles(ctx, settings, transport, options),
    uploadShipment,
    async pushInventory(levels) {
      if (settings.stockFolder === '') {
        ctx.log.log('info', 'Stock not sent: no stock folder is set for this CSV order source', { skus: levels.length });
        return { updated: 0, unknownSkus: [], failed: [] };
      }
      if (levels.length === 0) return { updated: 0, unknownSkus: [], failed: [] };
      await transport.writeAtomic(settings.stockFolder, stockFileName(ctx.clock.now()), stockFileContent(levels, settings));
      return { updated: levels.length, unknownSkus: [], failed: [] };
    },
  };
}
