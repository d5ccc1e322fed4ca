import net from 'node:net';
import tls, { type DetailedPeerCertificate, type PeerCertificate } from 'node:tls';
import type { ServerCertificateView } from '../../../shared/api-types.js';
import { DockhandError } from '../../../shared/errors.js';
import type { MailSettings } from '../../../shared/schemas/mail.js';
import { describeCertificate, UntrustedCertificateError } from '../transports/ftp-certificate.js';

/**
 * SMTP certificate pinning, the FTPS way (transports/ftp-certificate.ts): a certificate the system's
 * authorities trust is accepted as any mail client would; any other (self-signed, a private authority,
 * another host name, expired) only when its SHA-256 fingerprint is the one the person accepted after a
 * Test showed it (`settings.pinnedCertificate`).
 *
 * nodemailer sends EHLO and AUTH right after the TLS handshake, with no hook in between, so the check
 * lives in the handshake itself: the server's certificate is first looked at over a connection that
 * sends nothing but EHLO and STARTTLS (probeSmtpCertificate), and the send then trusts exactly that
 * certificate (it is the only authority given) and checks its fingerprint again (checkServerIdentity),
 * so a server that changes its certificate between the two connections is refused before the password.
 */

export interface ProbedCertificate {
  view: ServerCertificateView;
  /** The certificate as PEM, to trust exactly it on the sending connection. */
  pem: string;
  /** The system's authorities trust it for the host name. */
  trusted: boolean;
}

/** TLS options for a pinned certificate: only it is trusted, and only with its fingerprint. */
export function pinnedTlsOptions(probed: ProbedCertificate, pinnedSha256: string): tls.ConnectionOptions {
  return {
    rejectUnauthorized: true,
    ca: probed.pem,
    // Called once the chain checks out against `ca`: the person accepted this certificate, not a host name.
    checkServerIdentity: (_host: string, cert: PeerCertificate) =>
      cert.fingerprint256?.toUpperCase() === pinnedSha256 ? undefined : Object.assign(new Error('The SMTP server showed another certificate than the accepted one'), { code: 'CERT_CHANGED' }),
  };
}

/** The refusal of a certificate that is not the accepted one (or not trusted, with none accepted). */
export function refusedCertificate(settings: MailSettings, probed: ProbedCertificate): UntrustedCertificateError {
  return certificateRefusal({ server: 'SMTP server', where: `${settings.host}:${settings.port}`, pinnedSha256: settings.pinnedCertificate?.sha256, retest: 'send a test message on the Mail settings screen' }, probed);
}

/** Which server refused a certificate, and where a person goes to look at it and accept it. */
export interface RefusalPlace {
  /** "SMTP server", "IMAP server". */
  server: string;
  /** "host:port". */
  where: string;
  /** The accepted fingerprint, if any. */
  pinnedSha256?: string;
  /** What to do to see and accept a certificate, in the middle of a sentence: "run Test in the WMS setup". */
  retest: string;
}

/**
 * The refusal in words, with the fingerprint the server showed (and the accepted one it differs from),
 * for any mail connection: the alert mail's SMTP, the e-mail transport's SMTP and IMAP.
 */
export function certificateRefusal(place: RefusalPlace, probed: ProbedCertificate): UntrustedCertificateError {
  const shown = probed.view;
  const identity = `fingerprint ${shown.sha256}, ${shown.subject || 'no subject'}, valid until ${shown.validTo.slice(0, 10)}`;
  const pinned = place.pinnedSha256;
  if (pinned) {
    return new UntrustedCertificateError(
      `The certificate of the ${place.server} ${place.where} has changed: Dockhand accepted the one with fingerprint ${pinned}, but the server now shows ${identity}. ` +
        `Nothing was sent, and the password did not go out. If the certificate was replaced on purpose, ${place.retest} and accept the new one; if not, ask the server's administrator`,
      { ...shown, pinnedSha256: pinned },
    );
  }
  const retest = place.retest.charAt(0).toUpperCase() + place.retest.slice(1);
  return new UntrustedCertificateError(
    `The certificate of the ${place.server} ${place.where} is not trusted by this computer: it is ${shown.problem} (${identity}). Nothing was sent. ` +
      `${retest} and accept this certificate once the server's administrator confirms its fingerprint`,
    shown,
  );
}

/**
 * Connects as a mail client would up to the end of the TLS handshake (straight away for TLS, after EHLO
 * and STARTTLS for STARTTLS), takes the certificate the server shows, and hangs up: no login, no mail.
 */
