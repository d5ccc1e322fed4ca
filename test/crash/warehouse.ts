import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { TestFtpServer } from '../support/ftp-server.js';
import { keptFiles } from '../support/kept-files.js';

/**
 * The warehouse side of the crash test, living in the parent so it outlives every killed host. It
 * behaves as real warehouse systems do: it imports each order file that appears under its final name
 * and then DELETES it, so a file sent again under the same name is imported again. Every imported copy
 * is counted by content (order number -> the files it came in), which is what the checks judge:
 * each order must reach the warehouse exactly once.
 *
 * When it imports varies, so a send cut short finds every state at the destination: some files are
 * taken the instant they are renamed into place (before the sender even hears the rename succeeded),
 * most within tens of milliseconds, and now and then the warehouse is busy for a second or two and
 * files wait. Each order is answered, on its first import, with confirmation rows under unique
 * tracking numbers, sometimes split into two shipments in two files. Confirmation files are written
 * elsewhere and renamed in, so the host never reads half a file.
 */

export interface ConfirmationRowSpec {
  orderNumber: string;
  sku: string;
  quantity: number;
  trackingNumber: string;
}

export interface WrittenConfirmationFile {
  name: string;
  rows: ConfirmationRowSpec[];
}

export interface ImportedFile {
  file: string;
  orders: string[];
  /** rename: taken the instant it was renamed into place; poll: found by the warehouse's polling. */
  when: 'rename' | 'poll';
}

export interface WarehouseOptions {
  /** Share of order files taken at the instant of their rename (default 0.3). */
  takeAtRenameShare?: number;
}

const ORDER_FILE = /^orders-.+\.csv$/;
/** Confirmation files waiting for the host beyond which the warehouse holds further ones back. */
const MAX_INBOX_FILES = 12;
const CONFIRMATION_HEADER = ['Order Number', 'SKU', 'Quantity', 'Carrier', 'Service', 'Tracking Number', 'Ship Date'];

export class Warehouse {
  /** Order number -> the file of every copy of it the warehouse imported. */
  readonly deliveries = new Map<string, string[]>();
  /** Every order file imported, in order. */
  readonly imports: ImportedFile[] = [];
  readonly confirmationFiles: WrittenConfirmationFile[] = [];
  /** Problems with what the host sent (unparseable file, order without lines), reported as violations. */
  readonly problems: string[] = [];

  private readonly lines = new Map<string, { sku: string; quantity: number }[]>();
  private readonly toShip: string[] = [];
  private fileCounter = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopRenameWatch: (() => void) | undefined;
  private readonly ordersDir: string;
  private readonly ordersClientDir: string;
  private readonly confirmationsDir: string;
  private readonly stagingDir: string;
  private readonly takeAtRenameShare: number;

  constructor(
    private readonly ftp: Pick<TestFtpServer, 'localPath' | 'onRename'>,
    merchantCode: string,
    private readonly random: () => number,
    options: WarehouseOptions = {},
  ) {
    this.ordersClientDir = `/${merchantCode}/orders/`;
    this.ordersDir = ftp.localPath(this.ordersClientDir);
    this.confirmationsDir = ftp.localPath(`/${merchantCode}/confirmations`);
    this.stagingDir = ftp.localPath('/.warehouse-staging');
    this.takeAtRenameShare = options.takeAtRenameShare ?? 0.3;
    mkdirSync(this.confirmationsDir, { recursive: true });
    mkdirSync(this.stagingDir, { recursive: true });
  }

  start(): void {
    if (this.timer) return;
    this.stopRenameWatch = this.ftp.onRename((clientPath) => {
      if (!clientPath.startsWith(this.ordersClientDir) || this.random() >= this.takeAtRenameShare) return;
      const name = clientPath.slice(this.ordersClientDir.length);
      if (ORDER_FILE.test(name)) this.importFile(name, 'rename');
    });
    const next = () => {
      // Mostly a quick poll; now and then busy for a while, so files wait under their final name.
      const wait = this.random() < 0.04 ? 300 + this.random() * 1700 : 5 + this.random() * 45;
      this.timer = setTimeout(() => {
        this.tick();
        next();
      }, wait);
    };
    next();
  }

  /** Stops polling, then imports and ships whatever is still waiting. */
  stop(): void {
    this.stopRenameWatch?.();
    this.stopRenameWatch = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.tick();
  }

  /**
   * One round of the warehouse: imports every order file waiting, then ships what it imported, unless
   * the host has not picked up its earlier confirmation files yet. A host killed every few seconds
   * would otherwise face an inbox of thousands of files it can never list within one life.
   */
  tick(): void {
    for (const name of this.waitingOrderFiles()) this.importFile(name, 'poll');
    if (this.toShip.length > 0 && this.inboxFiles().length < MAX_INBOX_FILES) this.shipWaiting();
  }

