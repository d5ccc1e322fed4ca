import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest } from './fixtures/raw-request.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const testEngineModule = fileURLToPath(new URL('../host/fixtures/test-engine-module.ts', import.meta.url));
// Starting a process that compiles TypeScript twice (host and worker) is slow on a busy 2-core machine.
const URL_LINE = /^Dockhand is running at http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{43})$/m;

let child: ChildProcess | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

function startCli(
  dir: string,
  options: { realEngine?: boolean } = {},
): { proc: ChildProcess; url: Promise<{ port: number; token: string }>; exit: Promise<number | null>; output: () => string } {
  const env = { ...process.env, DOCKHAND_TEST_ENGINE: testEngineModule };
  if (options.realEngine) delete (env as Record<string, string | undefined>).DOCKHAND_TEST_ENGINE;
  const proc = spawn(process.execPath, ['--import', 'tsx', 'main/server/cli.ts', '--port', '0', '--data-dir', dir], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const url = new Promise<{ port: number; token: string }>((resolve, reject) => {
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = URL_LINE.exec(out);
      if (match) resolve({ port: Number(match[1]), token: match[2] });
    });
    void exit.then((code) => reject(new Error(`the CLI exited (${code}) before printing its URL:\n${out}\n${err}`)));
  });
  return { proc, url, exit, output: () => `${out}\n${err}` };
}

describe('the headless CLI', () => {
  it('prints its login URL, serves the API with that token, and exits 0 on SIGTERM after closing the engine', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dockhand-cli-'));
    const cli = startCli(dataDir);
    child = cli.proc;
    const { port, token } = await cli.url;
    const host = `127.0.0.1:${port}`;

    const listing = await rawRequest({ port, path: '/api', headers: { Host: host, Authorization: `Bearer ${token}` } });
    expect(listing.status).toBe(200);
    const methods = (listing.json() as { methods: { method: string }[] }).methods.map((m) => m.method);
    expect(methods).toContain('merchants.create');

    const call = await rawRequest({
      port,
      path: '/api/account.get',
      method: 'POST',
      headers: { Host: host, Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(call.status).toBe(200);
    expect(call.json()).toEqual({ configured: false, mode: null });

    const unauthorised = await rawRequest({ port, path: '/api', headers: { Host: host } });
    expect(unauthorised.status).toBe(401);

    cli.proc.kill('SIGTERM');
    expect(await cli.exit).toBe(0);
    expect(await readFile(join(dataDir, 'engine-closed'), 'utf8')).not.toBe('');
    const tokenFile = join(dataDir, 'server-token');
    expect((await readFile(tokenFile, 'utf8')).trim()).toBe(token);
    if (process.platform !== 'win32') {
      expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
      expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    }
    expect(cli.output()).not.toMatch(/Uncaught|Unhandled/);
    const serverLog = await readFile(join(dataDir, 'logs', 'server.log'), 'utf8');
    expect(serverLog).not.toContain(token);
  }, 90_000);

  it('ignores a repeated signal within a second, and stops at once with exit code 1 on a later one while the engine is still closing', { timeout: 90_000 }, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dockhand-cli-'));
    const slowDir = join(dataDir, 'slow-close');
    const cli = startCli(slowDir);
    child = cli.proc;
    await cli.url;
    cli.proc.kill('SIGTERM');
    let exited = false;
    void cli.exit.then(() => (exited = true));
    while (!exited && !cli.output().includes('finishing the running step')) await new Promise((resolve) => setTimeout(resolve, 20));
    // The same Ctrl+C forwarded twice by npm/tsx: ignored, the save goes on.
    cli.proc.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(exited).toBe(false);
    cli.proc.kill('SIGTERM');
    expect(await cli.exit).toBe(1);
    expect(cli.output()).toContain('again: stopping at once');
  });

  it('says on stderr when the engine cannot save and when it can again, with /health answering 503 meanwhile', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dockhand-cli-'));
    const cli = startCli(dataDir);
    child = cli.proc;
    const { port, token } = await cli.url;
    const host = `127.0.0.1:${port}`;
    const setHealth = (health: unknown) =>
      rawRequest({
        port,
        path: '/api/diagnostics.store',
        method: 'POST',
        headers: { Host: host, Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(health),
      });
    const reason = `the disk holding ${join(dataDir, 'db')} is full (ENOSPC)`;
    expect((await setHealth({ status: 'degraded', reason, since: '2025-01-02T03:04:05.000Z' })).status).toBe(200);
    const health = await rawRequest({ port, path: '/health', headers: { Host: host } });
    expect(health.status).toBe(503);
    expect(health.json()).toMatchObject({ status: 'degraded', reason });
    while (!cli.output().includes('Dockhand cannot save')) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cli.output()).toContain(`Dockhand cannot save (since 2025-01-02T03:04:05.000Z): ${reason}`);
    await setHealth({ status: 'ok' });
    while (!cli.output().includes('Dockhand can save again')) await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await rawRequest({ port, path: '/health', headers: { Host: host } })).status).toBe(200);
    cli.proc.kill('SIGTERM');
    expect(await cli.exit).toBe(0);
  }, 90_000);

  it('refuses to start on a data folder whose database cannot be rebuilt: says why and what to do on stderr, exits 1, changes nothing there', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dockhand-cli-'));
    const db = join(dataDir, 'db');
    await mkdir(db);
    // Every snapshot gone; the journal kept starts at seq 5.
    await writeFile(join(db, 'journal-000000000005.log'), Buffer.alloc(64, 1));
    const cli = startCli(dataDir, { realEngine: true });
    child = cli.proc;
    cli.url.catch(() => {});
    expect(await cli.exit).toBe(1);
    const out = cli.output();
    expect(out).toMatch(/^Dockhand will not start: the database in .* cannot be rebuilt/m);
    expect(out).toContain('journal-000000000005.log: the journal starts at seq 5');
    expect(out).toContain(`move the folder ${db} aside`);
    expect(out).not.toContain('could not start');
    expect(await readdir(db)).toEqual(['journal-000000000005.log']);
    expect(await readFile(join(db, 'journal-000000000005.log'))).toEqual(Buffer.alloc(64, 1));
  }, 90_000);

  it('refuses a bad --port with exit code 2', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dockhand-cli-'));
    const bad = spawn(process.execPath, ['--import', 'tsx', 'main/server/cli.ts', '--port', 'abc', '--data-dir', dataDir], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = bad;
    let err = '';
    bad.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => bad.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('--port must be a whole number');
  });
});
