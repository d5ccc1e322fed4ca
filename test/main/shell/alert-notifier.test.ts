import { describe, expect, it } from 'vitest';
import type { AlertNotice } from '../../../shared/alert-notices.js';
import { createAlertNotifier } from '../../../main/shell/alert-notifier.js';
import { trayView, INITIAL_TRAY_FACTS } from '../../../main/shell/tray-state.js';
import { alertView } from '../../support/api-views.js';

describe('the shell\'s alert notifications and tray count', () => {
  it('notifies once per new alert, not for those open when the tray first read them', () => {
    const shown: AlertNotice[] = [];
    const notifier = createAlertNotifier((n) => shown.push(n));
    notifier.update([alertView({ key: 'old', message: 'Was open at start' })]);
    notifier.update([alertView({ key: 'old' }), alertView({ key: 'wms', message: 'The FTP server refused the password', severity: 'error' })]);
    notifier.update([alertView({ key: 'old' }), alertView({ key: 'wms' })]);
    expect(shown.map((n) => [n.title, n.body])).toEqual([['Dockhand needs you', 'The FTP server refused the password']]);
  });

  it('shows the open alert count on the tray: tooltip, title and badge', () => {
    const view = trayView({ ...INITIAL_TRAY_FACTS, openAlerts: 3 }, { startAtLogin: false });
    expect(view).toMatchObject({ tooltip: 'Dockhand: 3 alerts', badge: '3', openAlerts: 3, icon: 'alert' });
    expect(trayView(INITIAL_TRAY_FACTS, { startAtLogin: false })).toMatchObject({ badge: '', openAlerts: 0 });
  });
});
