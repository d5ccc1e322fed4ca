import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, runIntegrityCheck } from '../../../../main/engine/store/index.js';
import { itemsMigration, tempStoreDir } from './fixtures/store-fixtures.js';

const script = fileURLToPath(new URL('./fixtures/commit-loop.ts', import.meta.url));
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const KILLS = 6;

/**
 * Runs the commit loop, SIGKILLs it `delayMs` after its first acknowledged commit (not after "ready":
 * on a loaded machine the first commits can take longer than the delay), and returns what it acknowledged.
 */
function runAndKill(dir: string, delayMs: number): Promise<{ acked: number[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: number[] = [];
    let stderr = '';
    let buffered = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (/^\d+$/.test(line)) {
          if (acked.length === 0) setTimeout(() => child.kill('SIGKILL'), delayMs);
          acked.push(Number(line));
        }
      }
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`commit loop ended without being killed: ${stderr}`));
      else resolve({ acked, stderr });
    });
  });
}

describe('a process killed with SIGKILL while committing', () => {
  const dirPromise = tempStoreDir();
  afterAll(async () => (await dirPromise).cleanup());

  it('never loses an acknowledged commit and leaves a sound database', async () => {
    const { dir } = await dirPromise;
    const acked: number[] = [];
    for (let i = 0; i < KILLS; i++) {
      const run = await runAndKill(dir, 80 + Math.floor(Math.random() * 400));
      expect(run.stderr).not.toMatch(/ALERT/);
      expect(run.acked.length).toBeGreaterThan(0);
      acked.push(...run.acked);
    }
    const alerts: string[] = [];
    const store = await openStore({ dir, migrations: [itemsMigration], onAlert: (m) => alerts.push(m) });
    try {
      const rows = await store.read((db) => db.all<{ n: number; data: Uint8Array }>('SELECT n, data FROM items'));
      const present = new Set(rows.map((r) => r.n));
      const missing = acked.filter((n) => !present.has(n));
      expect(missing).toEqual([]);
      for (const r of rows) expect(Array.from(r.data)).toEqual(new Array(48).fill(r.n % 256));
      expect(await runIntegrityCheck(store)).toBe('ok');
      expect(alerts).toEqual([]);
    } finally {
      await store.close();
    }
  }, 120_000);
});
