import { describe, expect, it } from 'vitest';
import { DEFAULT_INVENTORY_PROFILE } from '../../../../../shared/csv-defaults.js';
import { inventoryRowReader, readInventoryFile } from '../../../../../main/engine/files/readers/inventory-reader.js';
import { readBatches, ROWS_PER_BATCH } from '../../../../../main/engine/files/readers/row-reader.js';

describe('readBatches', () => {
  it('hands a whole file given as one chunk on in batches (the screens get turns between them), row for row as read whole', async () => {
    // Multi-byte SKUs and quoted newlines, so slices fall inside a character and inside a cell.
    const lines = ['SKU,Quantity,Location'];
    for (let i = 0; i < 20_000; i++) lines.push(i % 7 === 0 ? `"Müller\n${i}",${i % 90},"A-${i}"` : `SKÜ-${i},${i % 90},A-${i % 40}`);
    const content = Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
    const batches = [];
    for await (const batch of readBatches(inventoryRowReader('inv.csv', DEFAULT_INVENTORY_PROFILE), [content])) batches.push(batch);
    // One batch per 64 KB slice at most (~3,000 of these rows), never the whole file at once.
    expect(batches.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...batches.map((b) => b.rows.length + b.rowErrors.length))).toBeLessThan(2 * ROWS_PER_BATCH);
    const whole = readInventoryFile('inv.csv', content, DEFAULT_INVENTORY_PROFILE);
    expect(batches.flatMap((b) => b.rows)).toEqual(whole.rows);
    expect(batches.flatMap((b) => b.rowErrors)).toEqual(whole.rowErrors);
    expect(whole.rows).toHaveLength(20_000);
  });
});
