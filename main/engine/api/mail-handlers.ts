import type { z } from 'zod';
import type { TestResultView } from '../../../shared/api-types.js';
import { isDockhandError } from '../../../shared/errors.js';
import type { MailSettings, mailInputSchema } from '../../../shared/schemas/mail.js';
import { mailStatus } from '../mail/mail-status.js';
import { resolveMailPassword, savedMailPassword } from '../mail/mail-secret.js';
import { sendMail } from '../mail/smtp-transport.js';
import { sealBound } from '../saved-secret.js';
import { offeredCertificate } from '../transports/ftp-certificate.js';
import { getMailSetting, removeMailSetting, retryPendingDigestsNow, saveMailSetting } from '../store/repositories/alert-mail-repo.js';
import type { Handlers, MethodsOf } from './handler-types.js';

type MailInput = z.output<typeof mailInputSchema>;

function testMessage(settings: MailSettings, to: string) {
  return {
    to: [to],
    subject: 'Dockhand test message',
    text: [
      'This is a test message from Dockhand.',
      '',
      `It went out through the SMTP server ${settings.host}:${settings.port} as ${settings.from}.`,
      'E-mail alerts reach merchants\' error contacts the same way.',
    ].join('\n'),
  };
}

export const mailHandlers: Handlers<MethodsOf<'mail'>> = {
  async 'mail.get'(_input, ctx) {
    const saved = await ctx.store.read((db) => getMailSetting(db));
    return { configured: saved !== undefined, settings: saved?.settings ?? null, hasPassword: saved?.secretsSealed != null };
  },
  async 'mail.save'(input: MailInput, ctx) {
    const saved = await ctx.store.read((db) => getMailSetting(db));
    const { password, address } = resolveMailPassword(ctx.secrets, input.settings, input.secrets, saved);
    const sealed = sealBound(ctx.secrets, { password }, address);
    await ctx.store.write((db) => {
      saveMailSetting(db, { settings: input.settings, secretsSealed: sealed }, ctx.nowIso());
      retryPendingDigestsNow(db, ctx.nowIso());
    });
    return { configured: true, settings: input.settings, hasPassword: sealed !== null };
  },
  async 'mail.test'(input, ctx): Promise<TestResultView> {
    const saved = await ctx.store.read((db) => getMailSetting(db));
    let settings: MailSettings;
    let password: string | undefined;
    try {
      if (input.mail) {
        settings = input.mail.settings;
        password = resolveMailPassword(ctx.secrets, settings, input.mail.secrets, saved).password;
      } else {
        if (!saved) return { ok: false, message: 'No mail server is set up yet' };
        settings = saved.settings;
        password = savedMailPassword(ctx.secrets, saved);
      }
    } catch (err) {
      // A missing password of unsaved settings is a field problem: the form shows it where it belongs.
      if (isDockhandError(err) && err.kind !== 'validation') return { ok: false, message: err.message, details: { kind: err.kind } };
      throw err;
    }
    try {
      const answer = await sendMail({ settings, password }, testMessage(settings, input.to));
      if (answer.rejected.length > 0) return { ok: false, message: `The SMTP server did not take the message for ${answer.rejected.join(', ')} (it said: ${answer.response})`, details: { response: answer.response } };
      return { ok: true, message: `The SMTP server accepted the test message for ${input.to}: ${answer.response}`, details: { response: answer.response } };
    } catch (err) {
      // A certificate not trusted (or not the accepted one) is shown for the person to check and accept.
      const certificate = offeredCertificate(err);
      if (isDockhandError(err)) return { ok: false, message: err.message, details: { kind: err.kind }, ...(certificate ? { certificate } : {}) };
      throw err;
    }
  },
  async 'mail.status'(_input, ctx) {
    return ctx.store.read((db) => mailStatus(db, ctx.clock.now()));
  },
  async 'mail.remove'(_input, ctx) {
    await ctx.store.write((db) => removeMailSetting(db, ctx.nowIso()));
    return { configured: false, settings: null, hasPassword: false };
  },
};
