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
  const totals = new InventoryTotals(fileName);
  totals.add(rows);
  return totals.finish();
}

/** What a SKU on more than one row needs remembered: its bins and lines, and whether they explain it. */
interface Repeated {
  locations: string[];
  lines: number[];
  unexplained: boolean;
}

/**
 * sumInventoryRows fed a slice of rows at a time, so a 100,000-row file can be summed between other work
 * on the engine thread. Most SKUs are on one row: those cost one map entry and their level, and only a
 * SKU seen again gets the bins and lines a notice needs (a record per row was most of the time and
 * garbage of summing a big file).
 */
export class InventoryTotals {
  /** One per SKU, in the order the file first lists them. */
  private readonly levels: InventoryLevel[] = [];
  private readonly firstLines: number[] = [];
  private readonly indexOf = new Map<string, number>();
  /** By index in `levels`. */
  private readonly repeated = new Map<number, Repeated>();

  constructor(private readonly fileName: string) {}

  /** Adds rows `from` up to (not including) `to`, in file order. */
  add(rows: readonly (InventoryLevel & { line: number })[], from = 0, to = rows.length): void {
    for (let i = from; i < to; i++) {
      const row = rows[i];
      const at = this.indexOf.get(row.sku);
      if (at === undefined) {
        this.indexOf.set(row.sku, this.levels.length);
        this.levels.push(row.location ? { sku: row.sku, quantity: row.quantity, location: row.location } : { sku: row.sku, quantity: row.quantity });
        this.firstLines.push(row.line);
        continue;
      }
      const level = this.levels[at];
      level.quantity += row.quantity;
      let entry = this.repeated.get(at);
      if (!entry) {
        entry = { locations: level.location ? [level.location] : [], lines: [this.firstLines[at]], unexplained: false };
        this.repeated.set(at, entry);
      }
      // A second row of the SKU is explained only by a location of its own, different from every earlier one.
      if (!row.location || entry.locations.includes(row.location) || entry.locations.length < entry.lines.length) entry.unexplained = true;
      if (row.location && !entry.locations.includes(row.location)) entry.locations.push(row.location);
      entry.lines.push(row.line);
    }
  }

  /** The levels to apply, and a notice per repetition the file does not explain (in the file's order). */
  finish(): { levels: InventoryLevel[]; notices: RowError[] } {
    const notices: RowError[] = [];
    for (const at of [...this.repeated.keys()].sort((a, b) => a - b)) {
      const { locations, lines, unexplained } = this.repeated.get(at)!;
      const level = this.levels[at];
      if (locations.length > 0) level.location = locations.join(', ');
      if (unexplained) {
        notices.push({
          file: this.fileName,
          line: lines[0],
          reason: `SKU ${level.sku} is on ${lines.length} rows (lines ${lines.join(', ')}) without a location of its own on each: their quantities were added up to ${level.quantity}`,
        });
      }
    }
    return { levels: this.levels, notices };
  }
}
