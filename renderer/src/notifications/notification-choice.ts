/**
 * Whether this browser shows desktop notifications for new alerts: the browser's permission and the
 * person's own choice (kept in this browser only). Inside Electron the shell notifies, never the page.
 */

export type NotificationSupport = 'electron' | 'unsupported' | NotificationPermission;

export type NotificationChoice =
  /** No toggle: the shell notifies (Electron), or the browser cannot. */
  | { kind: 'hidden' }
  /** The browser has not been asked yet: the toggle asks. */
  | { kind: 'ask'; label: string }
  /** Permitted: the toggle switches them on and off. */
  | { kind: 'toggle'; on: boolean; label: string }
  /** The browser refuses: say where to change that. */
  | { kind: 'blocked'; label: string; hint: string };

export const PREFERENCE_KEY = 'dockhand.alertNotifications';

export function notificationChoice(support: NotificationSupport, preference: string | null): NotificationChoice {
  switch (support) {
    case 'electron':
    case 'unsupported':
      return { kind: 'hidden' };
    case 'default':
      return { kind: 'ask', label: 'Notify me of alerts' };
    case 'denied':
      return { kind: 'blocked', label: 'Notifications blocked', hint: 'This browser blocks notifications from Dockhand: allow them in the site settings to be told of new alerts.' };
    case 'granted': {
      const on = preference !== 'off';
      return { kind: 'toggle', on, label: on ? 'Alert notifications on' : 'Alert notifications off' };
    }
  }
}

/** Whether new alerts raise a notification now. */
export function notifying(choice: NotificationChoice): boolean {
  return choice.kind === 'toggle' && choice.on;
}
