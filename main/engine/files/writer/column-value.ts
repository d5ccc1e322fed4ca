import type { OrderColumn, OrderFieldName } from '../../../../shared/schemas/csv-profile.js';
import { compileChain } from '../transforms/registry.js';
import { fieldGetter, type OrderFieldScope } from './order-fields.js';

/** The text of one cell: the column's source (a field or a constant), then its transform chain (transforms/). */
export function columnValue(column: OrderColumn, scope: OrderFieldScope): string {
  return compileColumn(column)(scope);
}

export type CellWriter = (scope: OrderFieldScope) => string;

/** The column as one function, resolved once per file rather than once per cell. */
export function compileColumn(column: OrderColumn): CellWriter {
  const own = column.source.kind === 'field' ? (column.source.field as OrderFieldName) : undefined;
  const constant = column.source.kind === 'constant' ? column.source.value : '';
  const source: CellWriter = own ? fieldGetter(own) : () => constant;
  const chain = compileChain(column.transforms ?? [], { direction: 'out', own });
  if (!chain) return source;
  return (scope) => chain(source(scope), scope);
}

/** A column that repeats per line item: it reads a line field, or its header numbers an item slot. */
export function isLineColumn(column: OrderColumn): boolean {
  if (column.header.includes('{n}')) return true;
  if (column.source.kind === 'field' && column.source.field.startsWith('line.')) return true;
  return (column.transforms ?? []).some(
    (t) => (t.kind === 'join' && t.fields.some((f) => f.startsWith('line.'))) || (t.kind === 'field' && t.field.startsWith('line.')),
  );
}
