import Papa from 'papaparse';
import type { FormatPreviewProblem, FormatPreviewView, FormatSampleView } from '../../../shared/api-types.js';
import { DockhandError } from '../../../shared/errors.js';
import {
  inboundColumnRef,
  type ConfirmationFileProfile,
  type InboundColumn,
  type InventoryFileProfile,
  type OrderFileProfile,
} from '../../../shared/schemas/csv-profile.js';
import { readConfirmationFile } from '../files/readers/confirmation-reader.js';
import { readInboundTable } from '../files/readers/inbound-table.js';
import { readInventoryFile } from '../files/readers/inventory-reader.js';
import type { OrderForDelivery } from '../files/row-types.js';
import { sniffSample } from '../files/sample/sniff-sample.js';
import { decodeText } from '../files/text/text-decoder.js';
import { UnreadableFileError } from '../files/text/unreadable-file-error.js';
import { writeOrderFile } from '../files/writer/order-file-writer.js';
import { listCarts } from '../store/repositories/carts-repo.js';
import { getMerchant } from '../store/repositories/merchants-repo.js';
import { ordersForDelivery } from '../store/repositories/orders-repo.js';
import { listShipMethods } from '../store/repositories/ship-methods-repo.js';
import type { SqlReader } from '../store/sql.js';
import type { Handlers } from './handler-types.js';

/** The preview's text is cut here: enough to read, never megabytes through the bridge. */
export const PREVIEW_TEXT_BYTES = 64 * 1024;
/** Rows of a preview table at most. */
export const PREVIEW_ROWS = 200;
const SAMPLE_FILE = 'sample';

function sampleBytes(base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > 2 * 1024 * 1024) throw new DockhandError('validation', 'A sample file is at most 2 MB', { fields: { sample: 'A sample file is at most 2 MB' } });
  return bytes;
}

/** The text of a file cut at the bound, never inside a character. */
function boundedText(text: string): { text: string; truncated: boolean } {
  if (Buffer.byteLength(text) <= PREVIEW_TEXT_BYTES) return { text, truncated: false };
  return { text: Buffer.from(text).subarray(0, PREVIEW_TEXT_BYTES).toString('utf8').replace(/\uFFFD$/, ''), truncated: true };
}

const SENDABLE = "status NOT IN ('canceled', 'skipped')";

/**
 * What the delivery would hand the writer for the latest orders (of the merchant of the newest order): the
 * same rows, ship codes, order sources and carriers as deliver-orders.ts and the CSV WMS connector use.
 */
function latestOrders(db: SqlReader, limit: number): { merchantCode: string; orders: OrderForDelivery[]; carriers: Map<string, string> } {
  // Orders a warehouse would get: canceled and skipped ones never go in a file.
  const newest = db.get<{ merchantId: number }>(`SELECT merchant_id AS merchantId FROM orders WHERE ${SENDABLE} ORDER BY id DESC LIMIT 1`);
  const carriers = new Map(listShipMethods(db).filter((m) => m.carrier.trim() !== '').map((m) => [m.code, m.carrier]));
  if (!newest) return { merchantCode: '', orders: [], carriers };
  const ids = db
    .all<{ id: number }>(`SELECT id FROM orders WHERE merchant_id = ? AND ${SENDABLE} ORDER BY id DESC LIMIT ?`, [newest.merchantId, limit])
    .map((r) => r.id)
    .reverse();
  const sources = new Map(listCarts(db, newest.merchantId).map((c) => [c.id, c.orderSource]));
  const orders = ordersForDelivery(db, ids).map((r) => ({ order: r.data, mappedShipCode: r.mappedShipCode ?? r.shipCode, orderSource: sources.get(r.cartId) ?? '' }));
  return { merchantCode: getMerchant(db, newest.merchantId)?.code ?? '', orders, carriers };
}

/** The batch id a preview file carries: plainly not a real batch's. */
export const PREVIEW_BATCH_ID = 'PREVIEW';

