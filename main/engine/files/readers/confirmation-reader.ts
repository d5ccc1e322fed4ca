import type { ConfirmationFileProfile, InboundTransform } from '../../../../shared/schemas/csv-profile.js';
import { assertTimeZone } from '../dates/time-zone.js';
import type { ConfirmationRow, ParsedRows } from '../row-types.js';
import { decimalText, wholeNumber } from './cell-values.js';
import { compileInboundColumns, type CellReader } from './inbound-columns.js';
import { InboundTableReader, type InboundRecord } from './inbound-table.js';
import { readWhole, type RowReader } from './row-reader.js';

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
      const read = compileInboundColumns<Key>(header, profile.columns, required, { shipDate: legacyDate });
      return (record) => readRow(fileName, record, read, profile);
    },
  };
}

/** The whole file at once (small files, tests, the demo warehouse). */
export function readConfirmationFile(fileName: string, content: Buffer, profile: ConfirmationFileProfile): ParsedRows<ConfirmationRow> {
  return readWhole(confirmationRowReader(fileName, profile), content);
}

function readRow(
  file: string,
  record: InboundRecord,
  read: Partial<Record<Key, CellReader>>,
  profile: ConfirmationFileProfile,
): { row: ConfirmationRow } | { error: { file: string; line: number; reason: string } } {
  const problems: string[] = record.problem ? [record.problem] : [];
  const text = (key: Key, label: string, mustHave: boolean): string => {
    const reader = read[key];
    if (!reader) return '';
    const result = reader(record.cells);
    if (!result.ok) {
      problems.push(`${label} ${result.reason}`);
      return '';
    }
    if (mustHave && result.value === '') problems.push(`${label} is empty`);
    return result.value;
  };
  const items = profile.rowsAre === 'items';
  const orderNumber = text('orderNumber', 'order number', true);
  const sku = items ? text('sku', 'SKU', true) : '';
  let quantity = 0;
  if (items) {
    const q = wholeNumber(text('quantity', 'quantity', false), 'quantity', 1);
    if (q.ok) quantity = q.value;
    else problems.push(q.reason);
  }
  // Grouped by shipment id, a shipment's tracking number and carrier may stand on one of its rows only.
  const byId = profile.groupBy === 'shipmentId';
  const carrier = text('carrier', 'carrier', !byId);
  const trackingNumber = text('trackingNumber', 'tracking number', !byId);
  const shipDate = text('shipDate', 'ship date', true);
  const cost = decimalText(text('cost', 'cost', false), 'cost');
  if (!cost.ok) problems.push(cost.reason);
  const weight = decimalText(text('weight', 'weight', false), 'weight');
  if (!weight.ok) problems.push(weight.reason);
  const shipmentId = text('shipmentId', 'shipment id', profile.groupBy === 'shipmentId');
  const service = text('service', 'service', false);
  const orderSource = text('orderSource', 'order source', false);

  if (problems.length > 0 || !cost.ok || !weight.ok) return { error: { file, line: record.line, reason: problems.join('; ') } };
  return {
    row: {
      ...(orderSource ? { orderSource } : {}),
      orderNumber,
      sku,
      quantity,
      carrier,
      ...(service ? { service } : {}),
      trackingNumber,
      shipDate,
      ...(cost.value !== undefined ? { cost: cost.value } : {}),
      ...(weight.value !== undefined ? { weight: weight.value } : {}),
      ...(shipmentId ? { shipmentId } : {}),
      ...(items ? {} : { shipsRest: true as const }),
      line: record.line,
    },
  };
}
