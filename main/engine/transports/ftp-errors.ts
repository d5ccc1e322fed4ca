import { FTPError } from 'basic-ftp';
import { DockhandError, isDockhandError } from '../../../shared/errors.js';
import { UntrustedCertificateError } from './ftp-certificate.js';

/**
 * Turns basic-ftp and socket errors into DockhandErrors whose kind the scheduler acts on and whose
 * message tells a person what is wrong and where (host:port, user, folder). The server's own reply
 * text is kept at the end because it often names the real cause ("Permission denied").
 */

export interface FtpErrorContext {
  host: string;
  port: number;
  user: string;
  /** What we were doing, for the message: "listing", "uploading", "renaming", ... */
  action: string;
  /** Absolute server path the action was about. */
  path?: string;
  /**
   * How to read a refusal about `path`: 'folder' = the caller established the folder is missing or
   * unusable (config); 'file-config' / 'file-data' = a final (5xx) refusal on a file is a setup
   * problem (no write permission) or a problem with that one file. Temporary (4xx) replies stay transient.
   */
  refusal?: 'folder' | 'file-config' | 'file-data';
}

const CERT_ERRORS = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Socket-level failures: the connection is gone and a later attempt may well succeed. */
export function isConnectionError(err: unknown): boolean {
  if (err instanceof FTPError || isDockhandError(err)) return false;
  return err instanceof Error;
}

export function mapFtpError(err: unknown, ctx: FtpErrorContext): DockhandError {
  if (err instanceof UntrustedCertificateError) return err.asRaised();
  if (isDockhandError(err)) return err;
  const where = `${ctx.host}:${ctx.port}`;
  const about = ctx.path ? ` "${ctx.path}"` : '';

  if (err instanceof FTPError) {
    const reply = err.message.trim();
    if (err.code === 530) {
      return new DockhandError('auth', `FTP login refused for user ${ctx.user} at ${where} (server said: ${reply})`, {
        cause: err,
      });
    }
    if (ctx.refusal === 'folder') {
      return new DockhandError(
        'config',
        `Folder "${ctx.path}" on FTP server ${where} does not exist or cannot be used by user ${ctx.user} (server said: ${reply})`,
        { cause: err },
      );
    }
    if (err.code >= 400 && err.code < 500) {
      return new DockhandError('transient', `FTP server ${where} failed ${ctx.action}${about}, try again later (server said: ${reply})`, {
        cause: err,
      });
    }
    if (ctx.refusal === 'file-data') {
      return new DockhandError('data', `FTP server ${where} refused ${ctx.action}${about} (server said: ${reply})`, { cause: err });
    }
    return new DockhandError('config', `FTP server ${where} refused ${ctx.action}${about} for user ${ctx.user} (server said: ${reply})`, {
      cause: err,
    });
  }

  const error = err instanceof Error ? err : new Error(String(err));
  const code = String((error as NodeJS.ErrnoException).code ?? '');
  if (CERT_ERRORS.has(code)) {
    return new DockhandError(
      'config',
      `The FTPS certificate of ${where} is not trusted (${code}) on a file transfer connection; run Test in the setup to see the certificate and accept it if the server's administrator confirms its fingerprint`,
      { cause: error },
    );
  }
  if (code === 'ECONNREFUSED') {
    return new DockhandError('transient', `FTP server ${where} refused the connection: is it running, and is the port right?`, {
      cause: error,
    });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new DockhandError('transient', `FTP host ${ctx.host} could not be found (${where}): check the host name and the network`, {
      cause: error,
    });
  }
  // basic-ftp tried EPSV and PASV and neither gave a data connection (refused, or its port unreachable).
  if (error.message.startsWith('None of the available transfer strategies work')) {
    return new DockhandError(
      'transient',
      `FTP server ${where} gave no passive-mode data connection while ${ctx.action}${about}; if the server offers only active mode, choose Active under Data connection (${error.message.replace(/^None of the available transfer strategies work\. /, '')})`,
      { cause: error },
    );
  }
  if (code === 'ETIMEDOUT' || /timeout/i.test(error.message)) {
    return new DockhandError('transient', `FTP server ${where} did not answer in time while ${ctx.action}${about}`, { cause: error });
  }
  return new DockhandError('transient', `Connection to FTP server ${where} was lost while ${ctx.action}${about}: ${error.message}`, {
    cause: error,
  });
}
