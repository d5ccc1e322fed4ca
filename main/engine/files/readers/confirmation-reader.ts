import type { ConfirmationFileProfile } from '../../../../shared/schemas/csv-profile.js';
import type { ConfirmationRow, ParsedRows, RowError } from '../row-types.js';
import { decimalText, wholeNumber } from './cell-values.js';
import { parseDateToUtc } from '../dates/date-parse.js';
import { readInboundTable, resolveColumns } from './inbound-table.js';
import { assertTimeZone } from '../dates/time-zone.js';

const REQUIRED = ['orderNumber', 'sku', 'quantity', 'carrier', 'trackingNumber', 'shipDate'] as const;

/**
 * Shipment confirmations: one row per shipped SKU. Several rows may share an order number (several
 * SKUs, or a partial shipment and a later one with another tracking number); grouping them into
 * shipments is the service's job. An optional order source column (the value Dockhand wrote into the
 * order file) tells apart two carts of a merchant that use the same order numbers. Throws UnreadableFileError when the file is not a usable table.
 */
export function readConfirmationFile(fileName: string, content: Buffer, profile: ConfirmationFileProfile): ParsedRows<ConfirmationRow> {
  assertTimeZone(profile.timeZone);
  // A warehouse that writes a file every round writes a header-only one when nothing shipped.
  const table = readInboundTable(content, { ...profile, headerOnlyIsEmpty: true });
  const at = resolveColumns(table, profile.columns, REQUIRED);
  const rows: ConfirmationRow[] = [];
  const rowErrors: RowError[] = [];

  for (const record of table.records) {
    const cell = (key: keyof typeof at) => {
      const index = at[key];
      return index === undefined ? '' : (record.cells[index] ?? '');
    };
    const problems: string[] = record.problem ? [record.problem] : [];
    for (const key of ['orderNumber', 'sku', 'carrier', 'trackingNumber'] as const) {
      if (cell(key) === '') problems.push(`${LABELS[key]} is empty`);
    }
    const quantity = wholeNumber(cell('quantity'), 'quantity', 1);
    if (!quantity.ok) problems.push(quantity.reason);
    const rawDate = cell('shipDate');
    const shipDate = rawDate === '' ? null : parseDateToUtc(rawDate, profile.timeZone);
    if (rawDate === '') problems.push('ship date is empty');
    else if (!shipDate) problems.push(`ship date "${rawDate}" is not a date (use YYYY-MM-DD, MM/DD/YYYY or ISO 8601)`);
    const cost = decimalText(cell('cost'), 'cost');
    if (!cost.ok) problems.push(cost.reason);
    const weight = decimalText(cell('weight'), 'weight');
    if (!weight.ok) problems.push(weight.reason);

    if (problems.length > 0 || !quantity.ok || !shipDate || !cost.ok || !weight.ok) {
      rowErrors.push({ file: fileName, line: record.line, reason: problems.join('; ') });
      continue;
    }
    const service = cell('service');
    const orderSource = cell('orderSource');
    rows.push({
      ...(orderSource ? { orderSource } : {}),
      orderNumber: cell('orderNumber'),
      sku: cell('sku'),
      quantity: quantity.value,
      carrier: cell('carrier'),
      ...(service ? { service } : {}),
      trackingNumber: cell('trackingNumber'),
      shipDate,
      ...(cost.value !== undefined ? { cost: cost.value } : {}),
      ...(weight.value !== undefined ? { weight: weight.value } : {}),
      line: record.line,
    });
  }
  return { rows, rowErrors };
}

const LABELS = { orderNumber: 'order number', sku: 'SKU', carrier: 'carrier', trackingNumber: 'tracking number' } as const;
