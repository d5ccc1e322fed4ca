import type { OrderFieldName, TransformKind, TransformOf } from '../../../../shared/schemas/csv-profile.js';
import type { OrderFieldScope } from '../writer/order-fields.js';

/**
 * One transform of a column's chain, as code. `out`: an order file's column (stored value -> file text);
 * `in`: an inbound column (file text -> the value Dockhand stores).
 */
export type Direction = 'out' | 'in';

/** One compiled step: the value so far, and (outbound) the order being written, for transforms that read fields. */
export type Step = (value: string, scope?: OrderFieldScope) => string;

export interface CompileContext {
  direction: Direction;
  /** The field an order file column reads, if it reads one (join does not repeat it). */
  own?: OrderFieldName;
}

export interface TransformDefinition<K extends TransformKind> {
  kind: K;
  /** Compiled once per file, run once per cell. May throw a config DockhandError for a profile that cannot work. */
  compile(transform: TransformOf<K>, ctx: CompileContext): Step;
}

/**
 * An inbound value the chain cannot read (a date not in the format, a number that is not one): the row
 * is reported with this reason, in words a warehouse manager reads.
 */
export class TransformError extends Error {
  override readonly name = 'TransformError';
}
