import type { ServiceName } from '../../../../shared/domain.js';
import type { SqlReader, SqlRunner } from '../sql.js';

export interface ScheduleRow {
  service: ServiceName;
  targetId: number;
  minutes: number | null;
  paused: boolean;
  pauseReason: string | null;
  lastRunAt: string | null;
}

interface Raw {
  service: ServiceName;
  target_id: number;
  minutes: number | null;
  paused: number;
  pause_reason: string | null;
  last_run_at: string | null;
}

const toRow = (r: Raw): ScheduleRow => ({
  service: r.service,
  targetId: r.target_id,
  minutes: r.minutes,
  paused: r.paused === 1,
  pauseReason: r.pause_reason,
  lastRunAt: r.last_run_at,
});

export function listSchedules(db: SqlReader): ScheduleRow[] {
  return db.all<Raw>('SELECT * FROM schedules ORDER BY service, target_id').map(toRow);
}

export function getSchedule(db: SqlReader, service: ServiceName, targetId: number): ScheduleRow | undefined {
  const r = db.get<Raw>('SELECT * FROM schedules WHERE service = ? AND target_id = ?', [service, targetId]);
  return r ? toRow(r) : undefined;
}

export function setScheduleMinutes(db: SqlRunner, service: ServiceName, targetId: number, minutes: number | null): void {
  db.run(
    `INSERT INTO schedules (service, target_id, minutes) VALUES (?, ?, ?)
     ON CONFLICT (service, target_id) DO UPDATE SET minutes = excluded.minutes`,
    [service, targetId, minutes],
  );
}

export function setSchedulePaused(
  db: SqlRunner,
  service: ServiceName,
  targetId: number,
  paused: boolean,
  reason: string | null,
): void {
  db.run(
    `INSERT INTO schedules (service, target_id, minutes, paused, pause_reason) VALUES (?, ?, NULL, ?, ?)
     ON CONFLICT (service, target_id) DO UPDATE SET paused = excluded.paused, pause_reason = excluded.pause_reason`,
    [service, targetId, paused ? 1 : 0, reason],
  );
}

export function setScheduleLastRun(db: SqlRunner, service: ServiceName, targetId: number, at: string): void {
  db.run('UPDATE schedules SET last_run_at = ? WHERE service = ? AND target_id = ?', [at, service, targetId]);
}
