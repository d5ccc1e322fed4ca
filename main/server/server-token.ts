import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** 32 random bytes, base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const SERVER_TOKEN_FILE = 'server-token';

export function newServerToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The login token of the headless host, kept in `<dataDir>/server-token` (mode 0600) so a restart keeps
 * bookmarked URLs working. A file that is missing or does not hold a well-formed token is replaced.
 */
export async function loadOrCreateServerToken(dataDir: string): Promise<string> {
  const file = join(dataDir, SERVER_TOKEN_FILE);
  const existing = await readFile(file, 'utf8').then(
    (text) => text.trim(),
    () => null,
  );
  if (existing !== null && TOKEN_PATTERN.test(existing)) {
    // An older copy or a hand edit may have loosened the mode; the token is a password.
    await chmod(file, 0o600);
    return existing;
  }
  const token = newServerToken();
  // Written under a temporary name with the final mode, then renamed: never readable by others, never half-written.
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${token}\n`, { mode: 0o600 });
  await chmod(temp, 0o600);
  await rename(temp, file);
  return token;
}

/** Constant-time comparison; hashing first hides the length of the expected token too. */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
