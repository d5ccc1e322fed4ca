import type { AlertView } from './api-types.js';

/**
 * Desktop notifications for new alerts, the same in the Electron shell and in a browser: which open
 * alerts are new since the last look, and what the notification says. Pure, so both sides test it.
 */

export interface AlertNotice {
  /** Replaces an earlier notice with the same tag instead of stacking (the browser's and Electron's). */
  tag: string;
  title: string;
  body: string;
  /** Where a click leads: the alert's screen. */
  link: string;
}

/** More new alerts than this at once become one notice that counts them (a failing night is not 30 pop-ups). */
export const MAX_SEPARATE_NOTICES = 3;
const MAX_BODY_CHARS = 180;

export interface AlertWatch {
  /** Keys of the alerts open at the last look; null before the first look. */
  seen: ReadonlySet<string> | null;
}

export const INITIAL_ALERT_WATCH: AlertWatch = { seen: null };

const TITLES: Record<AlertView['severity'], string> = {
  error: 'Dockhand needs you',
  warning: 'Dockhand: a warning',
  info: 'Dockhand',
};

function shorten(text: string): string {
  return text.length <= MAX_BODY_CHARS ? text : `${text.slice(0, MAX_BODY_CHARS - 1).trimEnd()}…`;
}

export function noticeOf(alert: AlertView): AlertNotice {
  return { tag: `dockhand-alert-${alert.key}`, title: TITLES[alert.severity], body: shorten(alert.message), link: '#/alerts' };
}

/**
 * The notices owed for `open` (the alerts open now) and the watch to keep. The first look only learns
 * what is open (alerts raised before Dockhand's window or tray started are on the Alerts screen already);
 * an alert that cleared and was raised again is new again.
 */
export function newAlertNotices(watch: AlertWatch, open: readonly AlertView[]): { watch: AlertWatch; notices: AlertNotice[] } {
  const seen = new Set(open.map((a) => a.key));
  if (watch.seen === null) return { watch: { seen }, notices: [] };
  const fresh = open.filter((a) => !watch.seen!.has(a.key));
  if (fresh.length <= MAX_SEPARATE_NOTICES) return { watch: { seen }, notices: fresh.map(noticeOf) };
  const worst = fresh.some((a) => a.severity === 'error') ? 'error' : fresh.some((a) => a.severity === 'warning') ? 'warning' : 'info';
  return {
    watch: { seen },
    notices: [{ tag: 'dockhand-alerts', title: TITLES[worst], body: `${fresh.length} new alerts. The first: ${shorten(fresh[0].message)}`, link: '#/alerts' }],
  };
}

/** The open alert count as a badge or tray title shows it: nothing at zero, "99+" past 99. */
export function alertBadge(open: number): string {
  if (open <= 0) return '';
  return open > 99 ? '99+' : String(open);
}
