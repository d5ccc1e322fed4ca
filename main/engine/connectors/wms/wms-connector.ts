import type { CanonicalOrder, InventoryLevel } from '../../../../shared/domain.js';
import type { Clock, Logger } from '../../platform/ports.js';

/**
 * What a WMS connector offers the services. Persist before acknowledge: inbound files are handed out
 * as batches whose `ack()` (archive) the service calls only after it saved their contents, and whose
 * `reject()` moves an unreadable file aside.
 */

export interface WmsContext {
  clock: Clock;
  log: Logger;
  signal: AbortSignal;
}

/** The merchant-specific part of the WMS setup. */
export interface WmsMerchantTarget {
  merchantId: number;
  /** The merchant's code at the WMS; also its folder name on the server. */
  code: string;
  /** Per-merchant folder overrides (relative to the transport root); defaults come from the WMS setup. */
  folders?: { orders?: string; confirmations?: string; inventory?: string };
}

/** An order as it goes into the WMS file: the canonical order plus what Dockhand decided about it. */
export interface OrderForDelivery {
  order: CanonicalOrder;
  /** The WMS ship code after mapping. */
  mappedShipCode: string;
  orderSource: string;
}

export interface DeliveryBatch {
  /** Recorded before the upload; the file is named from it, so a retry rewrites the same file. */
  batchId: string;
  merchant: WmsMerchantTarget;
  /**
   * The orders, in file order. May be produced lazily (a big batch is read from the store in chunks
   * while the file is built, so its orders are never all in memory at once); a connector iterates it
   * once per `deliverOrders` call.
   */
  orders: Iterable<OrderForDelivery> | AsyncIterable<OrderForDelivery>;
}

/** An order of a batch that could not be written (e.g. too many lines for a horizontal layout). */
export interface DeliveryRejection {
  cartOrderId: string;
  reason: string;
}

export interface DeliveryResult {
  fileName: string;
  delivered: number;
  rejected: DeliveryRejection[];
}

export interface RowError {
  file: string;
  /** 1-based line number in the file. */
  line: number;
  reason: string;
}

export interface ConfirmationRow {
  /** The order source value of the order file, when the confirmation file carries it. */
  orderSource?: string;
  orderNumber: string;
  sku: string;
  quantity: number;
  carrier: string;
  service?: string;
  trackingNumber: string;
  /** ISO UTC. */
  shipDate: string;
  cost?: string;
  weight?: string;
  /** 1-based line in the file, for error reports. */
  line: number;
}

export interface InboundBatch<Row> {
  fileName: string;
  rows: Row[];
  rowErrors: RowError[];
  /** Archive the file (call only after its rows are saved). */
  ack(): Promise<void>;
  /** Move the file to the error folder, with the reason logged. */
  reject(reason: string): Promise<void>;
}

export interface UnreadableFile {
  fileName: string;
  reason: string;
}

export interface WmsConnector {
  testConnection(merchants: WmsMerchantTarget[]): Promise<{ ok: boolean; message: string }>;
  deliverOrders(batch: DeliveryBatch): Promise<DeliveryResult>;
  /**
   * Inbound files of a merchant. A file that cannot be parsed at all is moved to the error folder
   * by the connector and reported in `unreadable`; parseable files come as batches.
   */
  pickupConfirmations(
    merchant: WmsMerchantTarget,
  ): AsyncIterable<InboundBatch<ConfirmationRow> | { unreadable: UnreadableFile }>;
  pickupInventory(
    merchant: WmsMerchantTarget,
  ): AsyncIterable<InboundBatch<InventoryLevel & { line: number }> | { unreadable: UnreadableFile }>;
  close(): Promise<void>;
}
