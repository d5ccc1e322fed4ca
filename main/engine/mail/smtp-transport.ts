import nodemailer from 'nodemailer';
import { DockhandError } from '../../../shared/errors.js';
import type { MailSettings } from '../../../shared/schemas/mail.js';
import { pinnedTlsOptions, probeSmtpCertificate, refusedCertificate } from './smtp-certificate.js';

/**
 * Sends one message through the account's SMTP setting (nodemailer), and turns what went wrong into
 * words a warehouse manager can act on: a wrong password, a refused sender, a server that cannot be
 * reached, a certificate Dockhand does not trust. Certificates are checked against the system's
 * authorities; any other is accepted only by the fingerprint the person accepted (smtp-certificate.ts),
 * and a refused one is offered, with its fingerprint, subject and expiry, for a Test to show.
 */

export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
}

export interface SmtpAnswer {
  /** The server's last reply, such as "250 2.0.0 Ok: queued as 4F2A1". */
  response: string;
  accepted: string[];
  rejected: string[];
}

export interface SmtpConnection {
  settings: MailSettings;
  password?: string;
  /**
   * Extra certificate authorities to trust (PEM). Not a setting a person can reach: the tests trust
   * their own server's certificate with it, as a company's own authority installed on the system would be.
   */
  extraCa?: string;
  /** How long to wait for the server to connect, greet and answer. Default 20 s. */
  timeoutMs?: number;
}

/** Sends the message; rejects with a DockhandError whose message says what is wrong, in plain words. */
export type SendMail = (connection: SmtpConnection, mail: OutgoingMail) => Promise<SmtpAnswer>;

/**
 * How nodemailer connects for these settings: the security choice kept to the letter (no opportunistic
 * upgrade on plain SMTP, STARTTLS required when chosen), certificates checked. Shared with the e-mail
 * file transport (transports/email-transport.ts).
 */
export function smtpConnectionOptions(connection: SmtpConnection, pinnedTls: object = {}) {
  const { settings } = connection;
  const timeout = connection.timeoutMs ?? 20_000;
  const servername = serverNameOf(settings.host);
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    // Plain SMTP was chosen: no opportunistic upgrade whose certificate could then fail the send.
    ignoreTLS: settings.security === 'none',
    auth: settings.user ? { user: settings.user, pass: connection.password ?? '' } : undefined,
    tls: { rejectUnauthorized: true, servername, ...(connection.extraCa ? { ca: connection.extraCa } : {}), ...pinnedTls },
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 2,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

export const sendMail: SendMail = async (connection, mail) => {
  const { settings } = connection;
  const timeout = connection.timeoutMs ?? 20_000;
  const servername = serverNameOf(settings.host);
  const pinned = settings.security === 'none' ? undefined : settings.pinnedCertificate;
  let pinnedTls = {};
  if (pinned) {
    // Looked at first, before any login: a changed certificate is refused with nothing sent.
    const probed = await probeSmtpCertificate(settings, timeout, servername);
    if (probed.view.sha256 !== pinned.sha256) throw refusedCertificate(settings, probed);
    pinnedTls = pinnedTlsOptions(probed, pinned.sha256);
  }
  const transport = nodemailer.createTransport(smtpConnectionOptions(connection, pinnedTls));
  try {
    const info = await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text });
    return {
      response: String(info.response ?? ''),
      accepted: (info.accepted ?? []).map(String),
      rejected: (info.rejected ?? []).map(String),
    };
  } catch (err) {
    const problem = smtpProblem(err, settings);
    if (settings.security !== 'none' && isCertificateProblem(err)) {
      // Show what the server presents, so the person can check it and accept it (or see it changed).
      const probed = await probeSmtpCertificate(settings, timeout, servername).catch(() => undefined);
      if (probed && (pinned || !probed.trusted)) throw refusedCertificate(settings, probed);
    }
    throw problem;
  } finally {
    transport.close();
  }
};

/** Whether a connection failed on the server's certificate (nodemailer's and imapflow's errors alike). */
export function isCertificateProblem(err: unknown): boolean {
  const codes = codesOf(err);
  return codes.some((c) => SELF_SIGNED.has(c) || UNTRUSTED.has(c) || c === 'CERT_HAS_EXPIRED' || c === 'ERR_TLS_CERT_ALTNAME_INVALID' || c === 'CERT_CHANGED') || /certificate/i.test(String((err as NodemailerError | undefined)?.message ?? ''));
}

function isIpAddress(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}

/** The name the certificate must carry (SNI): none for an address. */
function serverNameOf(host: string): string | undefined {
  return isIpAddress(host) ? undefined : host;
}

interface NodemailerError {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
  cause?: unknown;
}

const SELF_SIGNED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);
const UNTRUSTED = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'CERT_UNTRUSTED']);

/** The codes of an error and the errors it wraps (nodemailer keeps the socket's error as the cause or in the message). */
function codesOf(err: unknown): string[] {
  const codes: string[] = [];
  for (let e = err as NodemailerError | undefined, depth = 0; e && depth < 5; e = e.cause as NodemailerError | undefined, depth++) {
    if (typeof e.code === 'string') codes.push(e.code);
  }
  return codes;
}

