import { isDockhandError } from '../../shared/errors.js';
import {
  confirmationFileProfileSchema,
  inventoryFileProfileSchema,
  type ConfirmationFileProfile,
  type InventoryFileProfile,
} from '../../shared/schemas/csv-profile.js';
import { confirmationRowReader, readConfirmationFile } from '../../main/engine/files/readers/confirmation-reader.js';
import { UnreadableFileError } from '../../main/engine/files/readers/inbound-table.js';
import { inventoryRowReader, readInventoryFile } from '../../main/engine/files/readers/inventory-reader.js';
import { readAll, readBatches } from '../../main/engine/files/readers/row-reader.js';
import type { ConfirmationRow, InventoryRow, ParsedRows } from '../../main/engine/files/row-types.js';
import { seededRandom } from './seeded-random.js';

/**
 * Fuzzing the inbound file readers: random and mutated confirmation and inventory files (delimiters,
 * encodings, quotes, line ends, ragged rows, bad values, binary bytes, truncation) read under random
 * formats. Each file must be either refused whole (UnreadableFileError, with a reason) or read into
 * valid rows plus row errors with file, line and reason; never an unclassified throw, never a record
 * both applied and reported (nothing applied twice), and the same answer whole or in random chunks
 * (no partial apply when a stream is cut anywhere). Used by `npm run fuzz` and by a vitest.
 */

export interface FuzzFailure {
  seed: number;
  kind: 'confirmation' | 'inventory';
  problem: string;
  /** The file, base64, to replay. */
  file: string;
  profile: unknown;
}

export interface FuzzTally {
  files: number;
  refused: number;
  rows: number;
  rowErrors: number;
  failures: FuzzFailure[];
}

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const chance = (r: Rand, p: number) => r() < p;
const int = (r: Rand, min: number, max: number) => min + Math.floor(r() * (max - min + 1));

const DELIMITERS = [',', ';', '\t', '|'] as const;
const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY-MM-DD HH:mm:ss.SSS', 'ISO', 'UNIX_SECONDS', 'UNIX_MS', 'YYYYMMDD'] as const;
const ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'] as const;
const NASTY = ['', ' ', '"', '""', 'a"b', '"quoted"', 'x,y', 'x;y', 'x\ty', 'x|y', 'line\nbreak', 'cr\rcr', 'Müller', '€', '🎁', '=SUM(A1)', '-12.50', '+14155550100', '\ufeff', 'ÿþ', '#1001', 'PO-77'];

function randomValue(r: Rand, kind: 'text' | 'quantity' | 'date' | 'decimal', dateFormat: string): string {
  if (chance(r, 0.15)) return pick(r, NASTY);
  switch (kind) {
    case 'quantity':
      return pick(r, [String(int(r, 0, 50)), String(int(r, 1, 9)), '-1', '1.0', '2.5', 'two', '', '99999999999999999999', '+3']);
    case 'decimal':
      return pick(r, ['7.50', '', '1,5', 'abc', '$4.00', String(int(r, 0, 999))]);
    case 'date': {
      const d = new Date(Date.UTC(2026, int(r, 0, 11), int(r, 1, 31), int(r, 0, 23), int(r, 0, 59), int(r, 0, 59), int(r, 0, 999)));
      const p = (n: number, w = 2) => String(n).padStart(w, '0');
      const [y, m, day, h, mi, s, ms] = [d.getUTCFullYear(), p(d.getUTCMonth() + 1), p(d.getUTCDate()), p(d.getUTCHours()), p(d.getUTCMinutes()), p(d.getUTCSeconds()), p(d.getUTCMilliseconds(), 3)];
      const shapes: Record<string, string> = {
        'YYYY-MM-DD': `${y}-${m}-${day}`,
        'DD/MM/YYYY': `${day}/${m}/${y}`,
        'MM/DD/YYYY': `${m}/${day}/${y}`,
        'YYYY-MM-DD HH:mm:ss.SSS': `${y}-${m}-${day} ${h}:${mi}:${s}.${ms}`,
        ISO: d.toISOString(),
        UNIX_SECONDS: String(Math.floor(d.getTime() / 1000)),
        UNIX_MS: String(d.getTime()),
        YYYYMMDD: `${y}${m}${day}`,
      };
      // Mostly the format's own shape, sometimes another format's (never guessed: a row error).
      return chance(r, 0.8) ? shapes[dateFormat] : pick(r, Object.values(shapes).concat(['2026-02-30', 'someday', '31/31/2026']));
    }
    default:
      return pick(r, ['SKU-1', 'A', '#1001', '1001', 'UPS', '1Z999', 'Ground', `X${int(r, 0, 999)}`]);
  }
}

