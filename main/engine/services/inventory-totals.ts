import type { InventoryLevel } from '../../../shared/domain.js';
import type { RowError } from '../connectors/wms/wms-connector.js';

/**
 * One inventory file's stock per SKU. A SKU on several rows is stock kept in several bins or locations:
 * the rows add up (taking the last row alone would drop the rest of the stock). Rows that each name a
 * bin of their own are the normal shape of such a file and pass quietly; a repetition the file does not
 * explain (no location, or the same location twice) is still added up but reported, naming the file, the
 * SKU and its lines, so a file that lists a SKU twice by mistake is seen. The file itself is applied.
 */
export function sumInventoryRows(
  fileName: string,
  rows: readonly (InventoryLevel & { line: number })[],
): { levels: InventoryLevel[]; notices: RowError[] } {
  const bySku = new Map<string, { quantity: number; locations: string[]; lines: number[]; unexplained: boolean }>();
  for (const row of rows) {
    const entry = bySku.get(row.sku) ?? { quantity: 0, locations: [], lines: [], unexplained: false };
    entry.quantity += row.quantity;
    // A second row of the SKU is explained only by a location of its own, different from every earlier one.
    if (entry.lines.length > 0 && (!row.location || entry.locations.includes(row.location) || entry.locations.length < entry.lines.length)) {
      entry.unexplained = true;
    }
    if (row.location && !entry.locations.includes(row.location)) entry.locations.push(row.location);
    entry.lines.push(row.line);
    bySku.set(row.sku, entry);
  }
  const levels: InventoryLevel[] = [];
  const notices: RowError[] = [];
  for (const [sku, { quantity, locations, lines, unexplained }] of bySku) {
    levels.push(locations.length > 0 ? { sku, quantity, location: locations.join(', ') } : { sku, quantity });
    if (unexplained) {
      notices.push({
        file: fileName,
        line: lines[0],
        reason: `SKU ${sku} is on ${lines.length} rows (lines ${lines.join(', ')}) without a location of its own on each: their quantities were added up to ${quantity}`,
      });
    }
  }
  return { levels, notices };
}
