import type { SqlReader, SqlRunner } from '../sql.js';

/** One saved sync position of a cart: where its `stream` goes on from. */
export interface SyncPositionRow {
  stream: string;
  position: string;
  updatedAt: string;
}

/** The saved position of a cart's stream, or null before its first save (or after a reset). */
export function getSyncPosition(db: SqlReader, cartId: number, stream: string): string | null {
  return db.get<{ position: string }>('SELECT position FROM cart_sync_positions WHERE cart_id = ? AND stream = ?', [cartId, stream])?.position ?? null;
}

/** Every saved position of a cart, by stream name. */
export function listSyncPositions(db: SqlReader, cartId: number): SyncPositionRow[] {
  return db
    .all<{ stream: string; position: string; updated_at: string }>(
      'SELECT stream, position, updated_at FROM cart_sync_positions WHERE cart_id = ? ORDER BY stream',
      [cartId],
    )
    .map((r) => ({ stream: r.stream, position: r.position, updatedAt: r.updated_at }));
}

/** Saves (or, with null, clears) one stream's position; no other stream of the cart moves. */
export function setSyncPosition(db: SqlRunner, cartId: number, stream: string, position: string | null, now: string): void {
  if (position === null) {
    db.run('DELETE FROM cart_sync_positions WHERE cart_id = ? AND stream = ?', [cartId, stream]);
    return;
  }
  db.run(
    `INSERT INTO cart_sync_positions (cart_id, stream, position, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (cart_id, stream) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    [cartId, stream, position, now],
  );
}

/** A removed cart's positions go with it. */
export function deleteSyncPositions(db: SqlRunner, cartId: number): void {
  db.run('DELETE FROM cart_sync_positions WHERE cart_id = ?', [cartId]);
}
