import { describe, expect, it } from 'vitest';
import { parseHash } from '../../../../renderer/src/app/router.js';
import { linkedAlert, linkedAlertNotice } from '../../../../renderer/src/screens/alerts/alert-link.js';
import { alertView } from '../../../support/api-views.js';

const open = [alertView({ id: 4 }), alertView({ id: 9 })];
/** The query of the screen an alert e-mail's link opens (`<appUrl>/#/alerts?alert=<id>`). */
const linkQuery = (url: string) => parseHash(new URL(url).hash).query;

describe('the alert an e-mail links to', () => {
  it('picks out the open alert the link names', () => {
    const linked = linkedAlert(linkQuery('http://127.0.0.1:8080/#/alerts?alert=9'), open);
    expect(linked).toEqual({ kind: 'open', id: 9 });
    expect(linkedAlertNotice(linked)).toBeNull();
  });

  it('says an alert that is no longer open was solved or dismissed', () => {
    const linked = linkedAlert(linkQuery('http://127.0.0.1:8080/#/alerts?alert=12'), open);
    expect(linked).toEqual({ kind: 'not_open', id: 12 });
    expect(linkedAlertNotice(linked)).toBe(
      'Alert #12 from the link is no longer open: it cleared itself once its problem was solved, or someone dismissed it. It comes back if the problem does. The open alerts are below.',
    );
    // With no alert open at all, the same.
    expect(linkedAlert(linkQuery('http://h/#/alerts?alert=4'), [])).toEqual({ kind: 'not_open', id: 4 });
  });

  it('names a link whose alert id cannot be read', () => {
    const linked = linkedAlert(new URLSearchParams('alert=abc'), open);
    expect(linked).toEqual({ kind: 'unreadable', text: 'abc' });
    expect(linkedAlertNotice(linked)).toContain('"abc"');
    expect(linkedAlert(new URLSearchParams('alert=0'), open)?.kind).toBe('unreadable');
  });

  it('picks nothing out when the screen is opened without a link', () => {
    expect(linkedAlert(new URLSearchParams(''), open)).toBeNull();
    expect(linkedAlert(new URLSearchParams('alert='), open)).toBeNull();
    expect(linkedAlertNotice(null)).toBeNull();
  });
});
