import { readInboundTable } from '../../../files/readers/inbound-table.js';

/**
 * The merchant's item list: the SKUs it sells, from its "SKU" column or else its first column (a header
 * row is recognised by a first cell named SKU, Item or Product). Stock of any other SKU is not the
 * merchant's to receive, and is reported by name instead.
 */
export function readItemList(content: Buffer, delimiter: string): Set<string> {
  const table = readInboundTable(content, { delimiter, headerRow: false });
  const [first, ...rest] = table.records;
  const header = first.cells.map((c) => c.toLowerCase());
  const named = header.indexOf('sku');
  const hasHeader = named >= 0 || ['item', 'product', 'item number', 'product code'].includes(header[0]);
  const column = named >= 0 ? named : 0;
  const rows = hasHeader ? rest : table.records;
  return new Set(rows.map((r) => r.cells[column] ?? '').filter((sku) => sku !== ''));
}
