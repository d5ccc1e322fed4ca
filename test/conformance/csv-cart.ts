import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { csvPlugin } from '../../main/engine/connectors/carts/csv/index.js';
import type { CsvCartSettings } from '../../shared/platforms/csv.js';
import type { CartUnderTest, FakeCart, FakeFulfillmentView } from './cart-under-test.js';
import type { VirtualClock } from './virtual-clock.js';

/**
 * CSV order files in a local folder: the "fake" is the merchant dropping files there. Orders are seeded
 * as files of `pageSize` orders (one page each), a change is the order sent again in a new file, and
 * what the connector wrote back (tracking, stock) is read from its folders.
 */

const NO_SERVER = 'CSV order files are read from a folder (or an FTP server): nothing answers with';
const FILES_ARE_PAGES =
  'A file is a page of its own: an unreadable file stays in the folder and is reported while the other files go on, instead of failing the run (csv.conformance.test.ts runs the malformed-order case on a file with a bad order)';

const PAGE_SIZE = 3;
const SKUS = ['MUG-1', 'TEE-2'];
const HEADER = ['Order', 'Date', 'Customer', 'Street', 'City', 'Zip', 'Country', 'Ship', 'SKU', 'Qty', 'Price', 'Line'];

const MAPPING = {
  dateFormat: 'ISO',
  columns: { orderNumber: 'Order', orderDate: 'Date', name: 'Customer', address1: 'Street', city: 'City', zip: 'Zip', country: 'Country', shipCode: 'Ship', sku: 'SKU', quantity: 'Qty', price: 'Price', lineId: 'Line' },
} as const;

interface SeededOrder {
  number: string;
  createdAt: string;
  /** Units of the first line; a change adds one. */
  mugs: number;
}

export interface CsvFake extends FakeCart {
  root: string;
  /** Drops a file holding one order whose quantity is not a number (the merchant's typo), between good ones. */
  dropFileWithBadOrder(): Promise<void>;
}

