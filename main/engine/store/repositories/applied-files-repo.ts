import type { SqlReader } from '../sql.js';

/**
 * Whether an inbound file of this name was applied: the services record it (inbound_files) in the same
 * transaction as the file's last rows, so a yes means every row is in, even if the process died before
 * the file could be moved away. Meaningful for names unique per file (the e-mail transport's carry the
 * message's key); a folder's "stock.csv" of every day would match yesterday's, so only e-mail asks.
 */
export function wasInboundFileApplied(db: SqlReader, fileName: string): boolean {
  return db.get('SELECT 1 AS found FROM inbound_files WHERE file_name = ? LIMIT 1', [fileName]) !== undefined;
}