  /** Order files waiting under their final name (temporary names are never imported). */
  waitingOrderFiles(): string[] {
    return existsSync(this.ordersDir) ? readdirSync(this.ordersDir).filter((n) => ORDER_FILE.test(n)).sort() : [];
  }

  /** Nothing waiting to be imported or shipped, and every confirmation file picked up. */
  isIdle(): boolean {
    return this.waitingOrderFiles().length === 0 && this.toShip.length === 0 && this.inboxFiles().length === 0;
  }

  /** Confirmation files still waiting in the inbox (not archived or moved to error by the host). */
  inboxFiles(): string[] {
    return existsSync(this.confirmationsDir)
      ? readdirSync(this.confirmationsDir, { withFileTypes: true })
          .filter((d) => d.isFile())
          .map((d) => d.name)
      : [];
  }

  /** Names of confirmation files in a subfolder of the inbox (archive, error), dated folders included. */
  filesIn(subfolder: string): string[] {
    return keptFiles(join(this.confirmationsDir, subfolder));
  }

  /** Import = read the whole file, then delete it. Synchronous: nothing else runs in between. */
  private importFile(name: string, when: ImportedFile['when']): void {
    const path = join(this.ordersDir, name);
    let content: string;
    try {
      content = readFileSync(path, 'utf8');
      unlinkSync(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    this.readOrderFile(name, content, when);
  }

  private readOrderFile(name: string, content: string, when: ImportedFile['when']): void {
    const parsed = Papa.parse<Record<string, string>>(content, { header: true, skipEmptyLines: true });
    if (parsed.errors.length > 0) this.problems.push(`order file ${name} does not parse: ${parsed.errors[0].message}`);
    const inFile = new Map<string, { sku: string; quantity: number }[]>();
    for (const row of parsed.data) {
      const orderNumber = row['Order Number'];
      if (!orderNumber) {
        this.problems.push(`order file ${name} has a row without an order number`);
        continue;
      }
      const lines = inFile.get(orderNumber) ?? [];
      lines.push({ sku: row.SKU, quantity: Number(row.Quantity) });
      inFile.set(orderNumber, lines);
    }
    this.imports.push({ file: name, orders: [...inFile.keys()], when });
    for (const [orderNumber, lines] of inFile) {
      const copies = this.deliveries.get(orderNumber) ?? [];
      copies.push(name);
      this.deliveries.set(orderNumber, copies);
      if (lines.some((l) => !l.sku || !(l.quantity > 0))) {
        this.problems.push(`order ${orderNumber} in ${name} has a line without SKU or quantity`);
        continue;
      }
      // A second copy would be shipped again by a real warehouse; here it is counted (and reported)
      // instead, so the rest of the checks stay about the first.
      if (copies.length > 1) continue;
      this.lines.set(orderNumber, lines);
      this.toShip.push(orderNumber);
    }
  }

  /** Groups waiting orders into confirmation files of 1-12 orders; some orders ship in two parts. */
  private shipWaiting(): void {
    const files: ConfirmationRowSpec[][] = [];
    let current: ConfirmationRowSpec[] = [];
    let ordersInCurrent = 0;
    let size = 1 + Math.floor(this.random() * 12);
    const later: ConfirmationRowSpec[] = [];
    for (const orderNumber of this.toShip.splice(0)) {
      const lines = this.lines.get(orderNumber)!;
      const base = `1Z${orderNumber.replace(/[^A-Za-z0-9]/g, '')}`;
      const split = lines.length > 1 && this.random() < 0.3;
      const cut = split ? 1 + Math.floor(this.random() * (lines.length - 1)) : lines.length;
      lines.forEach((l, i) => {
        const row = { orderNumber, sku: l.sku, quantity: l.quantity, trackingNumber: i < cut ? `${base}A` : `${base}B` };
        (i < cut ? current : later).push(row);
      });
      if (++ordersInCurrent >= size) {
        files.push(current);
        current = [];
        ordersInCurrent = 0;
        size = 1 + Math.floor(this.random() * 12);
      }
    }
    if (current.length > 0) files.push(current);
    if (later.length > 0) files.push(later);
    for (const rows of files) this.writeConfirmationFile(rows);
  }

  private writeConfirmationFile(rows: ConfirmationRowSpec[]): void {
    const name = `ship-${String(++this.fileCounter).padStart(5, '0')}.csv`;
    const csv = Papa.unparse(
      {
        fields: CONFIRMATION_HEADER,
        data: rows.map((r) => [r.orderNumber, r.sku, r.quantity, 'UPS', 'Ground', r.trackingNumber, '2026-11-27']),
      },
      { newline: '\r\n' },
    );
    const staged = join(this.stagingDir, name);
    writeFileSync(staged, `${csv}\r\n`);
    renameSync(staged, join(this.confirmationsDir, name));
    this.confirmationFiles.push({ name, rows });
  }
}
