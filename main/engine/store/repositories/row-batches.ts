import type { SqlRunner, SqlValue } from '../sql.js';

/**
 * Rows per statement, largest first. Through sql.js every statement pays a fixed toll (prepare lookup,
 * bind, step, reset, a journal record) that outweighed the row's own work for the 50,000 shipments of a
 * confirmation file, so many rows go in one statement; a handful of fixed sizes (not one per count) keeps
 * the statement cache small and its statements reused across chunks.
 */
const BATCH_SIZES = [64, 16, 4, 1] as const;

/**
 * Runs `items` through `statementFor(n)`, a statement for n items whose parameters `paramsOf(batch)`
 * gives, in batches of the sizes above. Items keep their order, so writes that depend on it (a history
 * in time order, an insert that wins over a later duplicate) come out as when run one by one. The
 * number of rows changed.
 */
export function runInRowBatches<T>(db: SqlRunner, items: readonly T[], statementFor: (n: number) => string, paramsOf: (batch: readonly T[]) => SqlValue[]): number {
  let changes = 0;
  let i = 0;
  for (const size of BATCH_SIZES) {
    while (items.length - i >= size) {
      changes += db.run(statementFor(size), paramsOf(items.slice(i, i + size))).changes;
      i += size;
    }
  }
  return changes;
}

/** A statement built once per row count: `build(n)` runs the first time n is asked for. */
export function statementsBySize(build: (n: number) => string): (n: number) => string {
  const built = new Map<number, string>();
  return (n) => {
    let sql = built.get(n);
    if (sql === undefined) {
      sql = build(n);
      built.set(n, sql);
    }
    return sql;
  };
}

/**
 * n rows of a multi-row statement with numbered parameters, after `shared` parameters every row names
 * (`?1`...: a value such as the time, bound once per statement instead of once per row: each bound
 * value costs sql.js a copy into its heap and the journal a copy on disk). `row(p)` writes one row,
 * `p(k)` naming its k-th own parameter (0-based); rows' parameters follow the shared ones in row order.
 */
export function numberedRows(n: number, shared: number, width: number, separator: string, row: (p: (k: number) => string) => string): string {
  const rows = new Array<string>(n);
  for (let i = 0; i < n; i++) rows[i] = row((k) => `?${shared + i * width + k + 1}`);
  return rows.join(separator);
}
