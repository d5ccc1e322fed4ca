import type { AlertView } from '../../shared/api-types.js';
import { INITIAL_ALERT_WATCH, newAlertNotices, type AlertNotice, type AlertWatch } from '../../shared/alert-notices.js';

/**
 * Raises a desktop notification for each new alert the tray reads (shared/alert-notices.ts decides which
 * are new and what they say). Knows nothing of Electron: desktop-notification.ts shows them.
 */
export interface AlertNotifier {
  /** The alerts open now (each read of alerts.list). */
  update(open: readonly AlertView[]): void;
}

export function createAlertNotifier(show: (notice: AlertNotice) => void): AlertNotifier {
  let watch: AlertWatch = INITIAL_ALERT_WATCH;
  return {
    update(open) {
      const next = newAlertNotices(watch, open);
      watch = next.watch;
      for (const notice of next.notices) show(notice);
    },
  };
}
