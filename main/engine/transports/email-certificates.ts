import net from 'node:net';
import type { ServerCertificateView } from '../../../shared/api-types.js';
import { DockhandError } from '../../../shared/errors.js';
import type { EmailTransportSettings } from '../../../shared/transports/email.js';
import type { PinnedCertificate } from '../../../shared/transports/ftp.js';
import { certificateRefusal, probeSmtpCertificate, probeTlsCertificate, type ProbedCertificate } from '../mail/smtp-certificate.js';
import type { MailSettings } from '../../../shared/schemas/mail.js';
import { UntrustedCertificateError } from './ftp-certificate.js';

/**
 * Certificate pinning for the e-mail transport's two servers, by the alert mail's rule
 * (mail/smtp-certificate.ts): a certificate the system trusts is accepted as any mail program would;
 * any other only by the fingerprint the person accepted after a Test showed it (smtpPinnedCertificate,
 * imapPinnedCertificate). nodemailer and imapflow both log in right after the handshake with no hook
 * in between, so a pinned certificate is looked at first over a connection that logs in to nothing,
 * and the real connection then trusts exactly that certificate and checks its fingerprint again.
 */

export type MailConnection = 'smtp' | 'imap';

/** Where a person looks at and accepts an e-mail transport's certificate. */
const RETEST = 'run Test in the WMS setup';

/** The accepted certificate of one side, when its security uses TLS at all. */
export function pinnedOf(settings: EmailTransportSettings, side: MailConnection): PinnedCertificate | undefined {
  if (side === 'smtp') return settings.smtpSecurity === 'none' ? undefined : settings.smtpPinnedCertificate;
  return settings.imapSecurity === 'none' ? undefined : settings.imapPinnedCertificate;
}

/** The refusal, naming the server, the fingerprint shown (and the accepted one), marked with its side for the form. */
export function emailCertificateRefusal(settings: EmailTransportSettings, side: MailConnection, probed: ProbedCertificate): UntrustedCertificateError {
  const place =
    side === 'smtp'
      ? { server: 'SMTP server', where: `${settings.smtpHost}:${settings.smtpPort}` }
      : { server: 'IMAP server', where: `${settings.imapHost}:${settings.imapPort}` };
  const pinned = pinnedOf(settings, side)?.sha256;
  if (pinned !== undefined && pinned === probed.view.sha256) {
    // The accepted certificate itself failed (expired, most likely): Node checks its dates even when it
    // is the one trusted authority, so it cannot be taken, and "it has changed" would be untrue.
    const shown = probed.view;
    return new UntrustedCertificateError(
      `The ${place.server} ${place.where} still shows the accepted certificate (fingerprint ${shown.sha256}), but it is ${shown.problem}, so Dockhand did not connect. ` +
        `Nothing was sent, and the password did not go out. Ask the server's administrator to renew it, then ${RETEST} and accept the new one`,
      { ...shown, pinnedSha256: pinned, connection: side },
    );
  }
  const refused = certificateRefusal({ ...place, pinnedSha256: pinned, retest: RETEST }, probed);
  const certificate: ServerCertificateView = { ...refused.certificate, connection: side };
  return new UntrustedCertificateError(refused.message, certificate);
}

export function serverNameOf(host: string): string | undefined {
  return /^[\d.]+$/.test(host) || host.includes(':') ? undefined : host;
}

/** The SMTP side's certificate, as the alert mail looks at it (STARTTLS or TLS from the first byte). */
export function probeEmailSmtpCertificate(smtp: MailSettings, timeoutMs: number): Promise<ProbedCertificate> {
  return probeSmtpCertificate(smtp, timeoutMs, serverNameOf(smtp.host));
}

/** The IMAP side's certificate: TLS from the first byte, or after the greeting and STARTTLS. No login. */
export async function probeImapCertificate(settings: EmailTransportSettings, timeoutMs: number): Promise<ProbedCertificate> {
  const socket = settings.imapSecurity === 'starttls' ? await imapStartTls(settings.imapHost, settings.imapPort, timeoutMs) : undefined;
  return probeTlsCertificate({ server: 'IMAP server', host: settings.imapHost, port: settings.imapPort, socket, servername: serverNameOf(settings.imapHost), timeoutMs });
}

/** A plain IMAP connection taken as far as the server's go-ahead for STARTTLS ("D1 OK"). */
function imapStartTls(host: string, port: number, timeoutMs: number): Promise<net.Socket> {
  const where = `${host}:${port}`;
  return new Promise<net.Socket>((resolve, reject) => {
    const socket = net.connect({ host, port });
    let buffer = '';
    let greeted = false;
    const fail = (message: string) => {
      socket.destroy();
      reject(new DockhandError('transient', message));
    };
    socket.setTimeout(timeoutMs, () => fail(`Cannot reach the IMAP server ${where}: it did not answer in time`));
    socket.once('error', (err) => fail(`Cannot reach the IMAP server ${where}: ${err.message}`));
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!greeted) {
          if (!/^\* (OK|PREAUTH)\b/i.test(line)) return fail(`The IMAP server ${where} did not greet as an IMAP server (it said: ${line.slice(0, 200)})`);
          greeted = true;
          socket.write('D1 STARTTLS\r\n');
        } else if (/^D1 OK\b/i.test(line)) {
          socket.removeAllListeners('data');
          socket.removeAllListeners('error');
          socket.setTimeout(0);
          return resolve(socket);
        } else if (/^D1 /i.test(line)) {
          return fail(`The IMAP server ${where} does not offer STARTTLS (it said: ${line.slice(0, 200)})`);
        }
      }
    });
  });
}