export async function probeSmtpCertificate(settings: MailSettings, timeoutMs: number, servername: string | undefined): Promise<ProbedCertificate> {
  const socket = settings.security === 'tls' ? undefined : await startTls(settings, timeoutMs);
  return probeTlsCertificate({ server: 'SMTP server', host: settings.host, port: settings.port, socket, servername, timeoutMs });
}

export interface TlsProbe {
  /** "SMTP server", "IMAP server", for the messages. */
  server: string;
  host: string;
  port: number;
  /** A plain connection the server agreed to upgrade (STARTTLS); none for TLS from the first byte. */
  socket?: net.Socket;
  servername: string | undefined;
  timeoutMs: number;
}

/** The TLS handshake alone, over `socket` or a new connection: the certificate shown, then hang up. */
export function probeTlsCertificate(probe: TlsProbe): Promise<ProbedCertificate> {
  const where = `${probe.host}:${probe.port}`;
  return new Promise<ProbedCertificate>((resolve, reject) => {
    const secure = tls.connect({ host: probe.host, port: probe.port, socket: probe.socket, servername: probe.servername, rejectUnauthorized: false });
    secure.setTimeout(probe.timeoutMs, () => secure.destroy(new DockhandError('transient', `The ${probe.server} ${where} did not finish the secure connection in time`)));
    secure.once('error', (err) => reject(err instanceof DockhandError ? err : new DockhandError('transient', `Cannot reach the ${probe.server} ${where}: ${err.message}`, { cause: err })));
    secure.once('secureConnect', () => {
      const peer = secure.getPeerCertificate(true);
      const code = String(secure.authorizationError ?? '');
      const trusted = secure.authorized;
      secure.end();
      if (!peer?.raw || !peer.fingerprint256) return reject(new DockhandError('config', `The ${probe.server} ${where} showed no certificate; Dockhand cannot check who it is talking to`));
      resolve({ view: describeCertificate(peer as DetailedPeerCertificate, trusted ? 'trusted by this computer' : problemOf(code, peer)), pem: pemOf(peer.raw), trusted });
    });
  });
}

/** A plain connection taken as far as the server's go-ahead for STARTTLS. */
function startTls(settings: MailSettings, timeoutMs: number): Promise<net.Socket> {
  const where = `${settings.host}:${settings.port}`;
  return new Promise<net.Socket>((resolve, reject) => {
    const socket = net.connect({ host: settings.host, port: settings.port });
    let buffer = '';
    let step: 'greeting' | 'ehlo' | 'starttls' = 'greeting';
    const fail = (message: string) => {
      socket.destroy();
      reject(new DockhandError('transient', message));
    };
    socket.setTimeout(timeoutMs, () => fail(`Cannot reach the SMTP server ${where}: it did not answer in time`));
    socket.once('error', (err) => fail(`Cannot reach the SMTP server ${where}: ${err.message}`));
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      // A reply is complete at its last line: "250 ..." (code and a space), after any "250-..." lines.
      const last = buffer.split('\r\n').filter(Boolean).at(-1) ?? '';
      if (!buffer.endsWith('\r\n') || !/^\d{3} /.test(last)) return;
      const code = Number(last.slice(0, 3));
      buffer = '';
      if (step === 'greeting' && code === 220) {
        step = 'ehlo';
        socket.write('EHLO dockhand\r\n');
      } else if (step === 'ehlo' && code === 250) {
        step = 'starttls';
        socket.write('STARTTLS\r\n');
      } else if (step === 'starttls' && code === 220) {
        socket.removeAllListeners('data');
        socket.removeAllListeners('error');
        socket.setTimeout(0);
        resolve(socket);
      } else {
        fail(`The SMTP server ${where} does not offer STARTTLS (it said: ${last.slice(0, 200)})`);
      }
    });
  });
}

function pemOf(raw: Buffer): string {
  return `-----BEGIN CERTIFICATE-----\n${(raw.toString('base64').match(/.{1,64}/g) ?? []).join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** Why this computer does not trust it, as the tail of "it is ...". */
function problemOf(code: string, peer: PeerCertificate): string {
  if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'SELF_SIGNED_CERT_IN_CHAIN') return 'self-signed';
  if (code === 'CERT_HAS_EXPIRED') return `expired (since ${new Date(peer.valid_to).toISOString().slice(0, 10)})`;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return 'issued for another host name';
  if (code.startsWith('UNABLE_TO_')) return 'issued by an authority this computer does not know';
  return code ? `not trusted (${code})` : 'not the accepted one';
}
