import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { ConfirmationsWritten } from './fakes-protocol.js';

/**
 * What the warehouse does between delivery and pickup: reads every order file Dockhand delivered and
 * ships every line of every order, writing one confirmation file (default confirmation profile columns)
 * into the merchant's confirmations folder, under a temporary name renamed at the end as a WMS would.
 */
export async function writeConfirmations(ordersDir: string, confirmationsDir: string): Promise<ConfirmationsWritten> {
  const files = (await readdir(ordersDir)).filter((f) => f.endsWith('.csv')).sort();
  const orders = new Set<string>();
  const out: string[] = ['Order Number,SKU,Quantity,Carrier,Service,Tracking Number,Ship Date'];
  const shipDate = new Date().toISOString().slice(0, 10);
  for (const file of files) {
    const text = await readFile(join(ordersDir, file), 'utf8');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
    for (const row of parsed.data) {
      const number = row['Order Number'];
      const sku = row['SKU'];
      const quantity = row['Quantity'];
      if (!number || !sku || !quantity) throw new Error(`${file}: a row without order number, SKU or quantity`);
      orders.add(number);
      out.push([csvCell(number), csvCell(sku), quantity, 'UPS', 'Ground', `1ZBENCH${number.replace(/\D/g, '')}`, shipDate].join(','));
    }
  }
  await mkdir(confirmationsDir, { recursive: true });
  const fileName = `shipped-${Date.now()}.csv`;
  const temp = join(confirmationsDir, `.${fileName}.tmp`);
  await writeFile(temp, out.join('\r\n') + '\r\n');
  await rename(temp, join(confirmationsDir, fileName));
  return { orderFiles: files.length, orders: orders.size, rows: out.length - 1, fileName };
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
