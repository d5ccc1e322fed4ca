import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJsonFileLogger } from '../../../main/host/json-logger.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dockhand-log-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the JSON file logger', () => {
  it('writes one JSON object per line with level, message and fields, child fields included', async () => {
    const file = join(dir, 'logs', 'server.log');
    const log = createJsonFileLogger({ file });
    log.child({ cartId: 3 }).log('info', 'downloaded', { orders: 12 });
    log.log('debug', 'below the level');
    await log.close();
    const lines = (await readFile(file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'downloaded', cartId: 3, orders: 12 });
    expect(new Date(lines[0].time).toISOString()).toBe(lines[0].time);
  });

  it('never writes a secret-named field, however deep', async () => {
    const file = join(dir, 'server.log');
    const log = createJsonFileLogger({ file });
    log.log('warn', 'login failed', {
      password: 'hunter2',
      credentials: { accessToken: 'shpat_x' },
      nested: { headers: { Authorization: 'Bearer abc', 'X-Shopify-Access-Token': 'shpat_y' } },
      error: new Error('boom'),
    });
    await log.close();
    const text = await readFile(file, 'utf8');
    for (const secret of ['hunter2', 'shpat_x', 'shpat_y', 'Bearer abc']) expect(text).not.toContain(secret);
    expect(JSON.parse(text).error.message).toBe('boom');
  });
});
