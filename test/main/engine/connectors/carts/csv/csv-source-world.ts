import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CartConnector, CartContext, OrderPage } from '../../../../../../main/engine/connectors/carts/cart-connector.js';
import { csvPlugin } from '../../../../../../main/engine/connectors/carts/csv/index.js';
import { silentLogger } from '../../../../../../main/engine/platform/ports.js';
import type { CsvCartCredentials, CsvCartSettings } from '../../../../../../shared/platforms/csv.js';

/** A merchant's order folder on disk, the settings of a CSV order source on it, and runs of its connector. */

export const ORDER_HEADER = 'Order,Date,Customer,Street,City,Zip,Country,Ship,SKU,Qty,Price,Line';

export const MAPPING = {
  dateFormat: 'YYYY-MM-DD',
  columns: { orderNumber: 'Order', orderDate: 'Date', name: 'Customer', address1: 'Street', city: 'City', zip: 'Zip', country: 'Country', shipCode: 'Ship', sku: 'SKU', quantity: 'Qty', price: 'Price', lineId: 'Line' },
} as const;

/** One row of an order file: order number, SKU, quantity, line id. */
export function orderRow(order: string, sku = 'MUG-1', qty = '1', line = '1'): string {
  return `${order},2026-11-20,Ada Lovelace,1 Main St,Springfield,12345,US,STD,${sku},${qty},9.99,${line}`;
}

export function orderFile(...rows: string[]): string {
  return `${[ORDER_HEADER, ...rows].join('\r\n')}\r\n`;
}

export function context(): CartContext {
  return { clock: { now: () => new Date(), sleep: async () => {} }, log: silentLogger, signal: new AbortController().signal };
}

export function settingsFor(transport: CsvCartSettings['transport'], extra: Partial<Record<'folder' | 'archiveFolder' | 'trackingFolder' | 'stockFolder' | 'itemListFile', string> & { minFileAgeSeconds: number }> = {}): CsvCartSettings {
  return csvPlugin.settingsSchema.parse({ transport, folder: 'in', archiveFolder: 'in/archive', ...extra, mapping: MAPPING });
}

export async function downloadAll(connector: CartConnector, cursor: string | null): Promise<{ pages: OrderPage[]; position: string | null }> {
  const pages: OrderPage[] = [];
  for await (const page of connector.fetchOrders({ cursor, earliestOrderDate: '2026-01-01T00:00:00.000Z' })) pages.push(page);
  return { pages, position: pages.at(-1)?.cursor ?? cursor };
}

export interface LocalFolder {
  root: string;
  /** Writes a file into a folder under the root, with its modification time (distinct per file). */
  put(folder: string, name: string, text: string | Buffer, modifiedAt?: Date): Promise<void>;
  names(folder: string): Promise<string[]>;
  read(folder: string, name: string): Promise<string>;
  close(): Promise<void>;
}

export async function localFolder(): Promise<LocalFolder> {
  const root = await mkdtemp(join(tmpdir(), 'dockhand-csv-source-'));
  let tick = Date.parse('2026-11-20T10:00:00.000Z');
  return {
    root,
    async put(folder, name, text, modifiedAt) {
      await mkdir(join(root, folder), { recursive: true });
      const path = join(root, folder, name);
      await writeFile(path, text);
      const at = modifiedAt ?? new Date((tick += 1000));
      await utimes(path, at, at);
    },
    async names(folder) {
      const entries = await readdir(join(root, folder), { withFileTypes: true }).catch(() => []);
      return entries.filter((e) => e.isFile()).map((e) => e.name).sort();
    },
    read: (folder, name) => readFile(join(root, folder, name), 'utf8'),
    close: () => rm(root, { recursive: true, force: true }),
  };
}

export const NO_CREDENTIALS: CsvCartCredentials = {};
