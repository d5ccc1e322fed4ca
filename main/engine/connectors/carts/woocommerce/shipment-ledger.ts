import type { ShipmentToUpload } from '../cart-connector.js';

/**
 * WooCommerce has no line-level fulfilment: a tracking item (or a note) names no lines. So each package
 * the warehouse ships is also written as a private order note naming its lines, and those notes are the
 * ledger the connector reads to know when every line has shipped (then the order is completed). The
 * merchant reads the same note in the order's sidebar.
 *
 * "Dockhand: package TRACK shipped: 2 × SKU-A [line 17]; 1 × SKU-B [line 18]"
 */

export const LEDGER_MARK = 'Dockhand: package ';

export function ledgerNote(shipment: Pick<ShipmentToUpload, 'trackingNumber' | 'items' | 'packageRef'>): string {
  const lines = shipment.items.map((i) => `${i.quantity} × ${i.sku || 'no SKU'} [line ${i.cartLineId}]`);
  return `${LEDGER_MARK}${packageLabel(shipment)} shipped: ${lines.join('; ')}`;
}

/**
 * How the ledger names a package: its tracking number, or for a package without one Dockhand's id of
 * the shipment (two such packages of one order are two entries, and a re-send finds its own).
 */
export function packageLabel(shipment: Pick<ShipmentToUpload, 'trackingNumber' | 'packageRef'>): string {
  return shipment.trackingNumber || `without tracking number #${shipment.packageRef ?? ''}`;
}

export function isLedgerNote(note: string): boolean {
  return note.startsWith(LEDGER_MARK);
}

/** A ledger note read back: its tracking number and units per line id; undefined for any other note. */
export function readLedgerNote(note: string): { trackingNumber: string; lines: Record<string, number> } | undefined {
  if (!isLedgerNote(note)) return undefined;
  const rest = note.slice(LEDGER_MARK.length);
  const cut = rest.indexOf(' shipped: ');
  if (cut < 0) return undefined;
  const lines: Record<string, number> = {};
  // Lazy up to each " [line ": a SKU may hold ";" or "×".
  for (const match of rest.slice(cut).matchAll(/(\d+) × .*? \[line ([^\]]+)\]/g)) {
    lines[match[2]] = (lines[match[2]] ?? 0) + Number(match[1]);
  }
  return { trackingNumber: rest.slice(0, cut), lines };
}

/** Units shipped per line over the ledger notes, leaving out the package `except` (a re-send of it). */
export function shippedPerLine(notes: readonly { note: string }[], except?: string): Record<string, number> {
  const shipped: Record<string, number> = {};
  for (const n of notes) {
    const entry = readLedgerNote(n.note);
    if (!entry || entry.trackingNumber === except) continue;
    for (const [line, units] of Object.entries(entry.lines)) shipped[line] = (shipped[line] ?? 0) + units;
  }
  return shipped;
}
