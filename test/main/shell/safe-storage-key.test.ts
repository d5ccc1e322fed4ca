import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../main/engine/log/index.js';
import { SECRET_KEY_FILE } from '../../../main/host/secret-cipher.js';
import { loadSecretKey, SEALED_KEY_FILE, type SealPort } from '../../../main/shell/safe-storage-key.js';

/** A stand-in for safeStorage: "seals" by reversing bytes behind a marker, so a wrong keychain shows. */
function fakeSeal(options: { available?: boolean; backend?: string; keychain?: string } = {}): SealPort & { sealed: number } {
  const mark = `sealed-by:${options.keychain ?? 'alice'}:`;
  const port = {
    sealed: 0,
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString(plain: string) {
      port.sealed++;
      return Buffer.from(mark + [...plain].reverse().join(''));
    },
    decryptString(sealed: Buffer) {
      const text = sealed.toString();
      if (!text.startsWith(mark)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return [...text.slice(mark.length)].reverse().join('');
    },
  };
  return port;
}

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'dockhand-seal-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the secrets key sealed with safeStorage', () => {
  it('creates a random 32-byte key once, sealed in a file only the user can read', () => {
    const seal = fakeSeal();
    const first = loadSecretKey({ dataDir, seal, log: createMemoryLogger(), platform: 'linux' });
    expect(first.kind).toBe('sealed');
    if (first.kind !== 'sealed') return;
    expect(first.key).toHaveLength(32);
    const file = join(dataDir, SEALED_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file).includes(Buffer.from(first.key.toString('base64')))).toBe(false);
    expect(existsSync(join(dataDir, SECRET_KEY_FILE))).toBe(false);

    const again = loadSecretKey({ dataDir, seal, log: createMemoryLogger(), platform: 'linux' });
    expect(again).toEqual({ kind: 'sealed', key: first.key });
    expect(seal.sealed).toBe(1);
  });

  it('falls back to the key file, with a warning, where there is no keychain', () => {
    const log = createMemoryLogger();
    const source = loadSecretKey({ dataDir, seal: fakeSeal({ available: false }), log, platform: 'linux' });
    expect(source.kind).toBe('key-file');
    expect(existsSync(join(dataDir, SEALED_KEY_FILE))).toBe(false);
    expect(log.entries.some((e) => e.level === 'warn' && /key file/.test(e.msg))).toBe(true);
  });

  it('treats Linux\'s basic_text backend (a fixed password) as no keychain', () => {
    const source = loadSecretKey({ dataDir, seal: fakeSeal({ backend: 'basic_text' }), log: createMemoryLogger(), platform: 'linux' });
    expect(source.kind).toBe('key-file');
  });

  it('keeps using an existing key file so secrets saved with it stay readable', () => {
    writeFileSync(join(dataDir, SECRET_KEY_FILE), `${Buffer.alloc(32, 1).toString('base64')}\n`, { mode: 0o600 });
    const seal = fakeSeal();
    const source = loadSecretKey({ dataDir, seal, log: createMemoryLogger(), platform: 'darwin' });
    expect(source.kind).toBe('key-file');
    expect(seal.sealed).toBe(0);
    expect(existsSync(join(dataDir, SEALED_KEY_FILE))).toBe(false);
  });

  it('refuses to start, and keeps the sealed key, when the keychain is unavailable later', () => {
    loadSecretKey({ dataDir, seal: fakeSeal(), log: createMemoryLogger(), platform: 'linux' });
    const before = readFileSync(join(dataDir, SEALED_KEY_FILE));
    expect(() => loadSecretKey({ dataDir, seal: fakeSeal({ available: false }), log: createMemoryLogger(), platform: 'linux' })).toThrow(
      /sealed by the OS keychain, which is not available now/,
    );
    expect(readFileSync(join(dataDir, SEALED_KEY_FILE)).equals(before)).toBe(true);
    expect(existsSync(join(dataDir, SECRET_KEY_FILE))).toBe(false);
  });

  it('refuses a sealed key that another user\'s keychain sealed', () => {
    loadSecretKey({ dataDir, seal: fakeSeal({ keychain: 'alice' }), log: createMemoryLogger(), platform: 'win32' });
    expect(() => loadSecretKey({ dataDir, seal: fakeSeal({ keychain: 'bob' }), log: createMemoryLogger(), platform: 'win32' })).toThrow(
      /cannot be unsealed by this user's keychain/,
    );
  });

  it('refuses a sealed key of the wrong length as damaged', () => {
    writeFileSync(join(dataDir, SEALED_KEY_FILE), fakeSeal().encryptString(Buffer.alloc(16).toString('base64')));
    expect(() => loadSecretKey({ dataDir, seal: fakeSeal(), log: createMemoryLogger(), platform: 'linux' })).toThrow(/damaged/);
  });

  it('never writes the key itself to the log', () => {
    const log = createMemoryLogger();
    const source = loadSecretKey({ dataDir, seal: fakeSeal(), log, platform: 'linux' });
    if (source.kind !== 'sealed') throw new Error('expected a sealed key');
    expect(JSON.stringify(log.entries)).not.toContain(source.key.toString('base64'));
  });
});
