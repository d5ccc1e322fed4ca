import type { ConfirmationRow, DeliveryRejection, InventoryRow, OrderForDelivery, RowError } from '../../files/row-types.js';
import type { Clock, Logger } from '../../platform/ports.js';
import type { ServerCertificateView } from '../../../../shared/api-types.js';
import type { ServerIdentityWitness } from '../../transports/registry.js';

// The file rows are the file code's own (files/row-types.ts); re-exported for the services that name them here.
export type { ConfirmationRow, DeliveryRejection, InventoryRow, OrderForDelivery, RowError } from '../../files/row-types.js';

/**
 * What a WMS connector offers the services. Persist before acknowledge: inbound files are handed out
 * as batches whose `ack()` (archive) the service calls only after it saved their contents, and whose
 * `reject()` moves an unreadable file aside.
 */

export interface WmsContext {
  clock: Clock;
  log: Logger;
  signal: AbortSignal;
  /** The carrier of each WMS ship method by its code, written in the order file's Carrier column. */
  carriers?: ReadonlyMap<string, string>;
  /** Given by a Test only: may meet a server whose key is not confirmed yet, and tells what it showed. */
  identity?: ServerIdentityWitness;
}

/** The merchant-specific part of the WMS setup. */
export interface WmsMerchantTarget {
  merchantId: number;
  /** The merchant's code at the WMS; also its folder name on the server. */
  code: string;
  /** Per-merchant folder overrides (relative to the transport root); defaults come from the WMS setup. */
  folders?: { orders?: string; confirmations?: string; inventory?: string };
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
  /**
   * Called once the file is built and complete at the WMS under a name the WMS ignores, right before
   * it is published (renamed to `fileName`, after which the WMS may take it at any moment). The caller
   * records this durably, so a send cut short afterwards is resolved with `traceDelivery` instead of
   * being sent again. If it throws, nothing is published. Not called when nothing is to be sent (every
   * order rejected): then no file is written.
   */
  beforePublish(file: BuiltOrderFile): Promise<void>;
}

/** What a built order file holds, known before it is published. */
export interface BuiltOrderFile {
  fileName: string;
  delivered: number;
  rejected: DeliveryRejection[];
}

/**
 * Where the file of a send cut short while publishing now stands at the WMS (see DeliveryBatch):
 * - 'waiting': published under its final name and not taken yet: delivered (leave it be);
 * - 'unpublished': only the unpublished copy is there: the WMS never saw it; send again;
 * - 'taken': neither: it was published and the WMS took it (imported, then deleted or moved): delivered.
 */
export type DeliveryTrace = 'waiting' | 'unpublished' | 'taken';

/**
 * The bytes of a file sent or read, for the engine to keep a copy (main/engine/kept-files, the Files
 * screen). Optional: where a connector leaves them out, the engine's wiring fills them in
 * (kept-files/file-content-tee.ts).
 */
export interface FileBytes {
  content?: Buffer;
  /** Where the file is (was) at the WMS, relative to the transport root. */
  remotePath?: string;
}

export type DeliveryResult = BuiltOrderFile & FileBytes & DeliveryWarnings;

/**
 * What a person should know about a file that was still delivered (e-mail: the SMTP server refused some
 * of the WMS addresses and took it for the others), one sentence each, for the run and an alert.
 */
export interface DeliveryWarnings {
  warnings?: string[];
}

export interface InboundBatch<Row> extends FileBytes {
  fileName: string;
  rows: Row[];
  rowErrors: RowError[];
  /**
   * Archive the file (call only after its rows are saved). When the file cannot be moved (the server
   * refuses), it is remembered as applied, never handed out again, and the answer says why.
   */
  ack(): Promise<void | NotArchived>;
  /** Move the file to the error folder, with the reason logged. */
  reject(reason: string): Promise<void>;
}

export interface UnreadableFile extends FileBytes {
  fileName: string;
  reason: string;
  /** The error folder it was moved to ("acme/confirmations/error/2026-12-06"). */
  movedTo?: string;
}

/** An applied file left in its inbound folder because it could not be archived. */
export interface NotArchived {
  notArchived: string;
}

export interface WmsConnector {
  /**
   * `certificate`: an FTPS certificate the test found untrusted, offered for the user to accept.
   * `folders`: one line per folder checked ("ACME/confirmations: 3 files, writable").
   */
  testConnection(merchants: WmsMerchantTarget[]): Promise<{ ok: boolean; message: string; certificate?: ServerCertificateView; folders?: string[] }>;
  deliverOrders(batch: DeliveryBatch): Promise<DeliveryResult>;
  /**
   * Only for a batch whose file's `beforePublish` was called (its content complete at the WMS): looks
   * at the destination, and names the file. Throws when it cannot find out; never guesses absence.
   */
  traceDelivery(merchant: WmsMerchantTarget, batchId: string): Promise<{ fileName: string; trace: DeliveryTrace }>;
  /**
   * Inbound files of a merchant. A file that cannot be parsed at all is moved to the error folder
   * by the connector and reported in `unreadable`; parseable files come as batches.
   */
  pickupConfirmations(
    merchant: WmsMerchantTarget,
  ): AsyncIterable<InboundBatch<ConfirmationRow> | { unreadable: UnreadableFile }>;
  pickupInventory(
    merchant: WmsMerchantTarget,
  ): AsyncIterable<InboundBatch<InventoryRow> | { unreadable: UnreadableFile }>;
  close(): Promise<void>;
}
