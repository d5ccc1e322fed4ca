/**
 * The WMS file rows of `npm run bench` (issue 11, Figures): a 100,000-row confirmation file and a
 * 100,000-SKU inventory file, each parsed and applied through the engine's pickup services (the CSV WMS
 * connector, default formats) over FTP (Debian's vsftpd when installed, else the in-process ftp-srv) and
 * over SFTP (OpenSSH's sshd). Per file: rows applied per second (target >= 50,000), the process's RSS
 * growth over its level before the pickup, sampled every 50 ms (target < 200 MB), and the screens timed
 * in a loop while it runs (dashboard, orders list, an order number search, 20 ms apart: p95 target <= 100 ms).
 *
 * The confirmations match orders in the store: ROWS/2 orders of two lines each per transport, seeded
 * through a CSV order source in a local folder (the fastest way in: csv-source-download.ts), one merchant
 * per transport so each pass ships orders of its own.
 *
 * Alone: `npx tsx bench/wms-file-pickup.ts [--pickup-rows N]` (an engine worker of its own).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultCsvWmsSettings } from '../shared/csv-defaults.js';
import type { TransportSettings } from '../shared/transports/index.js';
import { startFtpServer } from '../test/support/ftp-server.js';
import { sshdAvailable, startSshd } from '../test/support/sshd-server.js';
import { startVsftpd, vsftpdInstalled } from '../test/support/vsftpd-server.js';
import { percentile, round } from './measure.js';
import { runAloneWhenMain, type Call } from './platform-row-alone.js';

export const DEFAULT_PICKUP_ROWS = 100_000;
/** The figures. */
const ROWS_PER_SEC_TARGET = 50_000;
const RSS_GROWTH_TARGET_MB = 200;
const SCREEN_TARGET_MS = 100;
const RSS_SAMPLE_MS = 50;
/** Pause between two screen calls during a pickup. */
const SCREEN_PAUSE_MS = 20;
const ORDERS_PER_SEED_FILE = 5000;

const SEED_HEADER = 'Order,Date,Customer,Street,City,Zip,Country,Ship,SKU,Qty,Price';
const SEED_MAPPING = {
  dateFormat: 'YYYY-MM-DD',
  columns: { orderNumber: 'Order', orderDate: 'Date', name: 'Customer', address1: 'Street', city: 'City', zip: 'Zip', country: 'Country', shipCode: 'Ship', sku: 'SKU', quantity: 'Qty', price: 'Price' },
};

interface Place {
  label: string;
  /** Local folder behind the transport's root. */
  localRoot: string;
  wms: { settings: ReturnType<typeof defaultCsvWmsSettings>; secrets: Record<string, string> };
  stop(): Promise<void>;
}

const orderNumber = (prefix: string, i: number) => `${prefix}-${100_001 + i}`;
const lineSkus = (i: number) => ['MUG-1', `TEE-${i % 50}`] as const;

