import { describe, expect, it } from 'vitest';
import { notificationChoice, notifying } from '../../../renderer/src/notifications/notification-choice.js';

describe('the browser\'s alert notification toggle', () => {
  it('is not shown inside Electron (the shell notifies) nor where the browser cannot notify', () => {
    expect(notificationChoice('electron', 'on')).toEqual({ kind: 'hidden' });
    expect(notificationChoice('unsupported', null)).toEqual({ kind: 'hidden' });
  });

  it('asks for permission first, and notifies only once permitted and not switched off', () => {
    expect(notificationChoice('default', null).kind).toBe('ask');
    expect(notifying(notificationChoice('default', 'on'))).toBe(false);
    expect(notifying(notificationChoice('granted', null))).toBe(true);
    expect(notifying(notificationChoice('granted', 'off'))).toBe(false);
    expect(notificationChoice('granted', 'off')).toMatchObject({ kind: 'toggle', on: false, label: 'Alert notifications off' });
  });

  it('says where to allow them when the browser blocks them', () => {
    const blocked = notificationChoice('denied', 'on');
    expect(blocked.kind).toBe('blocked');
    expect(notifying(blocked)).toBe(false);
  });
});
