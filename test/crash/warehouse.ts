import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { TestFtpServer } from '../support/ftp-server.js';

/**
 * The warehouse side of the crash test, living in the parent so it outlives every killed child. It
 * reads each order file the moment it is renamed into place (every version: a resend rewrites the same
 * name) and answers each order it sees for the first time with confirmation rows under unique tracking
 * numbers, sometimes split into two shipments in two files. Confirmation files are written elsewhere
 * and renamed in, so the child never reads half a file.
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

const ORDER_FILE = /^orders-.+\.csv$/;
const CONFIRMATION_HEADER = ['Order Number', 'SKU', 'Quantity', 'Carrier', 'Service', 'Tracking Number', 'Ship Date'];

export class Warehouse {
  /** Order file name -> order numbers found in any version of it. */
  readonly orderFiles = new Map<string, Set<string>>();
  /** Every version read, in order (file name, order numbers). */
  readonly versions: { file: string; orders: string[] }[] = [];
  readonly confirmationFiles: WrittenConfirmationFile[] = [];
  /** Problems with what the engine sent (unparseable file, order without lines), reported as violations. */
  readonly problems: string[] = [];

  private readonly lines = new Map<string, { sku: string; quantity: number }[]>();
  private readonly toShip: string[] = [];
  private readonly shipped = new Set<string>();
  private renamesSeen = 0;
  private fileCounter = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly ordersDir: string;
  private readonly confirmationsDir: string;
  private readonly stagingDir: string;

  constructor(
    private readonly ftp: TestFtpServer,
    private readonly merchantCode: string,
    private readonly random: () => number,
  ) {
    this.ordersDir = `/${merchantCode}/orders/`;
    this.confirmationsDir = ftp.localPath(`/${merchantCode}/confirmations`);
    this.stagingDir = ftp.localPath('/.warehouse-staging');
    mkdirSync(this.confirmationsDir, { recursive: true });
    mkdirSync(this.stagingDir, { recursive: true });
  }

  start(tickMs = 10): void {
    this.timer ??= setInterval(() => this.tick(), tickMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.tick();
  }

  /** Order numbers the warehouse has been sent (in any file). */
  get receivedOrders(): Set<string> {
    return new Set(this.lines.keys());
  }

  /** Confirmation files still waiting in the inbox (not archived or moved to error by the engine). */
  inboxFiles(): string[] {
    return existsSync(this.confirmationsDir)
      ? readdirSync(this.confirmationsDir, { withFileTypes: true })
          .filter((d) => d.isFile())
          .map((d) => d.name)
      : [];
  }

  /** Names of confirmation files in a subfolder of the inbox (archive, error). */
  filesIn(subfolder: string): string[] {
    const dir = join(this.confirmationsDir, subfolder);
    return existsSync(dir) ? readdirSync(dir) : [];
  }

  /** Reads newly renamed order files, then ships what is waiting. Synchronous, so no LIST sees half of it. */
  tick(): void {
    const renames = this.ftp.renames;
    for (; this.renamesSeen < renames.length; this.renamesSeen++) {
      const target = renames[this.renamesSeen];
      if (!target.startsWith(this.ordersDir)) continue;
      const name = target.slice(this.ordersDir.length);
      if (!ORDER_FILE.test(name)) continue;
      this.readOrderFile(name, readFileSync(this.ftp.localPath(target), 'utf8'));
    }
    if (this.toShip.length > 0) this.shipWaiting();
  }

  private readOrderFile(name: string, content: string): void {
    const parsed = Papa.parse<Record<string, string>>(content, { header: true, skipEmptyLines: true });
    if (parsed.errors.length > 0) this.problems.push(`order file ${name} does not parse: ${parsed.errors[0].message}`);
    const numbers: string[] = [];
    const seenHere = new Map<string, { sku: string; quantity: number }[]>();
    for (const row of parsed.data) {
      const orderNumber = row['Order Number'];
      if (!orderNumber) {
        this.problems.push(`order file ${name} has a row without an order number`);
        continue;
      }
      if (!seenHere.has(orderNumber)) {
        seenHere.set(orderNumber, []);
        numbers.push(orderNumber);
      }
      seenHere.get(orderNumber)!.push({ sku: row.SKU, quantity: Number(row.Quantity) });
    }
    this.versions.push({ file: name, orders: numbers });
    const inFile = this.orderFiles.get(name) ?? new Set<string>();
    this.orderFiles.set(name, inFile);
    for (const [orderNumber, lines] of seenHere) {
      inFile.add(orderNumber);
      if (this.lines.has(orderNumber)) continue;
      this.lines.set(orderNumber, lines);
      if (lines.some((l) => !l.sku || !(l.quantity > 0))) {
        this.problems.push(`order ${orderNumber} in ${name} has a line without SKU or quantity`);
        continue;
      }
      // A real WMS imports an order once, whatever file or resend it comes in again.
      if (!this.shipped.has(orderNumber)) {
        this.shipped.add(orderNumber);
        this.toShip.push(orderNumber);
      }
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
