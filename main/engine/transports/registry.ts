import type { TransportKind, TransportSecrets, TransportSettingsOf } from '../../../shared/transports/index.js';
import type { Logger } from '../platform/ports.js';
import { createEmailTransport } from './email-transport.js';
import { createFolderTransport } from './folder-transport.js';
import { createFtpTransport } from './ftp-transport.js';
import { createSftpTransport } from './sftp-transport.js';
import type { Transport } from './transport.js';

/**
 * What a Test lets a transport do about a server whose identity (an SSH host key) no person confirmed
 * yet: connect anyway to show it, and tell what it saw. Runs get none: an unconfirmed server is refused.
 */
export interface ServerIdentityWitness {
  /** Connect to a server whose key is not confirmed yet (only to show its fingerprint for confirming). */
  allowUnconfirmed: boolean;
  /** The fingerprint the server showed ("SHA256:..."), on every connect. */
  seen(fingerprint: string): void;
}

/** What every transport is built with. */
export interface TransportContext {
  log: Logger;
  signal: AbortSignal;
  /** Socket and reply timeout; each transport has its own default. */
  timeoutMs?: number;
  /** Given by a Test only (see ServerIdentityWitness). */
  identity?: ServerIdentityWitness;
  /**
   * The engine's record of inbound files applied (by name, written in the same transaction as a file's
   * last rows). Given to runs; a transport whose files can outlive a crash between the apply and the
   * move, and whose names are unique per message (e-mail), uses it never to hand an applied file out again.
   */
  appliedFiles?: AppliedFiles;
}

export interface AppliedFiles {
  wasApplied(fileName: string): Promise<boolean>;
}

export type TransportFactory<K extends TransportKind> = (settings: TransportSettingsOf<K>, secrets: TransportSecrets, ctx: TransportContext) => Transport;

/**
 * One factory per transport of shared/transports (the type holds every kind to have one; a test holds
 * the lists equal at run time too). Adding a transport adds a line here and nothing in the callers.
 */
export const TRANSPORT_FACTORIES: { [K in TransportKind]: TransportFactory<K> } = {
  ftp: (settings, secrets, ctx) => createFtpTransport(settings, secrets.password ?? '', ctx),
  sftp: (settings, secrets, ctx) => createSftpTransport(settings, secrets, ctx),
  folder: (settings, _secrets, ctx) => createFolderTransport(settings, ctx),
  email: (settings, secrets, ctx) => createEmailTransport(settings, secrets, ctx),
};
