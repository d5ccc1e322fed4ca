import { DockhandError, isDockhandError } from '../../../shared/errors.js';

/**
 * Turns ssh2 / ssh2-sftp-client errors into DockhandErrors a person can act on. ssh2-sftp-client
 * rewrites messages ("list: No such file /x") but keeps the code: an SFTP status number for a refusal
 * by the server, a socket code (ECONNREFUSED) or none for a connection problem.
 */

/** SFTP status codes (draft-ietf-secsh-filexfer-02, what OpenSSH speaks). */
export const SFTP_STATUS = { noSuchFile: 2, permissionDenied: 3, failure: 4 } as const;

export interface SftpPlace {
  host: string;
  port: number;
  user: string;
  /** "password" or "key": says which secret a refused login was about. */
  auth: 'password' | 'key';
}

const where = (p: SftpPlace) => `${p.host}:${p.port}`;

/** The SFTP status of a refusal by the server, or undefined for anything else (a lost connection). */
export function sftpStatus(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** An error while connecting and logging in (the host key has been checked by then, see the transport). */
export function mapSftpConnectError(err: unknown, place: SftpPlace): DockhandError {
  if (isDockhandError(err)) return err;
  const error = err instanceof Error ? err : new Error(String(err));
  const code = String((error as NodeJS.ErrnoException).code ?? '');
  const message = error.message;
  if (/authentication methods failed/i.test(message)) {
    return place.auth === 'key'
      ? new DockhandError(
          'auth',
          `SFTP server ${where(place)} refused the private key for user ${place.user}: the key's public half must be in that user's authorized keys on the server (or check the user name)`,
          { cause: error },
        )
      : new DockhandError('auth', `SFTP login refused for user ${place.user} at ${where(place)}: the password is wrong, or that user may not log in`, { cause: error });
  }
  if (/Cannot parse privateKey/i.test(message)) {
    if (/no passphrase given/i.test(message)) {
      return new DockhandError('config', 'The private key is protected by a passphrase: enter its passphrase too', { cause: error });
    }
    if (/bad passphrase|decrypt|Integrity check/i.test(message)) {
      return new DockhandError('config', 'The passphrase does not open the private key: check the passphrase', { cause: error });
    }
    return new DockhandError('config', 'The private key cannot be read: paste the whole key, from its -----BEGIN line to its -----END line', { cause: error });
  }
  if (code === 'ECONNREFUSED') {
    return new DockhandError('transient', `SFTP server ${where(place)} refused the connection: is it running, and is the port right?`, { cause: error });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new DockhandError('transient', `SFTP host ${place.host} could not be found (${where(place)}): check the host name and the network`, { cause: error });
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    return new DockhandError('transient', `SFTP server ${where(place)} cannot be reached from this computer: check the network`, { cause: error });
  }
  if (code === 'ETIMEDOUT' || /timed out|timeout/i.test(message)) {
    return new DockhandError('transient', `SFTP server ${where(place)} did not answer in time: is the host and port right, and is it reachable?`, { cause: error });
  }
  if (/subsystem|sftp/i.test(message) && /fail|denied|request/i.test(message)) {
    return new DockhandError('config', `The SSH server ${where(place)} let user ${place.user} in but offers no SFTP: ask for SFTP to be enabled for that user`, { cause: error });
  }
  return new DockhandError('transient', `Could not connect to SFTP server ${where(place)}: ${message.replace(/^getConnection: /, '')}`, { cause: error });
}

/** How a refusal about a path should be read. */
export type SftpRefusal = 'folder' | 'file' | 'write';

/** An error of one operation on an open connection. `path` is the server path, shown as is. */
export function mapSftpError(err: unknown, place: SftpPlace, action: string, path: string, refusal: SftpRefusal): DockhandError {
  if (isDockhandError(err)) return err;
  const error = err instanceof Error ? err : new Error(String(err));
  const status = sftpStatus(err);
  if (status === SFTP_STATUS.noSuchFile) {
    return refusal === 'file'
      ? new DockhandError('data', `File "${path}" is not on SFTP server ${where(place)} any more (while ${action})`, { cause: error })
      : new DockhandError('config', `Folder "${path}" does not exist on SFTP server ${where(place)} (while ${action})`, { cause: error });
  }
  if (status === SFTP_STATUS.permissionDenied) {
    return new DockhandError(
      'config',
      refusal === 'write'
        ? `SFTP user ${place.user} may not write to "${path}" on ${where(place)}: permission denied (ask for write permission on that folder)`
        : `SFTP user ${place.user} may not use "${path}" on ${where(place)}: permission denied`,
      { cause: error },
    );
  }
  if (status !== undefined) {
    return new DockhandError('config', `SFTP server ${where(place)} refused ${action} "${path}" for user ${place.user} (${cleanMessage(error.message)})`, { cause: error });
  }
  return new DockhandError('transient', `Connection to SFTP server ${where(place)} was lost while ${action} "${path}": ${cleanMessage(error.message)}`, { cause: error });
}

/** ssh2-sftp-client prefixes the method name ("_put: Write stream error: ..."); a person needs the rest. */
function cleanMessage(message: string): string {
  return message.replace(/^[\w>-]+: /, '').replace(/^Write stream error: /, '').trim();
}
