import type { RunView } from '../../../shared/api-types.js';
import { CART_SERVICES, type ServiceName } from '../../../shared/domain.js';
import { DockhandError, isDockhandError, type ErrorKind } from '../../../shared/errors.js';
import { clearAlert, openAlerts, raiseAlert } from '../store/repositories/alerts-repo.js';
import { getCart, setCartAuthError } from '../store/repositories/carts-repo.js';
import { finishRun, getRun, startRun, updateRunProgress } from '../store/repositories/runs-repo.js';
import { setScheduleLastRun } from '../store/repositories/schedules-repo.js';
import { syncCartNoticeAlert } from '../cart-notices.js';
import { pauseAlertKey, raisePauseAlert } from '../job-alerts.js';
import { RunReport, type RunContext, type ServiceDeps } from './run-context.js';
import { SERVICES } from './index.js';
import { cartPlatform } from '../../../shared/platforms/index.js';

/** Whether a cart's platform grants access on a consent page (its descriptor's `oauth`): its fix is Reconnect. */
function grantsOnConsentPage(deps: ServiceDeps, platform: string | undefined): boolean {
  const descriptorOf = deps.connectors.descriptor ?? cartPlatform;
  return platform !== undefined && descriptorOf(platform)?.oauth !== undefined;
}

export interface RunResult {
  run: RunView;
  errorKind?: ErrorKind;
  retryAfterMs?: number;
}

const isCartService = (s: ServiceName) => (CART_SERVICES as readonly string[]).includes(s);

/**
 * Runs one service for one target and records it: start, end, counts, errors, progress. The unit the
 * scheduler, "Run now" and the tests all call. Auth and config failures raise an alert to fix the
 * credentials or settings (the scheduler pauses the job meanwhile: scheduler/schedule-rules.ts);
 * other failures raise an alert that clears on the next good run.
 */
export async function executeRun(
  deps: ServiceDeps,
  service: ServiceName,
  targetId: number,
  trigger: string,
  signal: AbortSignal,
): Promise<RunResult> {
  const startedAt = deps.clock.now().toISOString();
  const runId = await deps.store.write((db) => {
    setScheduleLastRun(db, service, targetId, startedAt);
    return startRun(db, service, targetId, trigger, startedAt);
  });
  deps.emit({ type: 'run.started', at: startedAt, data: { runId, service, targetId, trigger } });

  const report = new RunReport();
  let lastProgressAt = 0;
  let lastFraction = 0;
  const rc: RunContext = {
    ...deps,
    runId,
    service,
    targetId,
    signal,
    report,
    nowIso: () => deps.clock.now().toISOString(),
    progress(done, total) {
      const now = Date.now();
      // The event stream, not a firehose: at most every 250 ms, but always when a known total moved a
      // twentieth on (a quick run of 1,000 orders still shows its progress move).
      const fraction = total ? Math.min(1, done / total) : null;
      const stepped = fraction !== null && (fraction - lastFraction >= 0.05 || (fraction === 1 && lastFraction < 1));
      if (now - lastProgressAt < 250 && !stepped) return;
      lastProgressAt = now;
      if (fraction !== null) lastFraction = fraction;
      const counts = { ...report.counts };
      // The run's row first, so a screen (re)loaded meanwhile, or on this event, shows the counts so far;
      // a failed write here only loses a progress step (the run's end is recorded on its own).
      deps.store.write((db) => updateRunProgress(db, runId, counts, fraction)).catch(() => {});
      deps.emit({ type: 'run.progress', at: new Date(now).toISOString(), data: { runId, service, targetId, done, total: total ?? null, counts } });
    },
  };

  let error: DockhandError | undefined;
  try {
    await SERVICES[service](rc, targetId);
  } catch (err) {
    error = toDockhandError(err, signal);
  }

  const status = error ? 'failed' : report.errors.length > 0 ? 'partial' : 'ok';
  const message = error ? error.message : report.message;
  if (report.throttleWaitMs > 0) report.counts.throttleWaitMs = Math.round(report.throttleWaitMs);
  const finishedAt = deps.clock.now().toISOString();
  const run = await deps.store.write((db) => {
    finishRun(db, runId, { status, counts: report.counts, errors: report.errors, message }, finishedAt);
    const targetName = describeTarget(db, service, targetId);
    const failKey = `run-failed:${service}:${targetId}`;
    if (error?.kind === 'auth' || error?.kind === 'config') {
      if (error.kind === 'auth' && isCartService(service)) setCartAuthError(db, targetId, error.message);
      const reconnect = error.kind === 'auth' && isCartService(service) && grantsOnConsentPage(deps, getCart(db, targetId)?.platform);
      raisePauseAlert(db, { service, targetId, label: labelOf(service), targetName, reconnect }, error.kind, error.message, finishedAt);
    } else if (error && error.kind !== 'rate_limited' && !signal.aborted) {
      // An aborted run (Dockhand stopping, the job removed) is not a problem to report.
      raiseAlert(db, { key: failKey, severity: 'warning', targetType: service, targetId, message: `${labelOf(service)} for ${targetName} failed: ${error.message}` }, finishedAt);
    } else if (!error) {
      clearAlert(db, failKey, finishedAt);
      clearAlert(db, pauseAlertKey(service, targetId, 'auth'), finishedAt);
      clearAlert(db, pauseAlertKey(service, targetId, 'config'), finishedAt);
      if (isCartService(service)) setCartAuthError(db, targetId, null);
    }
    // Settings that work but need a person (a retired API version) stay in view while the cart runs.
    const cart = isCartService(service) ? getCart(db, targetId) : undefined;
    if (cart) syncCartNoticeAlert(db, cart, finishedAt, deps.connectors.cartGrantNotices?.(cart, finishedAt) ?? []);
    // Alerts this run raised or renewed go out on the event stream too.
    const raised = openAlerts(db).filter((a) => a.updatedAt >= startedAt);
    return { run: getRun(db, runId)!, raised };
  }).then(({ run, raised }) => {
    for (const alert of raised) deps.emit({ type: 'alert', at: alert.updatedAt, data: { alert } });
    return run;
  });
  deps.emit({ type: 'run.finished', at: finishedAt, data: { run } });
  if (error) deps.log.log('warn', 'run failed', { service, targetId, kind: error.kind, message: error.message });
  return { run, errorKind: error?.kind, retryAfterMs: error?.retryAfterMs };
}

function toDockhandError(err: unknown, signal: AbortSignal): DockhandError {
  if (isDockhandError(err)) return err;
  if (signal.aborted) return new DockhandError('transient', 'Stopped: Dockhand was shutting down or the run was cancelled');
  const message = err instanceof Error ? err.message : String(err);
  return new DockhandError('internal', `Unexpected error: ${message}`, { cause: err });
}

export function labelOf(service: ServiceName): string {
  return {
    order_download: 'Order download',
    order_delivery: 'Order delivery',
    shipment_pickup: 'Shipping confirmations',
    shipment_upload: 'Shipment upload',
    inventory_pickup: 'Inventory pickup',
    inventory_upload: 'Inventory upload',
  }[service];
}

function describeTarget(db: Parameters<typeof getCart>[0], service: ServiceName, targetId: number): string {
  if (isCartService(service)) return getCart(db, targetId)?.name ?? `cart ${targetId}`;
  return db.get<{ name: string }>('SELECT name FROM merchants WHERE id = ?', [targetId])?.name ?? `merchant ${targetId}`;
}
