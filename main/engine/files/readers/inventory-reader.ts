import type { InventoryFileProfile } from '../../../../shared/schemas/csv-profile.js';
import { wholeNumber } from './cell-values.js';
import type { InventoryRow, ParsedRows } from '../row-types.js';
import { readInboundTable, resolveColumns } from './inbound-table.js';

/**
 * Inventory snapshots: SKU and quantity on hand (0 allowed), location optional. Rows are passed on
 * as they are, with their line: a SKU on several rows is summed and reported by the service
 * (services/inventory-totals.ts).
 * Throws UnreadableFileError when the file is not a usable table.
 */
export function readInventoryFile(fileName: string, content: Buffer, profile: InventoryFileProfile): ParsedRows<InventoryRow> {
  const table = readInboundTable(content, profile);
  const at = resolveColumns(table, profile.columns, ['sku', 'quantity'] as const);
  const rows: InventoryRow[] = [];
  const rowErrors: ParsedRows<InventoryRow>['rowErrors'] = [];
  for (const record of table.records) {
    const cell = (index: number | undefined) => (index === undefined ? '' : (record.cells[index] ?? ''));
    const problems: string[] = record.problem ? [record.problem] : [];
    const sku = cell(at.sku);
    if (sku === '') problems.push('SKU is empty');
    const quantity = wholeNumber(cell(at.quantity), 'quantity', 0);
    if (!quantity.ok) problems.push(quantity.reason);
    if (problems.length > 0 || !quantity.ok) {
      rowErrors.push({ file: fileName, line: record.line, reason: problems.join('; ') });
      continue;
    }
    const location = cell(at.location);
    rows.push({ sku, quantity: quantity.value, ...(location ? { location } : {}), line: record.line });
  }
  return { rows, rowErrors };
}
