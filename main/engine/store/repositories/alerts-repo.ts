import type { AlertView } from '../../../../shared/api-types.js';
import type { SqlReader, SqlRunner } from '../sql.js';

/**
 * Alerts are keyed by what they are about ("auth:cart:3"), so raising the same problem again updates
 * one alert, and solving it clears it by the same key.
 */
export function raiseAlert(
  db: SqlRunner,
  a: { key: string; severity: AlertView['severity']; targetType?: string; targetId?: number; message: string },
  now: string,
): boolean {
  const existing = db.get<{ id: number; cleared_at: string | null; message: string }>(
    'SELECT id, cleared_at, message FROM alerts WHERE alert_key = ?',
    [a.key],
  );
  if (existing) {
    db.run('UPDATE alerts SET message = ?, severity = ?, updated_at = ?, cleared_at = NULL WHERE id = ?', [
      a.message,
      a.severity,
      now,
      existing.id,
    ]);
    return existing.cleared_at !== null || existing.message !== a.message;
  }
  db.run(
    `INSERT INTO alerts (alert_key, severity, target_type, target_id, message, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [a.key, a.severity, a.targetType ?? null, a.targetId ?? null, a.message, now, now],
  );
  return true;
}

export function clearAlert(db: SqlRunner, key: string, now: string): void {
  db.run('UPDATE alerts SET cleared_at = ? WHERE alert_key = ? AND cleared_at IS NULL', [now, key]);
}

export function clearAlertById(db: SqlRunner, id: number, now: string): number {
  return db.run('UPDATE alerts SET cleared_at = ? WHERE id = ? AND cleared_at IS NULL', [now, id]).changes;
}

export function openAlerts(db: SqlReader): AlertView[] {
  return db
    .all<{
      id: number;
      alert_key: string;
      severity: AlertView['severity'];
      target_type: string | null;
      target_id: number | null;
      message: string;
      created_at: string;
      updated_at: string;
    }>('SELECT * FROM alerts WHERE cleared_at IS NULL ORDER BY updated_at DESC, id DESC')
    .map((r) => ({
      id: r.id,
      key: r.alert_key,
      severity: r.severity,
      targetType: r.target_type,
      targetId: r.target_id,
      message: r.message,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
}
