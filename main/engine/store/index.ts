/**
 * The durable store: sql.js in memory, made durable by a journal of committed write transactions
 * (fdatasync before a write resolves) and background snapshots. Replay on open must reproduce the same
 * state, so SQL must be deterministic: pass times and ids as parameters; never random(), datetime('now'),
 * CURRENT_TIMESTAMP; do not use ON CONFLICT ROLLBACK (it would end the transaction under the store).
 */
export type { SqlParams, SqlReader, SqlRunner, SqlValue, Store, StoreMetrics } from './sql.js';
export type { Migration } from './migration.js';
export { openStore, type OpenStoreOptions, type OpenedStore, type StoreAlertInfo } from './open-store.js';
export { runIntegrityCheck } from './integrity.js';
export { measureBareFsync } from './bare-fsync.js';
export { schemaVersion, MIGRATIONS_TABLE } from './migrate.js';