/** What the server said, without the trailing line break. */
function said(e: NodemailerError): string {
  return (e.response ?? e.message ?? '').trim().replace(/\s+/g, ' ').slice(0, 300);
}

/** One SMTP failure in words, with the kind the digest job acts on (auth and config wait for a person; transient retries). */
export function smtpProblem(err: unknown, settings: MailSettings): DockhandError {
  const e = (err ?? {}) as NodemailerError;
  const where = `${settings.host}:${settings.port}`;
  const codes = codesOf(err);
  const text = `${e.message ?? ''}`;
  const fail = (kind: 'auth' | 'config' | 'transient', message: string) => new DockhandError(kind, message, { cause: err });

  if (codes.some((c) => SELF_SIGNED.has(c)) || /self[- ]signed certificate/i.test(text)) {
    return fail(
      'config',
      `The SMTP server ${where} presented a self-signed certificate, so Dockhand did not send anything. Send a test message on the Mail settings screen to see the certificate and accept it once the server's administrator confirms its fingerprint.`,
    );
  }
  if (codes.some((c) => UNTRUSTED.has(c) || c === 'CERT_HAS_EXPIRED' || c === 'ERR_TLS_CERT_ALTNAME_INVALID') || /certificate/i.test(text)) {
    const why = codes.includes('CERT_HAS_EXPIRED')
      ? 'its certificate has expired'
      : codes.includes('ERR_TLS_CERT_ALTNAME_INVALID')
        ? `its certificate is not for the name ${settings.host}`
        : 'its certificate is not from an authority Dockhand trusts';
    return fail('config', `The secure connection to the SMTP server ${where} failed: ${why}. Nothing was sent.`);
  }
  if (e.code === 'ETLS' || /STARTTLS/i.test(text)) {
    return fail('config', `The SMTP server ${where} does not offer STARTTLS. Choose TLS (usually port 465) or the server's STARTTLS port (usually 587) under Security.`);
  }
  if (/wrong version number|EPROTO|packet length too long|ssl3_get_record/i.test(text) || codes.includes('EPROTO') || codes.includes('ERR_SSL_WRONG_VERSION_NUMBER')) {
    return fail('config', `The SMTP server ${where} does not speak TLS from the start. Choose STARTTLS under Security (or the server's TLS port, usually 465).`);
  }
  if (e.code === 'EAUTH') {
    if (e.responseCode === undefined && /credentials|auth/i.test(text) && !settings.user) {
      return fail('auth', `The SMTP server ${where} asks for a login: enter the user and password.`);
    }
    return fail('auth', `The SMTP server ${where} refused the login of "${settings.user}": the user or password is wrong (it said: ${said(e)}).`);
  }
  if (e.code === 'ENOAUTH' || e.responseCode === 530) return fail('auth', `The SMTP server ${where} asks for a login: enter the user and password.`);
  if (e.responseCode !== undefined && e.responseCode >= 400 && e.responseCode < 500) {
    return fail('transient', `The SMTP server ${where} asked to try again later (it said: ${said(e)}).`);
  }
  if (e.code === 'EENVELOPE' || e.command === 'MAIL FROM' || e.command === 'RCPT TO') {
    if (e.command === 'MAIL FROM') return fail('config', `The SMTP server ${where} refused the sender ${settings.from} (it said: ${said(e)}). Many servers take only the login's own address as sender.`);
    return fail('config', `The SMTP server ${where} refused the recipients (it said: ${said(e)}).`);
  }
  if (e.responseCode !== undefined && e.responseCode >= 500) {
    return fail('config', `The SMTP server ${where} refused the message (it said: ${said(e)}).`);
  }
  if (codes.includes('ENOTFOUND') || codes.includes('EAI_AGAIN') || /ENOTFOUND|EAI_AGAIN/.test(text)) {
    return fail('transient', `Cannot reach the SMTP server: the name ${settings.host} was not found. Check the host.`);
  }
  if (codes.includes('ECONNREFUSED') || /ECONNREFUSED/.test(text)) {
    return fail('transient', `Cannot reach the SMTP server ${where}: nothing answers on that port (connection refused). Check the host and port.`);
  }
  if (codes.includes('ETIMEDOUT') || e.code === 'ETIMEDOUT' || /timeout|timed out/i.test(text)) {
    return fail('transient', `Cannot reach the SMTP server ${where}: it did not answer in time. Check the host, port and any firewall.`);
  }
  if (e.code === 'ECONNECTION' || e.code === 'ESOCKET' || codes.includes('ECONNRESET') || codes.includes('EHOSTUNREACH') || codes.includes('ENETUNREACH')) {
    return fail('transient', `Cannot reach the SMTP server ${where}: ${said(e) || 'the connection failed'}.`);
  }
  return fail('transient', `Sending through the SMTP server ${where} failed: ${said(e) || 'no reason given'}.`);
}