export async function startCsvFake(clock: VirtualClock): Promise<CsvFake> {
  const root = await mkdtemp(join(tmpdir(), 'dockhand-csv-conformance-'));
  for (const folder of ['in', 'out', 'stock']) await mkdir(join(root, folder), { recursive: true });
  await writeFile(join(root, 'items.csv'), ['SKU', ...SKUS].join('\r\n'));
  const orders = new Map<string, SeededOrder>();
  let files = 0;
  let next = 1000;
  // Whole seconds, always later than the last file: every file system keeps them exactly.
  let lastWrite = 0;
  const settings = csvPlugin.settingsSchema.parse({
    transport: { kind: 'folder', path: root },
    folder: 'in',
    // The fake writes each file whole before the connector looks: nothing is still arriving.
    minFileAgeSeconds: 0,
    archiveFolder: 'in/archive',
    trackingFolder: 'out',
    stockFolder: 'stock',
    itemListFile: 'items.csv',
    mapping: MAPPING,
  }) as CsvCartSettings;

  const rowsOf = (o: SeededOrder, qty = String(o.mugs)) => [
    [o.number, o.createdAt, 'Ada Lovelace', '1 Main St', 'Springfield', '12345', 'US', 'STD', SKUS[0], qty, '9.99', 'A'],
    [o.number, o.createdAt, 'Ada Lovelace', '1 Main St', 'Springfield', '12345', 'US', 'STD', SKUS[1], '1', '20.00', 'B'],
  ];

  async function drop(rows: string[][]): Promise<string> {
    const name = `orders-${String(++files).padStart(5, '0')}.csv`;
    const path = join(root, 'in', name);
    await writeFile(path, `${Papa.unparse([HEADER, ...rows], { newline: '\r\n' })}\r\n`);
    lastWrite = Math.max(lastWrite + 1000, Math.ceil(clock.now().getTime() / 1000) * 1000);
    await utimes(path, new Date(lastWrite), new Date(lastWrite));
    return new Date(lastWrite).toISOString();
  }

  async function csvFiles(folder: string): Promise<string[][][]> {
    const names = (await readdir(join(root, folder))).filter((n) => n.endsWith('.csv')).sort();
    return Promise.all(names.map(async (n) => Papa.parse<string[]>((await readFile(join(root, folder, n), 'utf8')).trim(), { newline: '\r\n' }).data.slice(1)));
  }

  return {
    root,
    settings,
    credentials: {},
    connect: (ctx) => csvPlugin.create(ctx, settings, {}),
    knownSkus: SKUS,
    pageSize: PAGE_SIZE,
    async seedOrders(count) {
      const created = Array.from({ length: count }, () => ({ number: `C-${++next}`, createdAt: clock.now().toISOString(), mugs: 2 }));
      for (const o of created) orders.set(o.number, o);
      for (let i = 0; i < created.length; i += PAGE_SIZE) await drop(created.slice(i, i + PAGE_SIZE).flatMap((o) => rowsOf(o)));
    },
    async changeOrder(cartOrderId) {
      const order = orders.get(cartOrderId);
      if (!order) throw new Error(`No seeded order ${cartOrderId}`);
      order.mugs++;
      return drop(rowsOf(order));
    },
    async dropFileWithBadOrder() {
      const bad: SeededOrder = { number: `C-${++next}`, createdAt: clock.now().toISOString(), mugs: 1 };
      await drop(rowsOf(bad, 'two'));
    },
    async fulfillments(cartOrderId): Promise<FakeFulfillmentView[]> {
      const byTracking = new Map<string, FakeFulfillmentView>();
      for (const rows of await csvFiles('out')) {
        for (const [orderNumber, lineId, , quantity, , , tracking] of rows) {
          if (orderNumber !== cartOrderId) continue;
          const view = byTracking.get(tracking) ?? { trackingNumbers: [tracking], lines: [] };
          view.lines.push({ cartLineId: `${orderNumber}/${lineId}`, quantity: Number(quantity) });
          byTracking.set(tracking, view);
        }
      }
      return [...byTracking.values()];
    },
    inventoryWrites() {
      // Stock files are named by the time of the push, so their names sort in the order they were written.
      const names = readdirSync(join(root, 'stock')).filter((n) => n.endsWith('.csv')).sort();
      return names.flatMap((n) =>
        Papa.parse<string[]>(readFileSync(join(root, 'stock', n), 'utf8').trim(), { newline: '\r\n' })
          .data.slice(1)
          .map(([sku, quantity]) => ({ sku, quantity: Number(quantity) })),
      );
    },
    close: () => rm(root, { recursive: true, force: true }),
  };
}

export const csvCart: CartUnderTest = {
  name: 'CSV order files',
  plugin: csvPlugin,
  remote: false,
  notApplicable: {
    'first-run-from-earliest-date':
      'An order file is handed over whole, whatever its order dates: the merchant put it in the folder to be shipped, and a folder holds no history to leave out',
    'mass-action-one-second':
      'Order files are not read by a time window: each file is handed over once and archived, whatever its orders\' times (at most 200 files a run, tested in csv-source-folder.test.ts)',
    'rate-limit': `${NO_SERVER} a rate limit`,
    'server-error-retried': `${NO_SERVER} a 5xx; FTP refusals and dropped connections are the FTP transport's, tested in transports/ftp-transport.test.ts`,
    'server-error-fails-cleanly': `${NO_SERVER} a 5xx; FTP refusals and dropped connections are the FTP transport's, tested in transports/ftp-transport.test.ts`,
    'malformed-payload': FILES_ARE_PAGES,
    'malformed-order': FILES_ARE_PAGES,
    'wrong-credentials': 'Files in a local folder need no credentials; a wrong FTP password is tested in csv-source-ftp.test.ts (Test says so, the download fails as auth)',
  },
  start: startCsvFake,
};