/** Orders for one pass: `orders` orders of two lines (a mug, two shirts), downloaded from a local folder. */
async function seedOrders(call: Call, merchantId: number, prefix: string, orders: number, check: (ok: boolean, what: string) => void): Promise<number> {
  const root = await mkdtemp(join(tmpdir(), 'dockhand-bench-pickup-seed-'));
  try {
    await mkdir(join(root, 'in'));
    for (let first = 0; first < orders; first += ORDERS_PER_SEED_FILE) {
      const rows = [SEED_HEADER];
      for (let i = first; i < Math.min(orders, first + ORDERS_PER_SEED_FILE); i++) {
        const who = `Customer ${i},${i} Main St,Springfield,${String(10_000 + (i % 90_000))},US,STD`;
        const [mug, tee] = lineSkus(i);
        rows.push(`${orderNumber(prefix, i)},2026-11-20,${who},${mug},1,9.99`, `${orderNumber(prefix, i)},2026-11-20,${who},${tee},2,19.50`);
      }
      await writeFile(join(root, 'in', `orders-${String(first).padStart(7, '0')}.csv`), `${rows.join('\r\n')}\r\n`);
    }
    const cart = await call('carts.create', {
      merchantId,
      name: `Bench pickup orders ${prefix}`,
      platform: 'csv',
      earliestOrderDate: '2026-01-01',
      settings: { transport: { kind: 'folder', path: root }, folder: 'in', archiveFolder: 'archive', minFileAgeSeconds: 0, mapping: SEED_MAPPING },
      rejectUnmappedShipCodes: false,
    } as never);
    const t0 = performance.now();
    const run = await call('services.runNow', { service: 'order_download', targetId: cart.id });
    const sec = (performance.now() - t0) / 1000;
    console.error(`pickup seed ${prefix}: ${run.status} in ${round(sec, 1)} s ${JSON.stringify(run.counts)}`);
    check(run.status === 'ok' && run.counts.new === orders, `pickup seed ${prefix}: ${run.status}, ${run.counts.new ?? 0} new orders, expected ${orders}`);
    return sec;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** The warehouse's confirmation file: every line of every order shipped, one tracking number per order. */
function confirmationFile(prefix: string, orders: number): string {
  const out = ['Order Number,SKU,Quantity,Carrier,Service,Tracking Number,Ship Date'];
  for (let i = 0; i < orders; i++) {
    const [mug, tee] = lineSkus(i);
    const tracking = `1Z${prefix}${100_001 + i}`;
    out.push(`${orderNumber(prefix, i)},${mug},1,UPS,Ground,${tracking},2026-11-21`, `${orderNumber(prefix, i)},${tee},2,UPS,Ground,${tracking},2026-11-21`);
  }
  return `${out.join('\r\n')}\r\n`;
}

/** The warehouse's stock of `skus` SKUs, one row each. */
function inventoryFile(skus: number): string {
  const out = ['SKU,Quantity,Location'];
  for (let i = 0; i < skus; i++) out.push(`STOCK-${String(i).padStart(6, '0')},${(i * 7) % 500},A-${i % 40}`);
  return `${out.join('\r\n')}\r\n`;
}

interface PickupFigures {
  rows: number;
  sec: number;
  rowsPerSec: number;
  rssGrowthMB: number;
  /** CPU seconds of this process (host, engine, screen loop) during the run: the wall time on a shared machine varies. */
  cpuSec: number;
  /** Whole-database snapshots the store took during the run, and the last one's length (it holds the engine thread). */
  snapshots: number;
  lastSnapshotMs: number | null;
  screenP95Ms: number;
  screenMaxMs: number;
  screenSamples: number;
}

/**
 * Runs one pickup service while sampling RSS every 50 ms and timing the screens in a loop, one call after
 * another (a person clicking around), until the run is over.
 */
async function timedPickup(
  call: Call,
  service: 'shipment_pickup' | 'inventory_pickup',
  merchantId: number,
  rows: number,
  sample: { orderNumber: string },
): Promise<{ figures: PickupFigures; counts: Record<string, number>; status: string; message?: string }> {
  global.gc?.();
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), RSS_SAMPLE_MS);
  const screens = [
    () => call('dashboard.summary', {}),
    () => call('orders.list', { limit: 50, offset: 0 } as never),
    () => call('orders.list', { limit: 50, offset: 0, search: sample.orderNumber } as never),
  ];
  const screenMs: number[] = [];
  let running = true;
  const screenLoop = (async () => {
    for (let k = 0; running; k++) {
      const t = performance.now();
      await screens[k % screens.length]();
      if (running) screenMs.push(performance.now() - t);
      // A person's clicks, not a flood: back-to-back calls would take the engine thread from the pickup.
      await new Promise((resolve) => setTimeout(resolve, SCREEN_PAUSE_MS));
    }
  })();
  const snapshots0 = (await call('diagnostics.store', {})).snapshots;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  try {
    const run = await call('services.runNow', { service, targetId: merchantId });
    const sec = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const store = await call('diagnostics.store', {});
    return {
      status: run.status,
      message: run.message ?? undefined,
      counts: run.counts as Record<string, number>,
      figures: {
        rows,
        sec,
        rowsPerSec: rows / sec,
        rssGrowthMB: (peak - baseline) / 2 ** 20,
        cpuSec: (cpu.user + cpu.system) / 1e6,
        snapshots: store.snapshots - snapshots0,
        lastSnapshotMs: store.lastSnapshotMs,
        screenP95Ms: percentile(screenMs, 95),
        screenMaxMs: screenMs.length > 0 ? Math.max(...screenMs) : 0,
        screenSamples: screenMs.length,
      },
    };
  } finally {
    running = false;
    await screenLoop.catch(() => {});
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
  }
}

