import type { PausedBy } from '../../shared/api-types.js';
import { CART_SERVICES, type ServiceName } from '../../shared/domain.js';
import { clearAlert, raiseAlert } from './store/repositories/alerts-repo.js';
import type { SqlRunner } from './store/sql.js';

/**
 * The alert that goes with a job paused by a failure, raised when the run fails and cleared when a
 * run succeeds, a person resumes the job, or the settings are saved. Its target is where the fix is
 * made: the cart connection for a cart's jobs; the WMS setup for a merchant's jobs (the transport,
 * its login and the folders live there).
 */

type FailurePause = Exclude<PausedBy, 'person'>;

const isCartService = (service: ServiceName) => (CART_SERVICES as readonly string[]).includes(service);

/**
 * Alert keys. A refused login is one problem of the connection, so the three jobs of a cart (or every
 * merchant's WMS jobs) share one alert; a config failure is the job's own.
 */
export function pauseAlertKey(service: ServiceName, targetId: number, by: FailurePause): string {
  if (by === 'auth') return isCartService(service) ? `auth:cart:${targetId}` : 'auth:wms';
  return `config:${service}:${targetId}`;
}

export function raisePauseAlert(
  db: SqlRunner,
  job: {
    service: ServiceName;
    targetId: number;
    label: string;
    targetName: string;
    /** A cart whose platform grants access on a consent page: the fix is Reconnect, not typing credentials. */
    reconnect?: boolean;
  },
  by: FailurePause,
  message: string,
  now: string,
): void {
  const cart = isCartService(job.service);
  const what = message.replace(/\.+$/, '');
  const text =
    by === 'auth' && job.reconnect
      ? `${job.targetName}: ${what}. Reconnect ${job.targetName} to grant access again: its schedules are paused until then, and nothing downloaded is lost.`
      : by === 'auth'
      ? `${job.targetName}: ${what}. Its schedule is paused until the credentials are fixed.`
      : `${job.label} for ${job.targetName}: ${what}. Its schedule is paused until the ${cart ? 'connection' : 'WMS'} settings are fixed.`;
  raiseAlert(
    db,
    { key: pauseAlertKey(job.service, job.targetId, by), severity: 'error', targetType: cart ? 'cart' : 'wms', targetId: job.targetId, message: text },
    now,
  );
}

/** Clears the alerts of failure pauses that were lifted, except where another job still has the same one. */
export function clearPauseAlerts(
  db: SqlRunner,
  lifted: readonly { service: ServiceName; targetId: number; by: FailurePause }[],
  stillPaused: readonly { service: ServiceName; targetId: number; by: FailurePause }[],
  now: string,
): void {
  const keep = new Set(stillPaused.map((j) => pauseAlertKey(j.service, j.targetId, j.by)));
  for (const j of lifted) {
    const key = pauseAlertKey(j.service, j.targetId, j.by);
    if (!keep.has(key)) clearAlert(db, key, now);
  }
}
