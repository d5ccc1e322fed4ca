import type { AccountMode } from '../../../../shared/domain.js';
import type { SqlReader, SqlRunner } from '../sql.js';

export function getAccount(db: SqlReader): { mode: AccountMode } | undefined {
  return db.get<{ mode: AccountMode }>('SELECT mode FROM account WHERE id = 1');
}

export function setAccountMode(db: SqlRunner, mode: AccountMode, now: string): void {
  db.run(
    `INSERT INTO account (id, mode, created_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET mode = excluded.mode`,
    [mode, now],
  );
}