/** A cell as a CSV writer would write it (quoted when needed), or now and then as a careless one would. */
function cell(r: Rand, value: string, delimiter: string): string {
  const needs = value.includes(delimiter) || /["\r\n]/.test(value);
  if (needs && !chance(r, 0.05)) return `"${value.replaceAll('"', '""')}"`;
  return chance(r, 0.05) ? `"${value}"` : value;
}

interface Generated<P> {
  profile: P;
  file: Buffer;
}

const CONFIRMATION_COLUMNS: Record<string, 'text' | 'quantity' | 'date' | 'decimal'> = {
  'Order Source': 'text',
  'Order Number': 'text',
  SKU: 'text',
  Quantity: 'quantity',
  Carrier: 'text',
  Service: 'text',
  'Tracking Number': 'text',
  'Ship Date': 'date',
  Cost: 'decimal',
  Weight: 'decimal',
  Shipment: 'text',
  Unnamed: 'text',
};

function encode(r: Rand, text: string): Buffer {
  const choice = r();
  if (choice < 0.6) return Buffer.from(text, 'utf8');
  if (choice < 0.75) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (choice < 0.9) return Buffer.from(text, 'latin1');
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** Byte-level damage: flips, cuts, NULs, stray quotes, duplicated or dropped bytes. */
export function mutate(r: Rand, bytes: Buffer): Buffer {
  let out = Buffer.from(bytes);
  const rounds = chance(r, 0.5) ? 0 : int(r, 1, 4);
  for (let i = 0; i < rounds; i++) {
    const at = out.length === 0 ? 0 : int(r, 0, out.length - 1);
    switch (int(r, 0, 5)) {
      case 0:
        if (out.length > 0) out[at] = int(r, 0, 255);
        break;
      case 1:
        out = out.subarray(0, at);
        break;
      case 2:
        out = Buffer.concat([out.subarray(0, at), Buffer.from([0]), out.subarray(at)]);
        break;
      case 3:
        out = Buffer.concat([out.subarray(0, at), Buffer.from(pick(r, ['"', '\r', '\n', ',', ';', '\r\n'])), out.subarray(at)]);
        break;
      case 4:
        out = Buffer.concat([out, out.subarray(at, Math.min(out.length, at + 40))]);
        break;
      default:
        out = Buffer.concat([out.subarray(0, at), out.subarray(Math.min(out.length, at + int(r, 1, 8)))]);
    }
  }
  return out;
}

function table(r: Rand, delimiter: string, header: string[] | undefined, kinds: ('text' | 'quantity' | 'date' | 'decimal')[], dateFormat: string): string {
  const lineEnd = pick(r, ['\r\n', '\n', '\r']);
  const rows: string[] = header ? [header.map((h) => cell(r, h, delimiter)).join(delimiter)] : [];
  const count = pick(r, [0, 1, 2, int(r, 3, 40), int(r, 40, 300)]);
  for (let i = 0; i < count; i++) {
    let cells = kinds.map((k) => cell(r, randomValue(r, k, dateFormat), delimiter));
    if (chance(r, 0.05)) cells = cells.slice(0, int(r, 0, cells.length)); // short (ragged) row
    if (chance(r, 0.05)) cells.push('extra'); // long (ragged) row
    rows.push(chance(r, 0.03) ? '' : cells.join(delimiter));
  }
  return rows.join(lineEnd) + (chance(r, 0.7) ? lineEnd : '');
}

export function generateConfirmation(seed: number): Generated<ConfirmationFileProfile> {
  const r = seededRandom(seed);
  const delimiter = pick(r, DELIMITERS);
  const headerRow = chance(r, 0.85);
  const dateFormat = pick(r, DATE_FORMATS);
  const names = Object.keys(CONFIRMATION_COLUMNS).filter((n) => !['Order Number', 'SKU', 'Quantity', 'Ship Date'].includes(n) ? chance(r, 0.6) : true);
  const order = [...names].sort(() => r() - 0.5);
  const rowsAre = chance(r, 0.2) ? 'packages' : 'items';
  const groupBy = names.includes('Shipment') && chance(r, 0.3) ? 'shipmentId' : 'orderAndTracking';
  const ref = (name: string) => (headerRow ? name : order.indexOf(name) + 1);
  const columns: Record<string, unknown> = {
    orderNumber: chance(r, 0.3) ? { source: { kind: 'column', column: ref('Order Number') }, transforms: [{ kind: 'prefix', action: 'strip', value: '#' }] } : ref('Order Number'),
    shipDate: chance(r, 0.2) ? ref('Ship Date') : { source: { kind: 'column', column: ref('Ship Date') }, transforms: [{ kind: 'date', format: dateFormat, timeZone: pick(r, ZONES) }] },
  };
  if (rowsAre === 'items') Object.assign(columns, { sku: ref('SKU'), quantity: ref('Quantity') });
  const optional: Record<string, string> = { orderSource: 'Order Source', carrier: 'Carrier', service: 'Service', trackingNumber: 'Tracking Number', cost: 'Cost', weight: 'Weight', shipmentId: 'Shipment' };
  for (const [key, name] of Object.entries(optional)) if (names.includes(name) && (key === 'shipmentId' ? groupBy === 'shipmentId' || chance(r, 0.5) : chance(r, 0.8))) columns[key] = ref(name);
  // Now and then the format names a column the file lacks.
  if (chance(r, 0.05)) columns.carrier = headerRow ? 'Not There' : 40;
  const profile = confirmationFileProfileSchema.parse({ delimiter, headerRow, encoding: pick(r, ['auto', 'auto', 'utf-8', 'windows-1252']), rowsAre, groupBy, columns, timeZone: pick(r, ZONES) });
  const header = headerRow ? order : undefined;
  const text = table(r, delimiter, header, order.map((n) => CONFIRMATION_COLUMNS[n]), dateFormat);
  return { profile, file: mutate(r, chance(r, 0.02) ? Buffer.alloc(0) : encode(r, text)) };
}

export function generateInventory(seed: number): Generated<InventoryFileProfile> {
  const r = seededRandom(seed ^ 0x5bd1e995);
  const delimiter = pick(r, DELIMITERS);
  const headerRow = chance(r, 0.85);
  const order = ['SKU', 'Quantity', ...(chance(r, 0.6) ? ['Location'] : []), ...(chance(r, 0.3) ? ['Ignored'] : [])].sort(() => r() - 0.5);
  const ref = (name: string) => (headerRow ? name : order.indexOf(name) + 1);
  const columns: Record<string, unknown> = {
    sku: chance(r, 0.3) ? { source: { kind: 'column', column: ref('SKU') }, transforms: [{ kind: 'case', to: 'upper' }, { kind: 'cut', length: 20 }] } : ref('SKU'),
    quantity: chance(r, 0.3) ? { source: { kind: 'column', column: ref('Quantity') }, transforms: [{ kind: 'number', decimals: 0, thousands: ',' }] } : ref('Quantity'),
  };
  if (order.includes('Location') && chance(r, 0.8)) columns.location = ref('Location');
  const profile = inventoryFileProfileSchema.parse({ delimiter, headerRow, encoding: pick(r, ['auto', 'auto', 'utf-8', 'windows-1252']), columns });
  const kinds = order.map((n) => (n === 'Quantity' ? 'quantity' : 'text') as 'text' | 'quantity');
  const text = table(r, delimiter, headerRow ? order : undefined, kinds, 'YYYY-MM-DD');
  return { profile, file: mutate(r, chance(r, 0.02) ? Buffer.alloc(0) : encode(r, text)) };
}

type Outcome<Row> = { refused: string } | { parsed: ParsedRows<Row> };

async function outcome<Row>(read: () => ParsedRows<Row> | Promise<ParsedRows<Row>>): Promise<Outcome<Row> | { crashed: string }> {
  try {
    return { parsed: await read() };
  } catch (err) {
    if (err instanceof UnreadableFileError && err.message.length > 0) return { refused: err.message };
    // A format naming a header column for a file without one is a setup problem, said in words.
    if (isDockhandError(err) && err.kind === 'config') return { refused: err.message };
    return { crashed: err instanceof Error ? `${err.name}: ${err.message}\n${err.stack ?? ''}` : String(err) };
  }
}

/** Random chunk edges, anywhere (inside a quote, a CRLF, a multi-byte character). */
function chunksOf(file: Buffer, seed: number): Buffer[] {
  const r = seededRandom(seed ^ 0x2545f491);
  const out: Buffer[] = [];
  for (let at = 0; at < file.length; ) {
    const size = pick(r, [1, 2, 3, 7, 64, 1000, file.length]);
    out.push(file.subarray(at, at + size));
    at += size;
  }
  return out;
}

function checkRows<Row extends { line: number }>(parsed: ParsedRows<Row>, fileName: string, valid: (row: Row) => string | undefined): string | undefined {
  const seen = new Set<number>();
  for (const row of parsed.rows) {
    if (!Number.isInteger(row.line) || row.line < 1) return `row with line ${row.line}`;
    if (seen.has(row.line)) return `line ${row.line} applied twice`;
    seen.add(row.line);
    const bad = valid(row);
    if (bad) return `invalid row on line ${row.line}: ${bad}`;
  }
  for (const e of parsed.rowErrors) {
    if (e.file !== fileName) return `row error names file ${e.file}`;
    if (!Number.isInteger(e.line) || e.line < 1) return `row error with line ${e.line}`;
    if (typeof e.reason !== 'string' || e.reason.trim() === '') return `row error on line ${e.line} without a reason`;
    if (seen.has(e.line)) return `line ${e.line} both applied and reported`;
    seen.add(e.line);
  }
  const lines = parsed.rows.map((r) => r.line);
  if (lines.some((l, i) => i > 0 && l <= lines[i - 1])) return 'rows out of file order';
  return undefined;
}

const validConfirmation = (profile: ConfirmationFileProfile) => (row: ConfirmationRow) => {
  if (row.orderNumber === '') return 'empty order number';
  if (Number.isNaN(Date.parse(row.shipDate)) || !row.shipDate.endsWith('Z')) return `ship date ${row.shipDate}`;
  if (profile.rowsAre === 'items' && (row.sku === '' || !Number.isSafeInteger(row.quantity) || row.quantity < 1)) return `item ${row.sku} x ${row.quantity}`;
  if (profile.rowsAre === 'packages' && !row.shipsRest) return 'package row without shipsRest';
  return undefined;
};

const validInventory = (row: InventoryRow) => (row.sku === '' || !Number.isSafeInteger(row.quantity) || row.quantity < 0 ? `stock ${row.sku} x ${row.quantity}` : undefined);

async function same<Row>(whole: Outcome<Row> | { crashed: string }, streamed: Outcome<Row> | { crashed: string }): Promise<string | undefined> {
  const a = JSON.stringify(whole);
  const b = JSON.stringify(streamed);
  return a === b ? undefined : `read whole and in chunks differ:\n  whole:    ${a.slice(0, 300)}\n  streamed: ${b.slice(0, 300)}`;
}

/** Reads one generated file of each kind every way, adding to the tally. */
export async function fuzzOne(seed: number, tally: FuzzTally): Promise<void> {
  const conf = generateConfirmation(seed);
  await check('confirmation', seed, conf, tally, conf.profile, () => readConfirmationFile('f.csv', conf.file, conf.profile), (chunks) => readAll(confirmationRowReader('f.csv', conf.profile), chunks), (chunks) => readBatches(confirmationRowReader('f.csv', conf.profile), chunks), validConfirmation(conf.profile));
  const inv = generateInventory(seed);
  await check('inventory', seed, inv, tally, inv.profile, () => readInventoryFile('f.csv', inv.file, inv.profile), (chunks) => readAll(inventoryRowReader('f.csv', inv.profile), chunks), (chunks) => readBatches(inventoryRowReader('f.csv', inv.profile), chunks), validInventory);
}

async function check<Row extends { line: number }>(
  kind: FuzzFailure['kind'],
  seed: number,
  generated: { file: Buffer },
  tally: FuzzTally,
  profile: unknown,
  whole: () => ParsedRows<Row>,
  streamed: (chunks: Buffer[]) => Promise<ParsedRows<Row>>,
  batches: (chunks: Buffer[]) => AsyncGenerator<ParsedRows<Row>>,
  valid: (row: Row) => string | undefined,
): Promise<void> {
  tally.files++;
  const fail = (problem: string): void => {
    tally.failures.push({ seed, kind, problem, file: generated.file.toString('base64'), profile });
  };
  const a = await outcome(whole);
  if ('crashed' in a) return fail(`unclassified throw: ${a.crashed}`);
  // Small files decide their encoding on the whole file either way; compare all that fit one sample.
  const chunks = chunksOf(generated.file, seed);
  const b = await outcome(() => streamed(chunks));
  const differs = generated.file.length <= 64 * 1024 ? await same(a, b) : undefined;
  if (differs) return fail(differs);
  if ('refused' in a) {
    tally.refused++;
    return;
  }
  const bad = checkRows(a.parsed, 'f.csv', valid);
  if (bad) return fail(bad);
  // The batches a stream yields add up to the whole file, each record once.
  let rows = 0;
  let errors = 0;
  for await (const batch of batches(chunks)) {
    rows += batch.rows.length;
    errors += batch.rowErrors.length;
  }
  if (rows !== a.parsed.rows.length || errors !== a.parsed.rowErrors.length) return fail(`batches hold ${rows} rows and ${errors} errors, the whole file ${a.parsed.rows.length} and ${a.parsed.rowErrors.length}`);
  tally.rows += a.parsed.rows.length;
  tally.rowErrors += a.parsed.rowErrors.length;
}

export async function fuzzFiles(count: number, firstSeed = 1): Promise<FuzzTally> {
  const tally: FuzzTally = { files: 0, refused: 0, rows: 0, rowErrors: 0, failures: [] };
  for (let i = 0; i < count; i++) await fuzzOne(firstSeed + i, tally);
  return tally;
}
