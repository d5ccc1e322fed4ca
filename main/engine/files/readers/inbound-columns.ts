import { inboundColumnRef, type ColumnRef, type InboundColumn, type InboundTransform } from '../../../../shared/schemas/csv-profile.js';
import { compileChain } from '../transforms/registry.js';
import { TransformError } from '../transforms/transform.js';
import { resolveColumns, type InboundTable } from './inbound-table.js';

/**
 * One value of an inbound row, compiled once per file: the cell it is read from (-1: the profile's
 * constant), and the column's chain. `readCell` reads it from a row's cells.
 */
export interface CellReader {
  index: number;
  constant: string;
  chain: ((value: string) => string) | undefined;
  /**
   * The value read last, handed out again for an equal value: consecutive rows repeat an order's number,
   * its tracking number, the carrier and service, and a 100,000-row file then keeps one string for each
   * run of them instead of one per row (fewer strings for the collector to carry along).
   */
  last: string;
}

/** Why a cell could not be read (a value the column's chain cannot read), in a row error's words. */
export class CellProblem {
  constructor(readonly reason: string) {}
}

/**
 * The text after the column's chain, or the problem. A plain function of the column, not a closure per
 * row: a 100,000-row file reads a million cells.
 */
export function readCell(reader: CellReader, cells: readonly string[]): string | CellProblem {
  let value = reader.index < 0 ? reader.constant : (cells[reader.index] ?? '');
  if (reader.chain) {
    try {
      value = reader.chain(value);
    } catch (err) {
      if (err instanceof TransformError) return new CellProblem(err.message);
      throw err;
    }
  }
  if (value === reader.last) return reader.last;
  reader.last = value;
  return value;
}

/**
 * The profile's columns as readers, resolved once per file against its header. A column the profile
 * names but the file lacks makes the file unreadable when `required` lists it; a column the profile does
 * not name is never read (so it may hold anything). `extra` adds transforms after a column's own
 * (e.g. the date format old profiles read ship dates with).
 */
export function compileInboundColumns<K extends string>(
  header: string[] | undefined,
  columns: Partial<Record<K, InboundColumn>>,
  required: readonly K[],
  extra: Partial<Record<K, (own: InboundTransform[]) => InboundTransform[]>> = {},
): Partial<Record<K, CellReader>> {
  const refs = {} as Record<K, ColumnRef | undefined>;
  for (const key of Object.keys(columns) as K[]) refs[key] = inboundColumnRef(columns[key]);
  const at = resolveColumns({ header, records: [] } satisfies InboundTable, refs, required);
  const readers: Partial<Record<K, CellReader>> = {};
  for (const key of Object.keys(columns) as K[]) {
    const column = columns[key];
    if (!column) continue;
    const index = at[key];
    if (column.source.kind === 'column' && index === undefined) continue;
    const constant = column.source.kind === 'constant' ? column.source.value : '';
    const transforms = extra[key] ? extra[key](column.transforms) : column.transforms;
    const chain = compileChain(transforms, { direction: 'in' });
    readers[key] = { index: index ?? -1, constant, chain, last: '' };
  }
  return readers;
}