async function ftpPlace(): Promise<Place> {
  if (vsftpdInstalled()) {
    const server = await startVsftpd();
    return {
      label: 'FTP (vsftpd)',
      localRoot: server.ftpRoot,
      wms: {
        settings: defaultCsvWmsSettings({ kind: 'ftp', host: server.host, port: server.port, user: server.user, security: 'none', allowSelfSigned: false, passive: true, root: server.ftpRoot } as TransportSettings),
        secrets: { password: server.password },
      },
      stop: () => server.stop(),
    };
  }
  const root = await mkdtemp(join(tmpdir(), 'dockhand-bench-pickup-ftp-'));
  const server = await startFtpServer({ root });
  return {
    label: 'FTP (ftp-srv, in process)',
    localRoot: root,
    wms: {
      settings: defaultCsvWmsSettings({ kind: 'ftp', host: server.host, port: server.port, user: server.user, security: 'none', allowSelfSigned: false, passive: true, root: '/' } as TransportSettings),
      secrets: { password: server.password },
    },
    stop: async () => {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

async function sftpPlace(): Promise<Place> {
  const sshd = await startSshd();
  return {
    label: 'SFTP (sshd)',
    localRoot: sshd.files,
    wms: {
      settings: defaultCsvWmsSettings({ kind: 'sftp', host: sshd.host, port: sshd.port, user: sshd.user, auth: 'key', root: sshd.files, hostKeyFingerprint: sshd.hostKeyFingerprint } as TransportSettings),
      secrets: { privateKey: sshd.clientKey },
    },
    stop: () => sshd.stop(),
  };
}

/** The suffix of the empty file the warehouse writes beside a finished one. */
const DONE_MARKER = '.done';

export async function wmsFilePickupRows(
  call: Call,
  _merchantId: number,
  check: (ok: boolean, what: string) => void,
  rows = DEFAULT_PICKUP_ROWS,
): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  const orders = Math.ceil(rows / 2);
  const places: [string, () => Promise<Place>][] = [['FTP', ftpPlace]];
  if (sshdAvailable()) places.push(['SFTP', sftpPlace]);
  else check(false, 'wms file pickup: OpenSSH sshd is not installed, so the SFTP rows were not measured');
  for (const [prefix, start] of places) {
    const merchant = await call('merchants.create', { name: `Bench pickup over ${prefix}`, code: `PICK${prefix}` });
    const seedSec = await seedOrders(call, merchant.id, prefix, orders, check);
    const place = await start();
    try {
      // The warehouse marks each finished file (".done"): without a marker a pickup looks at a new file
      // twice, 2 s apart, to see it is no longer growing, and that wait is policy, not parsing or applying.
      const settings = { ...place.wms.settings, folders: { ...place.wms.settings.folders, doneMarker: DONE_MARKER } };
      await call('wms.save', { ...place.wms, settings } as never);
      const code = merchant.code;
      await mkdir(join(place.localRoot, code, 'confirmations'), { recursive: true });
      await mkdir(join(place.localRoot, code, 'inventory'), { recursive: true });
      await writeFile(join(place.localRoot, code, 'confirmations', 'shipped-100k.csv'), confirmationFile(prefix, orders));
      await writeFile(join(place.localRoot, code, 'inventory', 'stock-100k.csv'), inventoryFile(rows));
      await writeFile(join(place.localRoot, code, 'confirmations', `shipped-100k.csv${DONE_MARKER}`), '');
      await writeFile(join(place.localRoot, code, 'inventory', `stock-100k.csv${DONE_MARKER}`), '');
      const sample = { orderNumber: orderNumber(prefix, Math.floor(orders / 2)) };

      const shipped = await timedPickup(call, 'shipment_pickup', merchant.id, orders * 2, sample);
      console.error(`${place.label} shipment_pickup: ${shipped.status} in ${round(shipped.figures.sec, 1)} s ${JSON.stringify(shipped.counts)}`);
      check(shipped.status === 'ok', `${place.label} confirmations: run ended ${shipped.status}: ${shipped.message ?? ''}`);
      check(shipped.counts.shipments === orders && !shipped.counts.rowErrors, `${place.label} confirmations: ${shipped.counts.shipments ?? 0} shipments and ${shipped.counts.rowErrors ?? 0} bad rows, expected ${orders} and none`);
      const confirmed = await call('orders.list', { limit: 1, offset: 0, merchantId: merchant.id, status: 'shipped' } as never);
      check(confirmed.total === orders, `${place.label} confirmations: ${confirmed.total} orders shipped, expected ${orders}`);

      const stocked = await timedPickup(call, 'inventory_pickup', merchant.id, rows, sample);
      console.error(`${place.label} inventory_pickup: ${stocked.status} in ${round(stocked.figures.sec, 1)} s ${JSON.stringify(stocked.counts)}`);
      check(stocked.status === 'ok', `${place.label} inventory: run ended ${stocked.status}: ${stocked.message ?? ''}`);
      check(stocked.counts.skus === rows, `${place.label} inventory: ${stocked.counts.skus ?? 0} SKUs applied, expected ${rows}`);

      for (const [what, r] of [['confirmations', shipped.figures], ['inventory', stocked.figures]] as const) {
        const row = `${place.label} ${what}`;
        check(r.rowsPerSec >= ROWS_PER_SEC_TARGET, `${row}: ${round(r.rowsPerSec, 0)} rows/s applied (target >= ${ROWS_PER_SEC_TARGET})`);
        check(r.rssGrowthMB < RSS_GROWTH_TARGET_MB, `${row}: RSS grew ${round(r.rssGrowthMB, 1)} MB during the pickup (target < ${RSS_GROWTH_TARGET_MB} MB)`);
        check(r.screenP95Ms <= SCREEN_TARGET_MS, `${row}: screens answered in ${round(r.screenP95Ms)} ms at p95 during the pickup (target <= ${SCREEN_TARGET_MS} ms)`);
        out[`${row}: rows (s)`] = `${r.rows} (${round(r.sec, 2)})`;
        out[`${row}: rows/s applied`] = round(r.rowsPerSec, 0);
        out[`${row}: CPU s (Dockhand) / rows per CPU s`] = `${round(r.cpuSec, 2)} / ${round(r.rows / r.cpuSec, 0)}`;
        out[`${row}: RSS growth MB`] = round(r.rssGrowthMB, 1);
        out[`${row}: screens ms p95 / max (n)`] = `${round(r.screenP95Ms)} / ${round(r.screenMaxMs)} (${r.screenSamples})`;
        out[`${row}: store snapshots during (last ms)`] = r.snapshots > 0 ? `${r.snapshots} (${round(r.lastSnapshotMs ?? 0)})` : 0;
      }
      out[`${place.label}: seeding ${orders} orders s (excluded)`] = round(seedSec, 1);
    } finally {
      await place.stop();
    }
  }
  return out;
}

runAloneWhenMain(import.meta.url, { flag: 'pickup-rows', defaultOrders: DEFAULT_PICKUP_ROWS, rows: wmsFilePickupRows });
