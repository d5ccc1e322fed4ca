import { describe, expect, it } from 'vitest';
import { alertBadge, INITIAL_ALERT_WATCH, MAX_SEPARATE_NOTICES, newAlertNotices } from '../../shared/alert-notices.js';
import { alertView } from '../support/api-views.js';

const alert = (key: string, message = `Problem ${key}`, severity: 'info' | 'warning' | 'error' = 'error') => alertView({ key, message, severity });

describe('alert notices', () => {
  it('owe nothing for the alerts already open at the first look', () => {
    const first = newAlertNotices(INITIAL_ALERT_WATCH, [alert('a'), alert('b')]);
    expect(first.notices).toEqual([]);
    expect([...first.watch.seen!]).toEqual(['a', 'b']);
  });

  it('tell of each alert raised since the last look, once, with its message and a link to the alerts', () => {
    const first = newAlertNotices(INITIAL_ALERT_WATCH, [alert('a')]);
    const second = newAlertNotices(first.watch, [alert('b', 'Shopify refused the token', 'error'), alert('a')]);
    expect(second.notices).toEqual([{ tag: 'dockhand-alert-b', title: 'Dockhand needs you', body: 'Shopify refused the token', link: '#/alerts' }]);
    expect(newAlertNotices(second.watch, [alert('b'), alert('a')]).notices).toEqual([]);
  });

  it('tell again of an alert that cleared and was raised again', () => {
    let watch = newAlertNotices(INITIAL_ALERT_WATCH, [alert('a')]).watch;
    watch = newAlertNotices(watch, []).watch;
    expect(newAlertNotices(watch, [alert('a')]).notices.map((n) => n.tag)).toEqual(['dockhand-alert-a']);
  });

  it('count many new alerts in one notice, titled by the worst of them', () => {
    const watch = newAlertNotices(INITIAL_ALERT_WATCH, []).watch;
    const many = Array.from({ length: MAX_SEPARATE_NOTICES + 2 }, (_, i) => alert(`k${i}`, `Message ${i}`, i === 2 ? 'error' : 'warning'));
    const { notices } = newAlertNotices(watch, many);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ tag: 'dockhand-alerts', title: 'Dockhand needs you', body: `${many.length} new alerts. The first: Message 0` });
  });

  it('shorten a long message', () => {
    const watch = newAlertNotices(INITIAL_ALERT_WATCH, []).watch;
    const body = newAlertNotices(watch, [alert('x', 'word '.repeat(100), 'warning')]).notices[0].body;
    expect(body.length).toBeLessThanOrEqual(180);
    expect(body.endsWith('…')).toBe(true);
  });

  it('badge the open count: nothing at zero, 99+ past 99', () => {
    expect([0, 1, 42, 99, 100].map(alertBadge)).toEqual(['', '1', '42', '99', '99+']);
  });
});
