import type { ConfirmationFileProfile, InboundTransform } from '../../../../shared/schemas/csv-profile.js';
import { assertTimeZone } from '../dates/time-zone.js';
import type { ConfirmationRow, ParsedRows } from '../row-types.js';
import { decimalText, wholeNumberOrReason } from './cell-values.js';
import { compileInboundColumns, readCell, type CellReader } from './inbound-columns.js';
import { InboundTableReader } from './inbound-table.js';
import { readWhole, type RecordConverter, type RowReader } from './row-reader.js';

type Key = keyof ConfirmationFileProfile['columns'];

/**
 * Shipment confirmations. Rows are items (one shipped SKU each) or packages (one tracking number each,
 * shipping what the order has left); several rows may share an order number (several SKUs, or a partial
 * shipment and a later one with another tracking number). Grouping rows into shipments is the service's
 * job; the reader passes on what it needs for that (order source, tracking number, shipment id).
 * Columns the profile does not name are ignored; carrier and tracking number may be left out of the
 * profile (a shipment without tracking still ships its lines); a column the profile names must be in
 * the file and filled (grouped by shipment id, carrier and tracking number may be filled on one row of
 * the shipment only). Throws UnreadableFileError when the file is not a usable table.
 */
export function confirmationRowReader(fileName: string, profile: ConfirmationFileProfile): RowReader<ConfirmationRow> {
  assertTimeZone(profile.timeZone);
  const items = profile.rowsAre === 'items';
  const required: Key[] = ['orderNumber', 'shipDate'];
  if (items) required.push('sku', 'quantity');
  if (profile.columns.carrier) required.push('carrier');
  if (profile.columns.trackingNumber) required.push('trackingNumber');
  if (profile.groupBy === 'shipmentId') required.push('shipmentId');
  // Inbound dates are read by an explicit format; a ship date column without one (profiles saved before
  // formats were explicit) keeps what those profiles read, in the profile's zone.
  const legacyDate = (own: InboundTransform[]): InboundTransform[] =>
    own.some((t) => t.kind === 'date') ? own : [...own, { kind: 'date', format: 'LEGACY_COMMON', timeZone: profile.timeZone }];

  return {
    table: new InboundTableReader({ ...profile, headerOnlyIsEmpty: true, reportRagged: true }),
    compile(header) {
      return rowConverter(fileName, compileInboundColumns<Key>(header, profile.columns, required, { shipDate: legacyDate }), profile);
    },
  };
}

/** The whole file at once (small files, tests, the demo warehouse). */
export function readConfirmationFile(fileName: string, content: Buffer, profile: ConfirmationFileProfile): ParsedRows<ConfirmationRow> {
  return readWhole(confirmationRowReader(fileName, profile), content);
}

/**
 * A record to a row or a row error, compiled once per file: no closure, problem list or result object
 * per row (a 100,000-row file is read in a blink, not a pause of the engine).
 */
function rowConverter(file: string, read: Partial<Record<Key, CellReader>>, profile: ConfirmationFileProfile): RecordConverter<ConfirmationRow> {
  const items = profile.rowsAre === 'items';
  // Grouped by shipment id, a shipment's tracking number and carrier may stand on one of its rows only.
  const byId = profile.groupBy === 'shipmentId';
  const problems: string[] = [];
  return (record, into) => {
    const cells = record.cells;
    if (problems.length > 0) problems.length = 0;
    if (record.problem) problems.push(record.problem);
    const orderNumber = text(read.orderNumber, cells, 'order number', true, problems);
    const sku = items ? text(read.sku, cells, 'SKU', true, problems) : '';
    let quantity = 0;
    if (items) {
      const q = wholeNumberOrReason(text(read.quantity, cells, 'quantity', false, problems), 'quantity', 1);
      if (typeof q === 'number') quantity = q;
      else problems.push(q);
    }
    const carrier = text(read.carrier, cells, 'carrier', !byId, problems);
    const trackingNumber = text(read.trackingNumber, cells, 'tracking number', !byId, problems);
    const shipDate = text(read.shipDate, cells, 'ship date', true, problems);
    const cost = decimalText(text(read.cost, cells, 'cost', false, problems), 'cost');
    if (!cost.ok) problems.push(cost.reason);
    const weight = decimalText(text(read.weight, cells, 'weight', false, problems), 'weight');
    if (!weight.ok) problems.push(weight.reason);
    const shipmentId = text(read.shipmentId, cells, 'shipment id', byId, problems);
    const service = text(read.service, cells, 'service', false, problems);
    const orderSource = text(read.orderSource, cells, 'order source', false, problems);

    if (problems.length > 0) {
      into.rowErrors.push({ file, line: record.line, reason: problems.join('; ') });
      return;
    }
    // The keys in the order rows always had (optional ones only when set); the shapes of most files as
    // one literal each (an object built key by key takes more allocations).
    const line = record.line;
    const plain = !orderSource && !shipmentId && items && cost.ok && cost.value === undefined && weight.ok && weight.value === undefined;
    if (plain) {
      into.rows.push(
        service
          ? { orderNumber, sku, quantity, carrier, service, trackingNumber, shipDate, line }
          : { orderNumber, sku, quantity, carrier, trackingNumber, shipDate, line },
      );
      return;
    }
    const row = (orderSource ? { orderSource, orderNumber } : { orderNumber }) as ConfirmationRow;
    row.sku = sku;
    row.quantity = quantity;
    row.carrier = carrier;
    if (service) row.service = service;
    row.trackingNumber = trackingNumber;
    row.shipDate = shipDate;
    if (cost.ok && cost.value !== undefined) row.cost = cost.value;
    if (weight.ok && weight.value !== undefined) row.weight = weight.value;
    if (shipmentId) row.shipmentId = shipmentId;
    if (!items) row.shipsRest = true;
    row.line = line;
    into.rows.push(row);
  };
}

/** A column's text ('' when the profile has no such column); a problem is added to the row's. */
function text(reader: CellReader | undefined, cells: readonly string[], label: string, mustHave: boolean, problems: string[]): string {
  if (!reader) return '';
  const value = readCell(reader, cells);
  if (typeof value !== 'string') {
    problems.push(`${label} ${value.reason}`);
    return '';
  }
  if (mustHave && value === '') problems.push(`${label} is empty`);
  return value;
}
