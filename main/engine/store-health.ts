import type { OutboxAlert } from './alert-outbox.js';
import type { EngineHealth } from './engine-api.js';
import type { StoreAlertInfo } from './store/index.js';
import type { StoreHealth } from './store/sql.js';

/** Key of the alert about the disk under the store (one alert, updated as the condition changes). */
export const DISK_ALERT_KEY = 'store:disk';

/** Why every schedule is paused after the store lost acknowledged changes. */
export const LOST_CHANGES_PAUSE_REASON =
  'Paused because Dockhand lost saved changes (see the alert): check recent orders and shipments before resuming.';

/** The alert for damage the store found (see recovery-plan.ts), saying what was done about it. */
export function storeAlert(message: string, info: StoreAlertInfo): OutboxAlert {
  return {
    key: info.key,
    severity: 'error',
    message: info.lostAcknowledged
      ? `${message} Every schedule is paused so nothing is downloaded or sent again from the older state: ` +
        'check the orders and shipments of the last moments before the damage, then resume the schedules.'
      : message,
  };
}

export function engineHealthOf(store: StoreHealth): EngineHealth {
  return store.writable ? { status: 'ok' } : { status: 'degraded', reason: store.message, since: store.since };
}

/** The disk alert: while it cannot be written, and once writing resumed (kept, so a person learns of it). */
export function diskAlert(now: StoreHealth, lost: Extract<StoreHealth, { writable: false }> | undefined, at: string): OutboxAlert | undefined {
  if (!now.writable) return { key: DISK_ALERT_KEY, severity: 'error', message: now.message };
  if (!lost) return undefined;
  return {
    key: DISK_ALERT_KEY,
    severity: 'warning',
    message:
      `Dockhand could not save from ${lost.since} until ${at}: the disk holding ${lost.dir} refused writes ` +
      `(${lost.code ?? 'unknown error'}). Saving has resumed; nothing that was acknowledged was lost, and runs ` +
      'that failed meanwhile are retried.',
  };
}
