import type { OrderColumn, OrderFieldName } from '../../../../shared/schemas/csv-profile.js';
import { formatDate } from '../dates/date-format.js';
import { fieldGetter, type OrderFieldScope } from './order-fields.js';

/**
 * The text of one cell: the column's source (a field or a constant), then its transforms in order.
 * - date: format the value as a date in the given zone (see formatDate).
 * - cut: keep at most `length` characters (whole characters, never half an emoji).
 * - join: the value followed by the listed fields, empty ones skipped, with the separator. A list
 *   that starts with the column's own field is not repeated, so [firstName, lastName] on a
 *   firstName column and [lastName] on it both give "Ann Lee".
 */
export function columnValue(column: OrderColumn, scope: OrderFieldScope): string {
  return compileColumn(column)(scope);
}

export type CellWriter = (scope: OrderFieldScope) => string;

/** The column as one function, resolved once per file rather than once per cell. */
export function compileColumn(column: OrderColumn): CellWriter {
  const own = column.source.kind === 'field' ? (column.source.field as OrderFieldName) : undefined;
  const constant = column.source.kind === 'constant' ? column.source.value : '';
  const source: CellWriter = own ? fieldGetter(own) : () => constant;
  const steps = (column.transforms ?? []).map((transform): ((value: string, scope: OrderFieldScope) => string) => {
    switch (transform.kind) {
      case 'date':
        return (value) => formatDate(value, transform.format, transform.timeZone);
      case 'cut':
        return (value) => {
          if (value.length <= transform.length) return value;
          const chars = Array.from(value);
          return chars.length > transform.length ? chars.slice(0, transform.length).join('') : value;
        };
      case 'join': {
        const fields = transform.fields as OrderFieldName[];
        const rest = (fields[0] === own ? fields.slice(1) : fields).map(fieldGetter);
        return (value, scope) => [value, ...rest.map((get) => get(scope))].filter((v) => v !== '').join(transform.separator);
      }
    }
  });
  if (steps.length === 0) return source;
  return (scope) => steps.reduce((value, step) => step(value, scope), source(scope));
}

/** A column that repeats per line item: it reads a line field, or its header numbers an item slot. */
export function isLineColumn(column: OrderColumn): boolean {
  if (column.header.includes('{n}')) return true;
  if (column.source.kind === 'field' && column.source.field.startsWith('line.')) return true;
  return (column.transforms ?? []).some((t) => t.kind === 'join' && t.fields.some((f) => f.startsWith('line.')));
}
