import type { SqlRunner } from '../sql.js';

/**
 * Counts send attempts begun per batch, recorded durably before each upload. With the failures
 * recorded after it, this tells a resend whether an earlier attempt may have reached the WMS (begun
 * but never concluded: a crash mid-send), in which case the batch is resent whole.
 */
export const batchSendAttempts = {
  version: 2,
  name: 'batch send attempts',
  up(db: SqlRunner): void {
    db.run('ALTER TABLE batches ADD COLUMN sends_started INTEGER NOT NULL DEFAULT 0');
  },
};
