import type { InventoryFileProfile } from '../../../../shared/schemas/csv-profile.js';
import type { InventoryRow, ParsedRows } from '../row-types.js';
import { wholeNumberOrReason } from './cell-values.js';
import { compileInboundColumns, readCell, type CellReader } from './inbound-columns.js';
import { InboundTableReader } from './inbound-table.js';
import { readWhole, type RecordConverter, type RowReader } from './row-reader.js';

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
      return rowConverter(fileName, compileInboundColumns<Key>(header, profile.columns, ['sku', 'quantity']));
    },
  };
}

export function readInventoryFile(fileName: string, content: Buffer, profile: InventoryFileProfile): ParsedRows<InventoryRow> {
  return readWhole(inventoryRowReader(fileName, profile), content);
}

/** A record to a row or a row error, compiled once per file (no closure or result object per row). */
function rowConverter(file: string, read: Partial<Record<Key, CellReader>>): RecordConverter<InventoryRow> {
  const problems: string[] = [];
  return (record, into) => {
    const cells = record.cells;
    if (problems.length > 0) problems.length = 0;
    if (record.problem) problems.push(record.problem);
    const sku = text(read.sku, cells, 'SKU', problems);
    if (sku === '' && problems.length === 0) problems.push('SKU is empty');
    const quantity = wholeNumberOrReason(text(read.quantity, cells, 'quantity', problems), 'quantity', 0);
    if (typeof quantity !== 'number') problems.push(quantity);
    const location = text(read.location, cells, 'location', problems);
    if (problems.length > 0) into.rowErrors.push({ file, line: record.line, reason: problems.join('; ') });
    else if (typeof quantity === 'number') into.rows.push(location ? { sku, quantity, location, line: record.line } : { sku, quantity, line: record.line });
  };
}

function text(reader: CellReader | undefined, cells: readonly string[], label: string, problems: string[]): string {
  if (!reader) return '';
  const value = readCell(reader, cells);
  if (typeof value === 'string') return value;
  problems.push(`${label} ${value.reason}`);
  return '';
}
