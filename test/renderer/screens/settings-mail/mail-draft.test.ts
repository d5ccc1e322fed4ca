import { describe, expect, it } from 'vitest';
import { mailInputSchema } from '../../../../shared/schemas/mail.js';
import { foldContactErrors, mailInputFrom, type MailDraft } from '../../../../renderer/src/screens/settings-mail/mail-draft.js';
import { validate } from '../../../../renderer/src/components/form-errors.js';

const draft = (over: Partial<MailDraft> = {}): MailDraft => ({
  host: 'smtp.acme.test',
  port: '587',
  security: 'starttls',
  user: 'alerts',
  password: '',
  from: 'dockhand@acme.test',
  accountContacts: 'ops@acme.test\n\n it@acme.test ',
  appUrl: '',
  ...over,
});

describe('the mail form as typed becomes the API input, and its problems land on the fields shown', () => {
  it('turns the port into a number, splits the contacts by line, and leaves out an empty password (keep the saved one)', () => {
    expect(mailInputFrom(draft())).toEqual({
      settings: { host: 'smtp.acme.test', port: 587, security: 'starttls', user: 'alerts', from: 'dockhand@acme.test', accountContacts: ['ops@acme.test', 'it@acme.test'], appUrl: '' },
      secrets: {},
    });
    expect(mailInputFrom(draft({ password: 'pw' })).secrets).toEqual({ password: 'pw' });
  });

  it('a port typed as words is refused in plain words, not turned into NaN', () => {
    const checked = validate(mailInputSchema, mailInputFrom(draft({ port: 'five' })));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors['settings.port']).toMatch(/whole number from 1 to 65535/);
  });

  it('a bad account contact is shown on the one contacts field, naming the address', () => {
    const typed = draft({ accountContacts: 'ops@acme.test\nnot-an-address' });
    const checked = validate(mailInputSchema, mailInputFrom(typed));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(foldContactErrors(checked.errors, typed)['settings.accountContacts']).toMatch(/e-mail address.*: "not-an-address"$/);
  });
});
