import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DockhandError } from '../../../shared/errors.js';
import { openKeyFileCipher, SECRET_KEY_FILE } from '../../../main/host/secret-cipher.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dockhand-cipher-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the key-file secret cipher', () => {
  it('round-trips a secret, and the sealed form neither contains it nor repeats', () => {
    const cipher = openKeyFileCipher(dir);
    const sealed = cipher.encrypt('shpat_0123456789abcdef');
    expect(sealed).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]*$/);
    expect(sealed).not.toContain('shpat_');
    expect(cipher.encrypt('shpat_0123456789abcdef')).not.toBe(sealed);
    expect(cipher.decrypt(sealed)).toBe('shpat_0123456789abcdef');
    expect(cipher.decrypt(cipher.encrypt(''))).toBe('');
    expect(cipher.decrypt(cipher.encrypt('pässwörd ✓'))).toBe('pässwörd ✓');
  });

  it('creates the key file once, with mode 0600, and reuses it', async () => {
    const sealed = openKeyFileCipher(dir).encrypt('secret');
    const keyFile = join(dir, SECRET_KEY_FILE);
    const key = await readFile(keyFile, 'utf8');
    if (process.platform !== 'win32') expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const reopened = openKeyFileCipher(dir);
    expect(await readFile(keyFile, 'utf8')).toBe(key);
    expect(reopened.decrypt(sealed)).toBe('secret');
  });

  it('refuses a tampered ciphertext, tag or iv with a DockhandError', () => {
    const cipher = openKeyFileCipher(dir);
    const [version, iv, tag, data] = cipher.encrypt('the password').split(':');
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] ^= 1;
      return bytes.toString('base64');
    };
    for (const forged of [
      [version, iv, tag, flip(data)],
      [version, iv, flip(tag), data],
      [version, flip(iv), tag, data],
      ['v2', iv, tag, data],
      [version, iv, tag],
    ]) {
      expect(() => cipher.decrypt(forged.join(':'))).toThrow(DockhandError);
    }
  });

  it('cannot open a secret sealed with another data folder\'s key', async () => {
    const other = await mkdtemp(join(tmpdir(), 'dockhand-cipher-other-'));
    try {
      const sealed = openKeyFileCipher(other).encrypt('secret');
      expect(() => openKeyFileCipher(dir).decrypt(sealed)).toThrow(/cannot be decrypted/);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('refuses a damaged key file instead of replacing it', async () => {
    await writeFile(join(dir, SECRET_KEY_FILE), 'too-short\n');
    expect(() => openKeyFileCipher(dir)).toThrow(/damaged/);
    expect(await readFile(join(dir, SECRET_KEY_FILE), 'utf8')).toBe('too-short\n');
  });
});
