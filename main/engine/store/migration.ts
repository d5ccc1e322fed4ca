import type { SqlRunner } from './sql.js';

/**
 * One numbered schema change. `up` runs inside its own durable write transaction, and its statements are
 * journaled like any other write, so it must be deterministic: no random(), no datetime('now') (pass times
 * as parameters), nothing read from outside the database.
 */
export interface Migration {
  /** Positive integer; migrations run in ascending order, each exactly once. */
  version: number;
  name: string;
  up(db: SqlRunner): void;
}
