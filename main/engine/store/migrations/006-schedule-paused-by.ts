import type { SqlRunner } from '../sql.js';

/**
 * A paused job says who paused it: a person ('person'), or a failure a person must fix ('auth',
 * 'config'). It replaces the paused flag, so the saved pause is one value that cannot contradict
 * itself, and a pause for a config failure survives a restart like one for auth.
 * Before this, only a person's pause (no reason) and an auth pause (its message as the reason) were
 * saved; the backfill tells them apart that way.
 */
export const schedulePausedBy = {
  version: 6,
  name: 'schedule paused by',
  up(db: SqlRunner): void {
    db.run('ALTER TABLE schedules ADD COLUMN paused_by TEXT');
    db.run(
      `UPDATE schedules SET paused_by = CASE WHEN pause_reason IS NULL THEN 'person' ELSE 'auth' END,
         pause_reason = COALESCE(pause_reason, 'Paused by a person')
       WHERE paused = 1`,
    );
    db.run('UPDATE schedules SET pause_reason = NULL WHERE paused = 0');
    db.run('ALTER TABLE schedules DROP COLUMN paused');
  },
};
