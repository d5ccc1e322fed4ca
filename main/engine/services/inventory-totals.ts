import type { InventoryLevel } from '../../../shared/domain.js';
import type { RowError } from '../connectors/wms/wms-connector.js';

/**
 * One inventory file's stock per SKU. A SKU on several rows is stock kept in several bins or locations:
 * the rows add up (taking the last row alone would drop the rest of the stock). The repetition is still
 * reported, naming the file, the SKU and its lines, so a file that lists a SKU twice by mistake is seen;
 * the file itself is applied.
 */
export function sumInventoryRows(
  fileName: string,
  rows: readonly (InventoryLevel & { line: number })[],
): { levels: InventoryLevel[]; notices: RowError[] } {
  const bySku = new Map<string, { quantity: number; locations: string[]; lines: number[] }>();
  for (const row of rows) {
    const entry = bySku.get(row.sku) ?? { quantity: 0, locations: [], lines: [] };
    entry.quantity += row.quantity;
    if (row.location && !entry.locations.includes(row.location)) entry.locations.push(row.location);
    entry.lines.push(row.line);
    bySku.set(row.sku, entry);
  }
  const levels: InventoryLevel[] = [];
  const notices: RowError[] = [];
  for (const [sku, { quantity, locations, lines }] of bySku) {
    levels.push(locations.length > 0 ? { sku, quantity, location: locations.join(', ') } : { sku, quantity });
    if (lines.length > 1) {
      notices.push({
        file: fileName,
        line: lines[0],
        reason: `SKU ${sku} is on ${lines.length} rows (lines ${lines.join(', ')}): their quantities were added up to ${quantity}`,
      });
    }
  }
  return { levels, notices };
}
