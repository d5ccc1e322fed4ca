import { describe, expect, it } from 'vitest';
import { deliveryText, mailStateText } from '../../../../renderer/src/screens/alerts/alert-mail-state.js';
import { formatClock } from '../../../../renderer/src/format/time.js';

describe('what the Alerts screen says of an alert\'s e-mail', () => {
  it('a failing digest names the recipients, how often it failed, why, and the next try', () => {
    const nextTryAt = '2026-12-06T14:05:00.000Z';
    expect(
      deliveryText({ id: 1, to: ['ops@acme.test'], about: 'Acme', attempts: 3, reason: 'The SMTP server smtp.acme.test:587 asked to try again later (it said: 451 busy).', nextTryAt, alerts: 2 }),
    ).toBe(`E-mail to ops@acme.test (alerts of Acme) failed 3 times: The SMTP server smtp.acme.test:587 asked to try again later (it said: 451 busy); next try ${formatClock(nextTryAt)}`);
  });

  it('each state in words: queued with when it goes, failing once, and not mailed with the reason as given', () => {
    const at = '2026-12-06T14:30:00.000Z';
    expect(mailStateText({ state: 'queued', to: ['a@x.test', 'b@x.test'], sendsAt: at })).toBe(`E-mail queued for a@x.test, b@x.test: goes out ${formatClock(at)}`);
    expect(mailStateText({ state: 'failing', to: ['a@x.test'], attempts: 1, reason: 'Cannot reach the SMTP server.', nextTryAt: at })).toBe(
      `E-mail to a@x.test failed 1 time: Cannot reach the SMTP server. Next try ${formatClock(at)}`,
    );
    expect(mailStateText({ state: 'not_mailed', reason: 'Not e-mailed: Beta has no error contacts' })).toBe('Not e-mailed: Beta has no error contacts');
  });
});
