import { spawn } from 'node:child_process';
import type { createRequire } from 'node:module';

/** A first download is ~100 MB; past this a stalled connection is given up for the browser fallback. */
const DOWNLOAD_LIMIT_MS = 5 * 60_000;

/**
 * Runs the electron package's own installer (the postinstall that `npm install` skips, see
 * package.json's allowScripts): it downloads the binary for this platform, checks it against the
 * package's checksums and unpacks it. Resolves with why it failed, or undefined once it is in place.
 */
export function downloadElectron(requireFrom: ReturnType<typeof createRequire>): Promise<string | undefined> {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return Promise.resolve('ELECTRON_SKIP_BINARY_DOWNLOAD is set');
  let installer: string;
  try {
    installer = requireFrom.resolve('electron/install.js');
  } catch {
    return Promise.resolve('the electron package is not installed (run npm install)');
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), DOWNLOAD_LIMIT_MS);
    child.on('error', (err) => resolve(err.message));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(undefined);
      else if (signal) resolve(`the download took longer than ${DOWNLOAD_LIMIT_MS / 60_000} minutes`);
      else resolve(firstErrorLine(stderr) ?? `the electron installer exited with code ${code}`);
    });
  });
}

/** "RequestError: getaddrinfo ENOTFOUND github.com" out of the installer's stack trace. */
function firstErrorLine(stderr: string): string | undefined {
  return stderr
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('at '));
}
