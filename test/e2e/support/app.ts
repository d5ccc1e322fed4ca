import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract.js';
import { launchChromium } from './browser.js';

/**
 * The app as a user meets it: the headless host (a real child process on 127.0.0.1, real engine, the
 * built screens from dist/renderer) and Debian's Chromium logged in through the printed URL.
 * `npm test` builds the screens before the tests run.
 */

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test', 'e2e', 'screenshots');
const URL_LINE = /Dockhand is running at (http:\/\/127\.0\.0\.1:(\d+)\/)\?token=([A-Za-z0-9_-]+)/;

export interface AppUnderTest {
  /** "http://127.0.0.1:<port>/" */
  baseUrl: string;
  token: string;
  dataDir: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Calls the API directly (to arrange a test or check a result the screens do not show). */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Saves a full-page screenshot to test/e2e/screenshots/<name>.png. */
  screenshot(name: string): Promise<string>;
  /** Everything the host printed (for failure messages). */
  output(): string;
  close(): Promise<void>;
}

export interface StartAppOptions {
  /** Reuse a data dir (a restart); a fresh temp dir otherwise, removed on close. */
  dataDir?: string;
  env?: Record<string, string>;
}

export async function startApp(options: StartAppOptions = {}): Promise<AppUnderTest> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'dockhand-e2e-')));
  const ownsDataDir = !options.dataDir;
  const host = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'main/server/cli.ts'), '--port', '0', '--data-dir', dataDir, '--static-dir', join(REPO_ROOT, 'dist/renderer')],
    { cwd: REPO_ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let printed = '';
  host.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  host.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  let browser: Browser | undefined;
  try {
    const match = await waitForUrl(host, () => printed);
    const [, baseUrl, , token] = match;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}?token=${token}`);
    const app: AppUnderTest = {
      baseUrl,
      token,
      dataDir,
      browser,
      context,
      page,
      async call(method, input) {
        const response = await fetch(`${baseUrl}api/${method}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
        const body: unknown = await response.json();
        if (!response.ok) throw new Error(`${method} failed: ${JSON.stringify(body)}`);
        return body as MethodOutput<typeof method>;
      },
      async screenshot(name) {
        await mkdir(SCREENSHOT_DIR, { recursive: true });
        const path = join(SCREENSHOT_DIR, `${name}.png`);
        await page.screenshot({ path, fullPage: true });
        return path;
      },
      output: () => printed,
      async close() {
        await browser?.close().catch(() => {});
        await stopHost(host);
        if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
      },
    };
    return app;
  } catch (err) {
    await browser?.close().catch(() => {});
    await stopHost(host);
    if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    throw new Error(`The app did not start: ${(err as Error).message}\n${printed}`, { cause: err });
  }
}

function waitForUrl(host: ChildProcess, printed: () => string): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error('no URL printed within 60 s')), 60_000);
    const check = () => {
      const match = printed().match(URL_LINE);
      if (match) done(null, match);
    };
    const onExit = (code: number | null) => done(new Error(`the host exited with ${code}`));
    function done(err: Error | null, match?: RegExpMatchArray) {
      clearTimeout(timer);
      host.stdout?.off('data', check);
      host.off('exit', onExit);
      if (err) reject(err);
      else resolve(match!);
    }
    host.stdout?.on('data', check);
    host.once('exit', onExit);
    check();
  });
}

/** SIGTERM by pid (the host saves and exits 0), SIGKILL if it hangs. */
async function stopHost(host: ChildProcess): Promise<void> {
  if (host.exitCode !== null || host.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => host.once('exit', () => resolve()));
  host.kill('SIGTERM');
  const timer = setTimeout(() => host.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}
