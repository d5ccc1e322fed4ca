import { TLSSocket, type ConnectionOptions, type DetailedPeerCertificate } from 'node:tls';
import type { Client } from 'basic-ftp';
import type { ServerCertificateView } from '../../../shared/api-types.js';
import { DockhandError } from '../../../shared/errors.js';
import type { PinnedCertificate } from '../../../shared/schemas/wms.js';

/**
 * FTPS certificate pinning.
 *
 * A certificate the system's CAs trust for the host name is accepted as any TLS client would. Any other
 * (self-signed, a private CA, another host name, expired) is accepted only when its SHA-256 fingerprint
 * is the one the user accepted after a Test showed it (`pinnedCertificate`). The check runs right
 * after AUTH TLS, before USER/PASS, so a password never reaches a server whose certificate is refused.
 */

/** A refused certificate, carrying what the server showed so a Test can offer it for acceptance. */
export class UntrustedCertificateError extends DockhandError {
  private readonly text: string;
  constructor(
    message: string,
    readonly certificate: ServerCertificateView,
  ) {
    super('config', message);
    this.name = 'UntrustedCertificateError';
    this.text = message;
  }

  /** The error as raised: basic-ftp appends " (data socket)" to the message of a data socket's error. */
  asRaised(): UntrustedCertificateError {
    return this.message === this.text ? this : new UntrustedCertificateError(this.text, this.certificate);
  }
}

/** The certificate a refused connection offered, for a Test result; undefined for any other error. */
export function offeredCertificate(err: unknown): ServerCertificateView | undefined {
  return err instanceof UntrustedCertificateError ? err.certificate : undefined;
}

export interface CertificateCheckContext {
  host: string;
  port: number;
  pinned?: PinnedCertificate;
  /** Old settings that accepted any self-signed certificate: still refused, with a message that says why. */
  legacyAllowSelfSigned: boolean;
}

/** TLS options for AUTH TLS: Node checks chain and host name, and we decide afterwards (verifyControlCertificate). */
export function controlTlsOptions(host: string): ConnectionOptions {
  // host is repeated for the data connections' TLS (basic-ftp issue #166).
  return { host, rejectUnauthorized: false };
}

/**
 * Decide on the control connection's certificate, before login. Throws UntrustedCertificateError when
 * it is neither trusted by the system nor the pinned one. Then sets the TLS options the data connections use.
 */
export function verifyControlCertificate(client: Client, ctx: CertificateCheckContext): void {
  const socket = client.ftp.socket;
  if (!(socket instanceof TLSSocket)) throw new DockhandError('internal', 'FTPS: the control connection is not encrypted after AUTH TLS');
  if (socket.authorized) {
    // Trusted by the system: data connections are held to the same rule (a resumed session keeps it).
    client.ftp.tlsOptions = { host: ctx.host, rejectUnauthorized: true };
    return;
  }
  const peer = socket.getPeerCertificate(true);
  const where = `${ctx.host}:${ctx.port}`;
  if (!peer || !peer.fingerprint256) {
    throw new DockhandError('config', `The FTPS server ${where} showed no certificate; Dockhand cannot check who it is talking to`);
  }
  const shown = describeCertificate(peer, problemInWords(String(socket.authorizationError ?? ''), peer));
  const pinned = ctx.pinned?.sha256;
  if (pinned === shown.sha256) {
    guardDataConnections(client, ctx, shown.sha256);
    return;
  }
  throw new UntrustedCertificateError(refusalMessage(where, shown, ctx), pinned ? { ...shown, pinnedSha256: pinned } : shown);
}