function previewOrderFile(profile: OrderFileProfile, input: ReturnType<typeof latestOrders>): FormatPreviewView {
  const file = writeOrderFile(profile, { batchId: PREVIEW_BATCH_ID, merchantCode: input.merchantCode, carriers: input.carriers, orders: input.orders });
  const encoding = profile.encoding === 'windows-1252' ? 'windows-1252' : 'utf-8';
  const text = decodeText(file.content, encoding);
  const parsed = Papa.parse<string[]>(text, { delimiter: profile.delimiter, skipEmptyLines: true });
  const all = parsed.data;
  const header = profile.headerRow ? (all[0] ?? []) : null;
  const body = profile.headerRow ? all.slice(1) : all;
  const first = profile.headerRow ? 2 : 1;
  return {
    kind: 'order',
    header,
    rows: body.slice(0, PREVIEW_ROWS).map((cells, i) => ({ line: first + i, cells })),
    problems: [],
    ...boundedText(text),
    orders: { used: input.orders.length, rejected: file.rejected },
  };
}

/** How the readers name each field at the start of a reason ("ship date ..."), to mark the right cell. */
const READER_LABELS: Record<string, string> = {
  orderNumber: 'order number',
  sku: 'SKU',
  quantity: 'quantity',
  carrier: 'carrier',
  trackingNumber: 'tracking number',
  shipDate: 'ship date',
  cost: 'cost',
  weight: 'weight',
  shipmentId: 'shipment id',
  service: 'service',
  orderSource: 'order source',
  location: 'location',
};

/** A reader's reason split into its parts, each with the file column it is about when the profile says. */
function problemsOf(line: number, reason: string, columns: Record<string, InboundColumn | undefined>, header: string[] | undefined): FormatPreviewProblem[] {
  return reason.split('; ').map((part) => {
    const field = Object.keys(READER_LABELS).find((key) => part.toLowerCase().startsWith(READER_LABELS[key].toLowerCase()));
    const ref = field ? inboundColumnRef(columns[field]) : undefined;
    const column = typeof ref === 'number' ? (header?.[ref - 1] ?? `Column ${ref}`) : ref;
    return column === undefined ? { line, reason: part } : { line, column, reason: part };
  });
}

function previewInbound(kind: 'confirmation' | 'inventory', profile: ConfirmationFileProfile | InventoryFileProfile, content: Buffer): FormatPreviewView {
  try {
    const table = readInboundTable(content, { delimiter: profile.delimiter, headerRow: profile.headerRow, encoding: profile.encoding, headerOnlyIsEmpty: true });
    const parsed =
      kind === 'confirmation' ? readConfirmationFile(SAMPLE_FILE, content, profile as ConfirmationFileProfile) : readInventoryFile(SAMPLE_FILE, content, profile as InventoryFileProfile);
    const columns = profile.columns as Record<string, InboundColumn | undefined>;
    return {
      kind,
      header: table.header ?? null,
      rows: table.records.slice(0, PREVIEW_ROWS).map((r) => ({ line: r.line, cells: r.cells })),
      problems: parsed.rowErrors.flatMap((e) => problemsOf(e.line, e.reason, columns, table.header)),
      goodRows: parsed.rows.length,
      ...boundedText(decodeText(content, profile.encoding)),
    };
  } catch (err) {
    if (!(err instanceof UnreadableFileError)) throw err;
    // A file the format cannot read at all (a header it lacks, a binary file) is one problem, not a failure.
    return { kind, header: null, rows: [], problems: [{ line: 1, reason: err.message }], goodRows: 0, ...boundedText(decodeText(content, profile.encoding)) };
  }
}

/** formats.preview and formats.sniff: the designer's live preview and its start from a sample file. */
export const formatPreviewHandlers: Handlers<'formats.preview' | 'formats.sniff'> = {
  async 'formats.preview'(input, ctx) {
    if (input.kind === 'order') {
      const orders = await ctx.store.read((db) => latestOrders(db, input.orders));
      return previewOrderFile(input.profile, orders);
    }
    return previewInbound(input.kind, input.profile, sampleBytes(input.sample));
  },

  async 'formats.sniff'(input) {
    try {
      const layout = sniffSample(sampleBytes(input.sample));
      return { delimiter: layout.delimiter, headerRow: layout.headerRow, encoding: layout.encoding, lineEnding: layout.lineEnding, columns: layout.columns, rows: layout.rows } satisfies FormatSampleView;
    } catch (err) {
      if (err instanceof UnreadableFileError) throw new DockhandError('validation', err.message, { fields: { sample: err.message } });
      throw err;
    }
  },
};
