import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateServerToken, SERVER_TOKEN_FILE, tokensEqual } from '../../../main/server/server-token.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dockhand-token-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const unix = process.platform !== 'win32';

describe('the server token', () => {
  it('is 32 random bytes in base64url, written to server-token with mode 0600', async () => {
    const token = await loadOrCreateServerToken(dir);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const file = join(dir, SERVER_TOKEN_FILE);
    expect((await readFile(file, 'utf8')).trim()).toBe(token);
    if (unix) expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('is reused across restarts, and a loosened file mode is tightened again', async () => {
    const first = await loadOrCreateServerToken(dir);
    const file = join(dir, SERVER_TOKEN_FILE);
    await chmod(file, 0o644);
    expect(await loadOrCreateServerToken(dir)).toBe(first);
    if (unix) expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('replaces a file that does not hold a valid token', async () => {
    await writeFile(join(dir, SERVER_TOKEN_FILE), 'password123\n');
    const token = await loadOrCreateServerToken(dir);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('compares tokens exactly, whatever their lengths', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abd', 'abc')).toBe(false);
    expect(tokensEqual('ab', 'abc')).toBe(false);
    expect(tokensEqual('', 'abc')).toBe(false);
  });
});