function refusalMessage(where: string, shown: ServerCertificateView, ctx: CertificateCheckContext): string {
  const identity = `fingerprint ${shown.sha256}, ${shown.subject || 'no subject'}, valid until ${shown.validTo.slice(0, 10)}`;
  if (ctx.pinned) {
    return (
      `The FTPS certificate of ${where} has changed: Dockhand accepted the one with fingerprint ${ctx.pinned.sha256}, ` +
      `but the server now shows ${identity}. Nothing was sent. If the server's certificate was replaced on purpose, ` +
      `run Test in the setup and accept the new one; if not, someone may be intercepting the connection: ask the server's administrator`
    );
  }
  if (ctx.legacyAllowSelfSigned) {
    return (
      `The FTPS certificate of ${where} is ${shown.problem}, and Dockhand no longer accepts such a certificate without knowing which one it is ` +
      `(${identity}). Run Test in the setup and accept this certificate once the server's administrator confirms the fingerprint`
    );
  }
  return (
    `The FTPS certificate of ${where} is not trusted by this computer: it is ${shown.problem} (${identity}). ` +
    `Run Test in the setup and accept this certificate once the server's administrator confirms the fingerprint`
  );
}

/**
 * Data connections resume the control connection's TLS session (basic-ftp passes it), which ties them
 * to the server already checked. Node cannot check a pinned certificate itself (a resumed session keeps
 * the control connection's "self-signed" verdict), so each data socket is checked once it is secure:
 * resumed, or showing the pinned certificate; any other is destroyed before a byte is written to it.
 */
function guardDataConnections(client: Client, ctx: CertificateCheckContext, sha256: string): void {
  client.ftp.tlsOptions = { host: ctx.host, rejectUnauthorized: false };
  const ftp = client.ftp;
  const inherited = findAccessor(Object.getPrototypeOf(ftp) as object, 'dataSocket');
  if (!inherited?.set || !inherited.get) throw new DockhandError('internal', 'FTPS: this version of basic-ftp cannot have its data connections checked');
  const { get, set } = inherited;
  Object.defineProperty(ftp, 'dataSocket', {
    configurable: true,
    get() {
      return get.call(this) as unknown;
    },
    set(socket: unknown) {
      if (socket instanceof TLSSocket) {
        socket.once('secureConnect', () => {
          if (socket.isSessionReused()) return;
          const peer = socket.getPeerCertificate(true);
          if (peer?.fingerprint256 === sha256) return;
          const shown = describeCertificate(peer, problemInWords(String(socket.authorizationError ?? ''), peer));
          socket.destroy(new UntrustedCertificateError(refusalMessage(`${ctx.host}:${ctx.port}`, shown, ctx), { ...shown, pinnedSha256: sha256 }));
        });
      }
      set.call(this, socket);
    },
  });
}

function findAccessor(proto: object | null, key: string): PropertyDescriptor | undefined {
  for (let p = proto; p; p = Object.getPrototypeOf(p) as object | null) {
    const found = Object.getOwnPropertyDescriptor(p, key);
    if (found) return found;
  }
  return undefined;
}

export function describeCertificate(peer: DetailedPeerCertificate, problem: string): ServerCertificateView {
  const subject = distinguishedName(peer.subject);
  const issuer = distinguishedName(peer.issuer);
  return {
    sha256: peer.fingerprint256.toUpperCase(),
    subject,
    issuer,
    validFrom: isoDate(peer.valid_from),
    validTo: isoDate(peer.valid_to),
    selfSigned: peer.issuerCertificate === undefined || peer.issuerCertificate === peer || (peer.issuerCertificate.fingerprint256 === peer.fingerprint256),
    problem,
  };
}

function distinguishedName(name: Partial<Record<string, string | string[]>> | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : value}`)
    .join(', ');
}

function isoDate(text: string | undefined): string {
  const date = new Date(text ?? '');
  return Number.isNaN(date.getTime()) ? (text ?? '') : date.toISOString();
}

/** Why Node did not trust the certificate, as a sentence tail: "The certificate is <...>". */
function problemInWords(code: string, peer: DetailedPeerCertificate): string {
  switch (code) {
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return 'self-signed';
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return 'issued by an authority this computer does not know';
    case 'CERT_HAS_EXPIRED':
      return `expired (since ${isoDate(peer.valid_to).slice(0, 10)})`;
    case 'CERT_NOT_YET_VALID':
      return `not valid yet (from ${isoDate(peer.valid_from).slice(0, 10)})`;
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return 'issued for another host name';
    default:
      return code ? `not trusted (${code})` : 'not the accepted one';
  }
}
