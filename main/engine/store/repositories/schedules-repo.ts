import type { JobPause, PausedBy } from '../../../../shared/api-types.js';
import type { ServiceName } from '../../../../shared/domain.js';
import type { SqlReader, SqlRunner } from '../sql.js';

export interface ScheduleRow {
  service: ServiceName;
  targetId: number;
  minutes: number | null;
  /** Why the job is paused (a person, or an auth/config failure a person must fix); null: not paused. */
  pause: JobPause | null;
  lastRunAt: string | null;
}

interface Raw {
  service: ServiceName;
  target_id: number;
  minutes: number | null;
  paused_by: PausedBy | null;
  pause_reason: string | null;
  last_run_at: string | null;
}

const toRow = (r: Raw): ScheduleRow => ({
  service: r.service,
  targetId: r.target_id,
  minutes: r.minutes,
  pause: r.paused_by === null ? null : { by: r.paused_by, reason: r.pause_reason ?? '' },
  lastRunAt: r.last_run_at,
});

const COLUMNS = 'service, target_id, minutes, paused_by, pause_reason, last_run_at';

export function listSchedules(db: SqlReader): ScheduleRow[] {
  return db.all<Raw>(`SELECT ${COLUMNS} FROM schedules ORDER BY service, target_id`).map(toRow);
}

export function getSchedule(db: SqlReader, service: ServiceName, targetId: number): ScheduleRow | undefined {
  const r = db.get<Raw>(`SELECT ${COLUMNS} FROM schedules WHERE service = ? AND target_id = ?`, [service, targetId]);
  return r ? toRow(r) : undefined;
}

export function setScheduleMinutes(db: SqlRunner, service: ServiceName, targetId: number, minutes: number | null): void {
  db.run(
    `INSERT INTO schedules (service, target_id, minutes) VALUES (?, ?, ?)
     ON CONFLICT (service, target_id) DO UPDATE SET minutes = excluded.minutes`,
    [service, targetId, minutes],
  );
}

/**
 * Saves a job's pause (null lifts it). An update only: a run that ends after its cart or merchant was
 * deleted must not bring the deleted schedule back.
 */
export function setSchedulePause(db: SqlRunner, service: ServiceName, targetId: number, pause: JobPause | null): void {
  db.run('UPDATE schedules SET paused_by = ?, pause_reason = ? WHERE service = ? AND target_id = ?', [
    pause?.by ?? null,
    pause?.reason ?? null,
    service,
    targetId,
  ]);
}

export function setScheduleLastRun(db: SqlRunner, service: ServiceName, targetId: number, at: string): void {
  db.run('UPDATE schedules SET last_run_at = ? WHERE service = ? AND target_id = ?', [at, service, targetId]);
}
