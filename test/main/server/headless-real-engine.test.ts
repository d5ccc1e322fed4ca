import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const URL_LINE = /^Dockhand is running at http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{43})$/m;

let child: ChildProcess | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  child = undefined;
  dataDir = undefined;
});

function post(port: number, token: string, method: string, body: unknown): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: `/api/${method}`, method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** Collects SSE event names until `until` is seen. */
function listenEvents(port: number, token: string, until: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const seen: string[] = [];
    const req = http.get({ host: '127.0.0.1', port, path: `/api/events?token=${token}` }, (res) => {
      let buf = '';
      res.on('data', (c) => {
        buf += c;
        for (const m of buf.matchAll(/^event: (.+)$/gm)) seen.push(m[1]);
        buf = buf.slice(buf.lastIndexOf('\n\n') + 1);
        if (seen.includes(until)) {
          req.destroy();
          resolve(seen);
        }
      });
    });
    req.on('error', (err) => (seen.includes(until) ? resolve(seen) : reject(err)));
  });
}

describe('the headless host with the real engine', () => {
  it('runs the demo loop over HTTP, streams run events, and keeps its data across a SIGTERM restart', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dockhand-headless-'));
    const start = () => {
      const proc = spawn(process.execPath, ['--import', 'tsx', 'main/server/cli.ts', '--port', '0', '--data-dir', dataDir!], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      proc.stderr!.on('data', (c) => (out += c));
      const exit = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
      const url = new Promise<{ port: number; token: string }>((resolve, reject) => {
        proc.stdout!.on('data', (c) => {
          out += c;
          const m = URL_LINE.exec(out);
          if (m) resolve({ port: Number(m[1]), token: m[2] });
        });
        void exit.then((code) => reject(new Error(`exited ${code} before its URL:\n${out}`)));
      });
      return { proc, url, exit };
    };

    const first = start();
    child = first.proc;
    const { port, token } = await first.url;
    // Listen first: demo.setup starts the loop itself, so its first run may begin before setup returns.
    const events = listenEvents(port, token, 'run.finished');
    const setup = await post(port, token, 'demo.setup', {});
    expect(setup.status).toBe(200);
    const run = await post(port, token, 'services.runNow', { service: 'order_download', targetId: setup.json.cartId });
    expect(run.json.status).toBe('ok');
    expect(await events).toEqual(expect.arrayContaining(['run.started', 'run.finished']));
    const bad = await post(port, token, 'schedules.set', { service: 'order_download', targetId: setup.json.cartId, minutes: 1 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.kind).toBe('validation');
    expect(bad.json.error.fields.minutes).toMatch(/every 5 min/);

    const before = await post(port, token, 'orders.list', {});
    expect(before.json.total).toBeGreaterThanOrEqual(5);
    first.proc.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    expect((await readdir(join(dataDir, 'db'))).some((f) => f.startsWith('snapshot-'))).toBe(true);

    const second = start();
    child = second.proc;
    const again = await second.url;
    const orders = await post(again.port, again.token, 'orders.list', {});
    expect(orders.json.total).toBe(before.json.total);
    second.proc.kill('SIGINT');
    expect(await second.exit).toBe(0);
  }, 120_000);
});
