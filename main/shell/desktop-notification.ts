import { Notification } from 'electron';
import type { AlertNotice } from '../../shared/alert-notices.js';

/** Shows one notice as the desktop's notification; a click runs `onClick` (open the window on the alerts). */
export function showDesktopNotification(notice: AlertNotice, onClick: (notice: AlertNotice) => void): void {
  // Some Linux desktops have no notification server: the tray's alert icon and count still tell.
  if (!Notification.isSupported()) return;
  const shown = new Notification({ title: notice.title, body: notice.body });
  shown.on('click', () => onClick(notice));
  shown.show();
}
