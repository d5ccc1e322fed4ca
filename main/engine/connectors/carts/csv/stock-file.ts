import Papa from 'papaparse';
import type { CsvCartSettings } from '../../../../../shared/platforms/csv.js';
import { neutraliseCell } from '../../../files/writer/formula-guard.js';

/** Stock levels written to the merchant as one CSV file per push (SKU, quantity), named by the push time. */
export function stockFileName(at: Date): string {
  return `stock-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${String(at.getTime() % 1000).padStart(3, '0')}.csv`;
}

export function stockFileContent(levels: { sku: string; quantity: number }[], settings: CsvCartSettings): Buffer {
  const rows = levels.map((l) => [neutraliseCell(l.sku), String(l.quantity)]);
  return Buffer.from(`${Papa.unparse([['SKU', 'Quantity'], ...rows], { delimiter: settings.mapping.delimiter, newline: '\r\n' })}\r\n`, 'utf8');
}
