/**
 * The CSV order source's row of `npm run bench`: order files in a local folder (FILES files of
 * ORDERS_PER_FILE orders, two lines each), downloaded through the engine as a merchant's CSV order
 * source: orders per second and megabytes read per second, then a second run that archives every
 * file whose orders were saved (the archive waits for the next run: main/engine/connectors/carts/csv).
 * There is no remote budget to share: the figure is the engine's own speed at reading files.
 *
 * Alone: `npx tsx bench/csv-source-download.ts [--csv-orders N]` (an engine worker of its own).
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { downloadRow } from './download-row.js';
import { round } from './measure.js';
import { runAloneWhenMain, type Call, type Check } from './platform-row-alone.js';

export const DEFAULT_CSV_ORDERS = 20_000;
const ORDERS_PER_FILE = 1000;
const HEADER = 'Order,Date,Customer,Street,City,Zip,Country,Ship,SKU,Qty,Price';
const MAPPING = {
  dateFormat: 'YYYY-MM-DD',
  columns: { orderNumber: 'Order', orderDate: 'Date', name: 'Customer', address1: 'Street', city: 'City', zip: 'Zip', country: 'Country', shipCode: 'Ship', sku: 'SKU', quantity: 'Qty', price: 'Price' },
};

/** Writes the order files: order numbers CSV-100001..., two lines each (a mug and a shirt). */
async function writeOrderFiles(folder: string, orders: number): Promise<number> {
  let bytes = 0;
  for (let first = 0; first < orders; first += ORDERS_PER_FILE) {
    const rows = [HEADER];
    for (let i = first; i < Math.min(orders, first + ORDERS_PER_FILE); i++) {
      const n = `CSV-${100_001 + i}`;
      const who = `Customer ${i},${i} Main St,Springfield,${String(10_000 + (i % 90_000))},US,STD`;
      rows.push(`${n},2026-11-20,${who},MUG-1,1,9.99`, `${n},2026-11-20,${who},TEE-${i % 7},2,19.50`);
    }
    const text = `${rows.join('\r\n')}\r\n`;
    bytes += Buffer.byteLength(text);
    await writeFile(join(folder, `orders-${String(first / ORDERS_PER_FILE + 1).padStart(5, '0')}.csv`), text);
  }
  return bytes;
}

export async function csvSourceDownloadRows(call: Call, merchantId: number, check: Check, orders = DEFAULT_CSV_ORDERS): Promise<Record<string, string | number>> {
  const root = await mkdtemp(join(tmpdir(), 'dockhand-bench-csv-source-'));
  try {
    await mkdir(join(root, 'in'));
    const bytes = await writeOrderFiles(join(root, 'in'), orders);
    const { cartId, sec } = await downloadRow(call, merchantId, check, {
      platform: 'csv',
      label: 'CSV source',
      name: 'Bench CSV order files',
      earliestOrderDate: '2026-01-01',
      settings: { transport: { kind: 'folder', path: root }, folder: 'in', archiveFolder: 'archive', minFileAgeSeconds: 0, mapping: MAPPING },
    }, orders);

    // The next run archives the files whose orders the first one saved, and finds no new order.
    const t1 = performance.now();
    const again = await call('services.runNow', { service: 'order_download', targetId: cartId });
    const archiveSec = (performance.now() - t1) / 1000;
    const left = (await readdir(join(root, 'in'), { withFileTypes: true })).filter((e) => e.isFile()).length;
    check(again.status === 'ok' && (again.counts.new ?? 0) === 0, `CSV source second run: ${again.status}, ${again.counts.new ?? 0} new orders (expected none)`);
    check(left === 0, `CSV source: ${left} files left in the folder after the second run (expected all archived)`);
    return {
      'csv source: orders (files)': `${orders} (${Math.ceil(orders / ORDERS_PER_FILE)})`,
      'csv source: download s': round(sec, 1),
      'csv source: download orders/s': round(orders / sec, 1),
      'csv source: MB read/s': round(bytes / 2 ** 20 / sec, 2),
      'csv source: archive run s': round(archiveSec, 2),
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

runAloneWhenMain(import.meta.url, { flag: 'csv-orders', defaultOrders: DEFAULT_CSV_ORDERS, rows: csvSourceDownloadRows });
