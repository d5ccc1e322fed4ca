import type { InventoryFileProfile } from '../../../../shared/schemas/csv-profile.js';
import type { InventoryRow, ParsedRows } from '../row-types.js';
import { wholeNumber } from './cell-values.js';
import { compileInboundColumns, type CellReader } from './inbound-columns.js';
import { InboundTableReader, type InboundRecord } from './inbound-table.js';
import { readWhole, type RowReader } from './row-reader.js';

type Key = keyof InventoryFileProfile['columns'];

/**
 * Inventory snapshots: SKU and quantity on hand (0 allowed), location optional. Rows are passed on
 * as they are, with their line: a SKU on several rows is summed and reported by the service
 * (services/inventory-totals.ts). Columns the profile does not name are ignored.
 * Throws UnreadableFileError when the file is not a usable table.
 */
export function inventoryRowReader(fileName: string, profile: InventoryFileProfile): RowReader<InventoryRow> {
  return {
    table: new InboundTableReader({ ...profile, reportRagged: true }),
    compile(header) {
      const read = compileInboundColumns<Key>(header, profile.columns, ['sku', 'quantity']);
      return (record) => readRow(fileName, record, read);
    },
  };
}

export function readInventoryFile(fileName: string, content: Buffer, profile: InventoryFileProfile): ParsedRows<InventoryRow> {
  return readWhole(inventoryRowReader(fileName, profile), content);
}

function readRow(file: string, record: InboundRecord, read: Partial<Record<Key, CellReader>>): { row: InventoryRow } | { error: { file: string; line: number; reason: string } } {
  const problems: string[] = record.problem ? [record.problem] : [];
  const text = (key: Key, label: string): string => {
    const result = read[key]?.(record.cells) ?? { ok: true as const, value: '' };
    if (result.ok) return result.value;
    problems.push(`${label} ${result.reason}`);
    return '';
  };
  const sku = text('sku', 'SKU');
  if (sku === '' && problems.length === 0) problems.push('SKU is empty');
  const quantity = wholeNumber(text('quantity', 'quantity'), 'quantity', 0);
  if (!quantity.ok) problems.push(quantity.reason);
  const location = text('location', 'location');
  if (problems.length > 0 || !quantity.ok) return { error: { file, line: record.line, reason: problems.join('; ') } };
  return { row: { sku, quantity: quantity.value, ...(location ? { location } : {}), line: record.line } };
}
