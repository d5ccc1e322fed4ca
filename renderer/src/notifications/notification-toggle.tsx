import { Bell, BellOff } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { INITIAL_ALERT_WATCH, newAlertNotices, type AlertWatch } from '../../../shared/alert-notices.js';
import { useApi } from '../api/hooks.js';
import { bridge } from '../api/client.js';
import { notificationChoice, notifying, PREFERENCE_KEY, type NotificationSupport } from './notification-choice.js';
import './notification-toggle.css';

function support(): NotificationSupport {
  if (bridge()) return 'electron';
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.permission;
}

function readPreference(): string | null {
  try {
    return localStorage.getItem(PREFERENCE_KEY);
  } catch {
    return null;
  }
}

/**
 * The top bar's bell: in a browser (the headless host's screens), asks for permission to notify, then
 * switches desktop notifications of new alerts on and off. Which alerts are new, and the words, are the
 * shell's too (shared/alert-notices.ts).
 */
export function NotificationToggle() {
  const [permission, setPermission] = useState<NotificationSupport>(support);
  const [preference, setPreference] = useState<string | null>(readPreference);
  const choice = notificationChoice(permission, preference);
  const on = notifying(choice);
  const alerts = useApi('alerts.list', {}, { refetchInterval: 30_000, enabled: choice.kind !== 'hidden' });
  const watch = useRef<AlertWatch>(INITIAL_ALERT_WATCH);

  useEffect(() => {
    if (!alerts.data) return;
    const next = newAlertNotices(watch.current, alerts.data);
    watch.current = next.watch;
    if (!on) return;
    for (const notice of next.notices) {
      const shown = new Notification(notice.title, { body: notice.body, tag: notice.tag });
      shown.onclick = () => {
        window.focus();
        window.location.hash = notice.link;
        shown.close();
      };
    }
  }, [alerts.data, on]);

  const remember = (value: 'on' | 'off') => {
    try {
      localStorage.setItem(PREFERENCE_KEY, value);
    } catch {
      // Private windows may refuse storage: the choice then lasts until the page reloads.
    }
    setPreference(value);
  };

  switch (choice.kind) {
    case 'hidden':
      return null;
    case 'ask':
      return (
        <button
          type="button"
          className="notification-toggle"
          onClick={() => void Notification.requestPermission().then((p) => {
            setPermission(p);
            if (p === 'granted') remember('on');
          })}
        >
          <Bell aria-hidden="true" className="notification-toggle__icon" />
          {choice.label}
        </button>
      );
    case 'blocked':
      return (
        <span className="notification-toggle notification-toggle--blocked" title={choice.hint}>
          <BellOff aria-hidden="true" className="notification-toggle__icon" />
          {choice.label}
        </span>
      );
    case 'toggle':
      return (
        <button type="button" className="notification-toggle" aria-pressed={choice.on} onClick={() => remember(choice.on ? 'off' : 'on')}>
          {choice.on ? <Bell aria-hidden="true" className="notification-toggle__icon" /> : <BellOff aria-hidden="true" className="notification-toggle__icon" />}
          {choice.label}
        </button>
      );
  }
}
