import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockhandError } from '../../shared/errors.js';
import type { Logger } from '../engine/platform/ports.js';
import { SECRET_KEY_FILE } from '../host/secret-cipher.js';

/**
 * The key that encrypts saved secrets (shop tokens, FTP passwords), protected by the operating system's
 * keychain through Electron's safeStorage. safeStorage exists only in the main process, not in the
 * engine's worker, so the main process unseals the key and hands it to the worker.
 *
 * `<dataDir>/secret.key.sealed` (mode 0600) holds a random 32-byte key sealed with safeStorage. Where
 * there is no usable keychain (Linux without one, where Electron would only obfuscate), Dockhand falls
 * back to the headless host's key file (`secret.key`, protected by its file mode) and says so in the log.
 */

export const SEALED_KEY_FILE = `${SECRET_KEY_FILE}.sealed`;
const KEY_BYTES = 32;

/** The part of Electron's safeStorage used here (tests pass a fake). */
export interface SealPort {
  isEncryptionAvailable(): boolean;
  /** Linux only; 'basic_text' means a fixed password, i.e. no real protection. */
  getSelectedStorageBackend?(): string;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

export type SecretKeySource =
  | { kind: 'sealed'; key: Buffer }
  /** No key: the worker opens (or creates) `secret.key` itself, exactly as the headless host does. */
  | { kind: 'key-file'; reason: string };

export function keychainUsable(seal: SealPort, platform: NodeJS.Platform = process.platform): boolean {
  if (!seal.isEncryptionAvailable()) return false;
  if (platform === 'linux' && seal.getSelectedStorageBackend?.() === 'basic_text') return false;
  return true;
}

/** Call after the app is ready (safeStorage answers only then on Linux). */
export function loadSecretKey(options: { dataDir: string; seal: SealPort; log: Logger; platform?: NodeJS.Platform }): SecretKeySource {
  const { dataDir, seal, log } = options;
  const sealedFile = join(dataDir, SEALED_KEY_FILE);
  const usable = keychainUsable(seal, options.platform);

  if (existsSync(sealedFile)) return { kind: 'sealed', key: unseal(sealedFile, seal, usable) };

  if (existsSync(join(dataDir, SECRET_KEY_FILE))) {
    // Secrets in this folder were saved with the key file (by the headless host, or here without a
    // keychain). Keep using it: a new sealed key would make them unreadable, and the headless host
    // must still be able to open the same folder.
    const reason = `${SECRET_KEY_FILE} already holds the key for the secrets in this data folder`;
    log.log('warn', 'Secrets are protected by the key file, not the OS keychain', { reason });
    return { kind: 'key-file', reason };
  }

  if (!usable) {
    const reason = 'the OS keychain is not available (on Linux: no Secret Service or KWallet)';
    log.log('warn', 'Secrets are protected by the key file, not the OS keychain', { reason });
    return { kind: 'key-file', reason };
  }

  const key = randomBytes(KEY_BYTES);
  try {
    // 'wx': if another start created the sealed key meanwhile, use theirs rather than overwrite it.
    writeFileSync(sealedFile, seal.encryptString(key.toString('base64')), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return { kind: 'sealed', key: unseal(sealedFile, seal, usable) };
  }
  log.log('info', 'Created the secrets key, sealed by the OS keychain', { file: sealedFile });
  return { kind: 'sealed', key };
}

function unseal(file: string, seal: SealPort, usable: boolean): Buffer {
  // Never replace a sealed key we cannot open: every saved secret would become unreadable for good.
  if (!usable) {
    throw new DockhandError(
      'config',
      `The secrets key (${file}) is sealed by the OS keychain, which is not available now. Log in to your desktop session (or unlock the keychain) and start Dockhand again.`,
    );
  }
  let key: Buffer;
  try {
    key = Buffer.from(seal.decryptString(readFileSync(file)).trim(), 'base64');
  } catch {
    throw new DockhandError(
      'config',
      `The secrets key (${file}) cannot be unsealed by this user's keychain (was the data folder copied from another user or machine?).`,
    );
  }
  if (key.length !== KEY_BYTES) throw new DockhandError('config', `The secrets key (${file}) is damaged (expected ${KEY_BYTES} bytes)`);
  chmodSync(file, 0o600);
  return key;
}
