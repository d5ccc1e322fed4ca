import { DockhandError, isDockhandError } from '../../../shared/errors.js';

/** The IMAP server in a message: "imap.example.com:993 (user wms@example.com)". Never a password. */
export interface ImapPlace {
  host: string;
  port: number;
  user: string;
}

interface ImapFlowError {
  code?: string;
  authenticationFailed?: boolean;
  responseText?: string;
  serverResponseCode?: string;
  message?: string;
  cause?: unknown;
}

const where = (p: ImapPlace) => `${p.host}:${p.port}`;

function codesOf(err: unknown): string[] {
  const codes: string[] = [];
  for (let e = err as ImapFlowError | undefined, depth = 0; e && depth < 5; e = e.cause as ImapFlowError | undefined, depth++) {
    if (typeof e.code === 'string') codes.push(e.code);
  }
  return codes;
}

/** A failure to connect or log in, in words a warehouse manager can act on. */
export function imapConnectProblem(err: unknown, place: ImapPlace): DockhandError {
  if (isDockhandError(err)) return err;
  const e = (err ?? {}) as ImapFlowError;
  const codes = codesOf(err);
  const text = `${e.message ?? ''} ${e.responseText ?? ''}`;
  const fail = (kind: 'auth' | 'config' | 'transient', message: string) => new DockhandError(kind, message, { cause: err });
  if (e.authenticationFailed || e.serverResponseCode === 'AUTHENTICATIONFAILED') {
    return fail('auth', `The IMAP server ${where(place)} refused the login of "${place.user}": the user or password is wrong.`);
  }
  if (codes.some((c) => /SELF_SIGNED/.test(c)) || /self[- ]signed certificate/i.test(text)) {
    return fail('config', `The IMAP server ${where(place)} presented a self-signed certificate, so Dockhand did not log in: it trusts only certificates from a known authority.`);
  }
  if (codes.some((c) => /CERT|UNABLE_TO_VERIFY/.test(c)) || /certificate/i.test(text)) {
    return fail('config', `The secure connection to the IMAP server ${where(place)} failed: its certificate is not one Dockhand trusts for ${place.host}. Nothing was sent.`);
  }
  if (/STARTTLS/i.test(text) || codes.includes('MissingServerExtension')) {
    return fail('config', `The IMAP server ${where(place)} does not offer STARTTLS. Choose TLS (usually port 993) under IMAP security.`);
  }
  if (codes.includes('ERR_SSL_WRONG_VERSION_NUMBER') || codes.includes('EPROTO') || /wrong version number|packet length too long/i.test(text) || codes.includes('ClosedAfterConnectTLS')) {
    return fail('config', `The IMAP server ${where(place)} does not speak TLS from the start. Choose STARTTLS or None under IMAP security (or the server's TLS port, usually 993).`);
  }
  if (codes.includes('ENOTFOUND') || codes.includes('EAI_AGAIN')) return fail('transient', `Cannot reach the IMAP server: the name ${place.host} was not found. Check the host.`);
  if (codes.includes('ECONNREFUSED')) return fail('transient', `Cannot reach the IMAP server ${where(place)}: nothing answers on that port (connection refused). Check the host and port.`);
  if (codes.some((c) => /TIMEOUT|ETIMEDOUT/.test(c))) return fail('transient', `Cannot reach the IMAP server ${where(place)}: it did not answer in time. Check the host, port and any firewall.`);
  return fail('transient', `Connecting to the IMAP server ${where(place)} failed: ${cleanText(e) || 'no reason given'}.`);
}

/** A failure of one command on an open connection, naming the folder (and file) it was about. */
export function imapCommandProblem(err: unknown, place: ImapPlace, action: string): DockhandError {
  if (isDockhandError(err)) return err;
  const e = (err ?? {}) as ImapFlowError;
  const said = cleanText(e);
  if (e.code === 'NoConnection' || e.code === 'EConnectionClosed' || codesOf(err).some((c) => /ECONNRESET|EPIPE|TIMEOUT/.test(c))) {
    return new DockhandError('transient', `The connection to the IMAP server ${where(place)} was lost while ${action}.`, { cause: err });
  }
  return new DockhandError('config', `The IMAP server ${where(place)} refused ${action} for user ${place.user}${said ? ` (it said: ${said})` : ''}.`, { cause: err });
}

function cleanText(e: ImapFlowError): string {
  return (e.responseText ?? e.message ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
}
