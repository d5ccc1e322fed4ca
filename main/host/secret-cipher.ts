import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockhandError } from '../../shared/errors.js';
import type { SecretCipher } from '../engine/platform/ports.js';

export const SECRET_KEY_FILE = 'secret.key';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';
/** Binds every sealed value to this scheme, so a value sealed elsewhere with the same key is refused. */
const AAD = Buffer.from('dockhand-secret-v1');

/**
 * Secrets at rest for the headless host: AES-256-GCM with a random key kept in `<dataDir>/secret.key`
 * (mode 0600), created once. Sealed values read `v1:<iv>:<tag>:<ciphertext>`, each part base64.
 * Anyone who can read the key file can read the secrets: the file mode is the protection.
 */
export function openKeyFileCipher(dataDir: string): SecretCipher {
  return keyCipher(loadOrCreateKey(join(dataDir, SECRET_KEY_FILE)));
}

function loadOrCreateKey(file: string): Buffer {
  let text: string | null = null;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (text === null) {
    const key = randomBytes(KEY_BYTES);
    try {
      // 'wx': if another process created the key meanwhile, use theirs rather than overwrite it.
      writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      return key;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      text = readFileSync(file, 'utf8');
    }
  }
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    // Never replace a damaged key: that would make every saved secret unreadable for good.
    throw new DockhandError('config', `The secret key file ${file} is damaged (expected ${KEY_BYTES} bytes)`);
  }
  chmodSync(file, 0o600);
  return key;
}

export function keyCipher(key: Buffer): SecretCipher {
  if (key.length !== KEY_BYTES) throw new Error(`AES-256 needs a ${KEY_BYTES}-byte key`);
  return {
    encrypt(plain: string): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(AAD);
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString('base64'), tag.toString('base64'), ciphertext.toString('base64')].join(':');
    },
    decrypt(sealed: string): string {
      const parts = sealed.split(':');
      if (parts.length !== 4 || parts[0] !== VERSION) throw unreadable();
      const [, ivText, tagText, ciphertextText] = parts;
      const iv = Buffer.from(ivText, 'base64');
      const tag = Buffer.from(tagText, 'base64');
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw unreadable();
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(AAD);
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(Buffer.from(ciphertextText, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        throw unreadable();
      }
    },
  };
}

function unreadable(): DockhandError {
  return new DockhandError(
    'config',
    'A saved secret cannot be decrypted (it was changed, or the secret key file is not the one it was saved with); enter it again',
  );
}
