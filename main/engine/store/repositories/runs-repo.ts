import type { Page, RunStatus, RunView } from '../../../../shared/api-types.js';
import { CART_SERVICES, MERCHANT_SERVICES, type ServiceName } from '../../../../shared/domain.js';
import type { SqlReader, SqlRunner, SqlValue } from '../sql.js';
import { parseJson } from './json-column.js';

interface Raw {
  id: number;
  service: ServiceName;
  target_id: number;
  trigger: string;
  status: RunStatus;
  started_at: string;
  finished_at: string | null;
  counts_json: string;
  errors_json: string;
  message: string | null;
  progress: number | null;
}

const toView = (r: Raw): RunView => ({
  id: r.id,
  service: r.service,
  targetId: r.target_id,
  trigger: r.trigger,
  status: r.status,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  counts: parseJson(r.counts_json, {}),
  errors: parseJson(r.errors_json, []),
  message: r.message,
  progress: r.progress,
});

export function startRun(db: SqlRunner, service: ServiceName, targetId: number, trigger: string, now: string): number {
  return db.run(
    `INSERT INTO runs (service, target_id, trigger, status, started_at) VALUES (?, ?, ?, 'running', ?)`,
    [service, targetId, trigger, now],
  ).lastInsertRowid;
}

export function finishRun(
  db: SqlRunner,
  id: number,
  result: { status: RunStatus; counts: Record<string, number>; errors: RunView['errors']; message: string | null },
  now: string,
): void {
  db.run(
    `UPDATE runs SET status = ?, finished_at = ?, counts_json = ?, errors_json = ?, message = ?, progress = 1 WHERE id = ?`,
    [result.status, now, JSON.stringify(result.counts), JSON.stringify(result.errors.slice(0, 200)), result.message, id],
  );
}

/**
 * A running run's counts so far and how far it got (0..1), so runs.list and runs.get show it moving.
 * Only while it runs: a late progress write never overwrites the finished run.
 */
export function updateRunProgress(db: SqlRunner, id: number, counts: Record<string, number>, progress: number | null): void {
  db.run(`UPDATE runs SET counts_json = ?, progress = ? WHERE id = ? AND status = 'running'`, [JSON.stringify(counts), progress, id]);
}

/** Runs left 'running' by a crash or a kill: they ended when the process did. */
export function closeAbandonedRuns(db: SqlRunner, now: string): number {
  return db.run(
    `UPDATE runs SET status = 'failed', finished_at = ?, message = 'Interrupted: Dockhand stopped during this run'
     WHERE status = 'running'`,
    [now],
  ).changes;
}

export function getRun(db: SqlReader, id: number): RunView | undefined {
  const r = db.get<Raw>('SELECT * FROM runs WHERE id = ?', [id]);
  return r ? toView(r) : undefined;
}

export function lastRun(db: SqlReader, service: ServiceName, targetId: number): RunView | undefined {
  const r = db.get<Raw>('SELECT * FROM runs WHERE service = ? AND target_id = ? ORDER BY id DESC LIMIT 1', [
    service,
    targetId,
  ]);
  return r ? toView(r) : undefined;
}

/** What a run's target id names: a cart connection or a merchant. */
export type RunTargetKind = 'cart' | 'merchant';

const SERVICES_OF_KIND: Record<RunTargetKind, readonly ServiceName[]> = { cart: CART_SERVICES, merchant: MERCHANT_SERVICES };

export function listRuns(
  db: SqlReader,
  f: { service?: ServiceName; kind?: RunTargetKind; targetId?: number; limit: number; offset: number },
): Page<RunView> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (f.service) {
    where.push('service = ?');
    params.push(f.service);
  }
  if (f.kind) {
    // A run's target id is a cart or a merchant depending on its service: the kind picks the services.
    const services = SERVICES_OF_KIND[f.kind];
    where.push(`service IN (${services.map(() => '?').join(', ')})`);
    params.push(...services);
  }
  if (f.targetId !== undefined) {
    where.push('target_id = ?');
    params.push(f.targetId);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM runs ${clause}`, params)?.n ?? 0;
  const items = db
    .all<Raw>(`SELECT * FROM runs ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`, [...params, f.limit, f.offset])
    .map(toView);
  return { items, total, limit: f.limit, offset: f.offset };
}

/** Retention: keep the newest `keep` runs per job so history does not grow without end. */
export function pruneRuns(db: SqlRunner, keep: number): number {
  return db.run(
    `DELETE FROM runs WHERE status != 'running' AND id IN (
       SELECT id FROM (
         SELECT id, ROW_NUMBER() OVER (PARTITION BY service, target_id ORDER BY id DESC) AS rn FROM runs
       ) WHERE rn > ?)`,
    [keep],
  ).changes;
}
