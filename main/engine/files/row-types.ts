import type { CanonicalOrder, InventoryLevel } from '../../../shared/domain.js';

/**
 * The rows the file code reads and writes. They live here, with the readers and the writer, so the
 * file code depends on nothing above it: the WMS connector and the CSV cart import these, never the
 * other way round (test/architecture.test.ts).
 */

/** An order as it goes into the WMS file: the canonical order plus what Dockhand decided about it. */
export interface OrderForDelivery {
  order: CanonicalOrder;
  /** The WMS ship code after mapping. */
  mappedShipCode: string;
  orderSource: string;
}

/** An order of a batch that could not be written (e.g. too many lines for a horizontal layout). */
export interface DeliveryRejection {
  cartOrderId: string;
  reason: string;
}

export interface RowError {
  file: string;
  /** 1-based line number in the file. */
  line: number;
  reason: string;
}

export interface ConfirmationRow {
  /** The order source value of the order file (or a store column), when the confirmation file carries it. */
  orderSource?: string;
  orderNumber: string;
  /** '' on a package row (shipsRest). */
  sku: string;
  /** 0 on a package row (shipsRest). */
  quantity: number;
  /** '' when the format has no carrier column. */
  carrier: string;
  service?: string;
  /** '' when the format has no tracking number column: the shipment still ships its lines. */
  trackingNumber: string;
  /** The shipment id column's value, when the format groups rows by it. */
  shipmentId?: string;
  /** A package row (a format of one row per package): it ships every line its order still has to ship. */
  shipsRest?: true;
  /** ISO UTC. */
  shipDate: string;
  cost?: string;
  weight?: string;
  /** 1-based line in the file, for error reports. */
  line: number;
}

/** A stock level read from an inventory file, with its line for error reports. */
export type InventoryRow = InventoryLevel & { line: number };

/** What a reader makes of one file: the good rows, and every other row with its reason. */
export interface ParsedRows<Row> {
  rows: Row[];
  rowErrors: RowError[];
}
