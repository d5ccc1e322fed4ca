import { cp, readdir, rm, stat, truncate, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DockhandError } from '../../../shared/errors.js';
import { startTestEngine, type TestEngine } from '../../support/engine-harness.js';

const engines: TestEngine[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const t of engines.splice(0).reverse()) await t.close().catch(() => {});
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startTestEngine>[0] = {}): Promise<TestEngine> {
  const t = await startTestEngine(options);
  engines.push(t);
  return t;
}

describe('the engine on a disk that fills up', () => {
  it('shows a disk-full alert at once, answers reads, refuses writes, reports degraded health, and saves the alert once it can', async () => {
    let full = false;
    const t = await start({ store: { simulatedDisk: { diskFull: () => full }, diskProbeEveryMs: 20, diskProbeOnWriteAfterMs: 60_000 } });
    await t.call('merchants.create', { name: 'Acme', code: 'ACME' });

    full = true;
    const refused = await t.call('merchants.create', { name: 'Second', code: 'SEC' }).then(
      () => undefined,
      (e: unknown) => e as DockhandError,
    );
    expect(refused?.kind).toBe('storage');
    const dbDir = join(t.dataDir, 'db');
    expect(refused?.message).toContain(`the disk holding ${dbDir} is full (ENOSPC)`);
    expect((await t.call('merchants.list', {})).map((m) => m.name)).toEqual(['Acme']);
    expect(t.engine.health()).toMatchObject({ status: 'degraded', reason: expect.stringContaining(dbDir) });
    expect(t.events.some((e) => e.type === 'health' && (e.data.health as { status: string }).status === 'degraded')).toBe(true);
    const whileFull = await t.call('alerts.list', {});
    expect(whileFull).toEqual([expect.objectContaining({ key: 'store:disk', severity: 'error', message: expect.stringContaining(`${dbDir} is full`) })]);
    expect((await t.call('dashboard.summary', {})).openAlerts).toBe(1);

    full = false;
    await vi.waitFor(() => expect(t.engine.health()).toEqual({ status: 'ok' }), { timeout: 5_000 });
    await vi.waitFor(async () => {
      const [saved] = await t.call('alerts.list', {});
      expect(saved).toMatchObject({ key: 'store:disk', severity: 'warning', message: expect.stringMatching(/could not save from .* Saving has resumed/) });
      expect(saved.id).toBeGreaterThan(0);
    });
    await t.call('merchants.create', { name: 'Second', code: 'SEC' });

    // Saved: it outlives the process.
    await t.engine.close();
    engines.splice(engines.indexOf(t), 1);
    const again = await start({ dataDir: t.dataDir });
    expect((await again.call('alerts.list', {})).map((a) => a.key)).toEqual(['store:disk']);
    expect((await again.call('merchants.list', {})).map((m) => m.name)).toEqual(['Acme', 'Second']);
  });
});

describe('the engine after acknowledged changes were lost', () => {
  it('pauses every schedule with the reason and raises an alert that says so, saved in the alerts table', async () => {
    const t = await start();
    await t.call('merchants.create', { name: 'Acme', code: 'ACME' });
    await t.call('merchants.create', { name: 'Second', code: 'SEC' });
    // What a crash leaves, then the last acknowledged record damaged (cut short).
    const copy = `${t.dataDir}-crash`;
    dirs.push(copy);
    await cp(t.dataDir, copy, { recursive: true });
    await unlink(join(copy, 'db', 'store.lock'));
    const segment = (await readdir(join(copy, 'db'))).filter((n) => /^journal-\d+\.log$/.test(n)).sort().at(-1)!;
    const path = join(copy, 'db', segment);
    await truncate(path, (await stat(path)).size - 3);

    const after = await start({ dataDir: copy });
    expect((await after.call('merchants.list', {})).map((m) => m.name)).toEqual(['Acme']);
    const schedules = await after.call('schedules.list', {});
    expect(schedules.length).toBeGreaterThan(0);
    for (const s of schedules) expect(s).toMatchObject({ state: 'paused', by: 'person', reason: expect.stringMatching(/lost saved changes/) });
    const alerts = await after.call('alerts.list', {});
    expect(alerts).toEqual([
      expect.objectContaining({ key: 'store:journal-damaged', message: expect.stringMatching(/acknowledged.*Every schedule is paused/s) }),
    ]);
    expect(alerts[0].id).toBeGreaterThan(0);
  });
});
