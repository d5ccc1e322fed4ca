import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileLogger } from '../../../../main/engine/log/file-logger.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dockhand-log-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readLines(file: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('file logger', () => {
  it('writes one JSON object per line to <dir>/logs/dockhand.log', async () => {
    const log = createFileLogger({ dir, level: 'debug' });
    log.log('info', 'started', { port: 8080 });
    log.child({ cart: 4 }).log('error', 'refused', { password: 'hunter2' });
    await log.close();
    const lines = await readLines(join(dir, 'logs', 'dockhand.log'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'started', port: 8080 });
    expect(lines[1]).toMatchObject({ level: 'error', msg: 'refused', cart: 4, password: '[redacted]' });
    expect(String(lines[0].time)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('keeps the logs folder and its files owner-only, also when they pre-exist open to others', async () => {
    await mkdir(join(dir, 'logs'), { mode: 0o755 });
    await chmod(join(dir, 'logs'), 0o755);
    await writeFile(join(dir, 'logs', 'dockhand.log'), '', { mode: 0o644 });
    await writeFile(join(dir, 'logs', 'dockhand.log.1'), '', { mode: 0o644 });
    const log = createFileLogger({ dir });
    log.log('info', 'order for Jane Doe, 1 Main St');
    await log.close();
    expect(((await stat(join(dir, 'logs'))).mode & 0o777).toString(8)).toBe('700');
    for (const name of await readdir(join(dir, 'logs'))) expect([name, ((await stat(join(dir, 'logs', name))).mode & 0o777).toString(8)]).toEqual([name, '600']);
  });

  it('filters by level (info by default)', async () => {
    const log = createFileLogger({ dir });
    log.log('debug', 'noise');
    log.log('info', 'kept');
    await log.close();
    const lines = await readLines(join(dir, 'logs', 'dockhand.log'));
    expect(lines.map((l) => l.msg)).toEqual(['kept']);
  });

  it('rotates past the size limit and keeps at most maxFiles rotated files', async () => {
    const log = createFileLogger({ dir, maxSizeBytes: 1000, maxFiles: 2 });
    const total = 120;
    for (let i = 0; i < total; i++) log.log('info', `line ${i}`, { filler: 'x'.repeat(80) });
    await log.close();
    const files = (await readdir(join(dir, 'logs'))).sort();
    expect(files).toEqual(['dockhand.log', 'dockhand.log.1', 'dockhand.log.2']);
    // The newest lines are in the live file, older ones in .1, then .2; each file is whole JSON lines.
    const live = await readLines(join(dir, 'logs', 'dockhand.log'));
    const one = await readLines(join(dir, 'logs', 'dockhand.log.1'));
    const two = await readLines(join(dir, 'logs', 'dockhand.log.2'));
    const numbers = [...two, ...one, ...live].map((l) => Number(String(l.msg).slice(5)));
    expect(numbers.at(-1)).toBe(total - 1);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(numbers.length).toBeLessThan(total); // the oldest rotated files were removed
  });

  it('drops entries logged after close without throwing', async () => {
    const log = createFileLogger({ dir });
    log.log('info', 'before');
    await log.close();
    log.log('info', 'after');
    await log.close();
    const lines = await readLines(join(dir, 'logs', 'dockhand.log'));
    expect(lines.map((l) => l.msg)).toEqual(['before']);
  });
});
