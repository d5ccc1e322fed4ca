import { inboundColumnRef, type ColumnRef, type InboundColumn, type InboundTransform } from '../../../../shared/schemas/csv-profile.js';
import { compileChain } from '../transforms/registry.js';
import { TransformError } from '../transforms/transform.js';
import { resolveColumns, type InboundTable } from './inbound-table.js';

/** One value of an inbound row, read from its cells: the text after the column's chain, or a reason it cannot be read. */
export type CellReader = (cells: readonly string[]) => { ok: true; value: string } | { ok: false; reason: string };

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
    readers[key] = (cells) => {
      const raw = index === undefined ? constant : (cells[index] ?? '');
      if (!chain) return { ok: true, value: raw };
      try {
        return { ok: true, value: chain(raw) };
      } catch (err) {
        if (err instanceof TransformError) return { ok: false, reason: err.message };
        throw err;
      }
    };
  }
  return readers;
}
