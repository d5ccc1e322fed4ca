import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1 and a free port, for tests: it keeps every
 * message it accepts, checks one user and password, offers STARTTLS (or TLS from the start) with a
 * self-signed certificate, and can be told to answer "451 try again later" to the next messages.
 */

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The whole message as sent (headers and body). */
  raw: string;
  /** The logged-in user, or null. */
  user: string | null;
}

export interface TestSmtpServer {
  port: number;
  received: ReceivedMail[];
  /** The self-signed certificate the server presents (PEM), to trust it where a test must. */
  certificate: string;
  /** The user of every login tried (AUTH), accepted or not: a password sent shows here. */
  logins: string[];
  /** The next `n` messages are refused at the end of DATA with 451. */
  refuseNext(n: number, message?: string): void;
  close(): Promise<void>;
  /** RCPT TO for this address is answered with `reply` ("550 5.1.1 No such user") until cleared; none given clears every one. */
  refuseRecipient(address?: string, reply?: string): void;
}

export interface StartSmtpOptions {
  user?: string;
  password?: string;
  /** 'starttls' (offered on a plain connection), 'tls' (from the first byte) or 'none' (no TLS offered). */
  tls?: 'starttls' | 'tls' | 'none';
  /** A login is required (the default when a user is given). */
  authRequired?: boolean;
  /** Addresses refused as the sender (550). */
  refusedSenders?: string[];
  /** A self-signed certificate of its own instead of the one shared by the tests' servers (a server whose certificate changed). */
  ownCertificate?: boolean;
  /** A self-signed certificate of its own that expired yesterday. */
  expiredCertificate?: boolean;
}

let certificate: Promise<{ key: string; cert: string }> | undefined;
function selfSigned(): Promise<{ key: string; cert: string }> {
  certificate ??= newSelfSigned();
  return certificate;
}

function newSelfSigned(expired = false): Promise<{ key: string; cert: string }> {
  const day = 24 * 3600 * 1000;
  return generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    ...(expired ? { notBeforeDate: new Date(Date.now() - 3 * day), notAfterDate: new Date(Date.now() - day) } : {}),
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  }).then((pems) => ({ key: pems.private, cert: pems.cert }));
}

/** An SMTP reply with its code, as smtp-server sends it. */
function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function startSmtpServer(options: StartSmtpOptions = {}): Promise<TestSmtpServer> {
  const tls = options.tls ?? 'starttls';
  const { key, cert } = options.expiredCertificate ? await newSelfSigned(true) : options.ownCertificate ? await newSelfSigned() : await selfSigned();
  const received: ReceivedMail[] = [];
  const logins: string[] = [];
  let refuse = 0;
  let refuseMessage = 'Try again later';
  const refusedRecipients = new Map<string, { code: number; message: string }>();
  const authRequired = options.authRequired ?? options.user !== undefined;
  const serverOptions: SMTPServerOptions = {
    secure: tls === 'tls',
    key,
    cert,
    hideSTARTTLS: tls === 'none',
    disabledCommands: tls === 'none' ? ['STARTTLS'] : [],
    authOptional: !authRequired,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push(auth.username ?? '');
      if (auth.username === options.user && auth.password === options.password) return callback(null, { user: auth.username });
      return callback(smtpError(535, 'Authentication credentials invalid'));
    },
    onMailFrom(address, _session, callback) {
      if (options.refusedSenders?.includes(address.address)) return callback(smtpError(550, `Sender ${address.address} not allowed`));
      return callback();
    },
    onRcptTo(address, _session, callback) {
      const refusal = refusedRecipients.get(address.address.toLowerCase());
      if (refusal) return callback(smtpError(refusal.code, refusal.message));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuse > 0) {
          refuse--;
          return callback(smtpError(451, refuseMessage));
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          user: typeof session.user === 'string' ? session.user : null,
        });
        callback();
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    certificate: cert,
    logins,
    refuseNext(n, message) {
      refuse = n;
      if (message) refuseMessage = message;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    refuseRecipient(address, reply = '550 5.1.1 No such user here') {
      if (address === undefined) return refusedRecipients.clear();
      const [, code, message] = /^(\d{3}) (.*)$/.exec(reply) ?? [];
      refusedRecipients.set(address.toLowerCase(), { code: Number(code ?? 550), message: message ?? reply });
    },
  };
}

/** The text body of a received message, with quoted-printable soft breaks undone. */
export function bodyOf(mail: ReceivedMail): string {
  const at = mail.raw.indexOf('\r\n\r\n');
  const body = at >= 0 ? mail.raw.slice(at + 4) : mail.raw;
  return body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
