import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../main/engine/platform/ports.js';
import { createFolderTransport } from '../../../../main/engine/transports/folder-transport.js';
import type { Transport } from '../../../../main/engine/transports/transport.js';
import { rejection } from '../../../support/rejection.js';

const ctx = () => ({ log: silentLogger, signal: new AbortController().signal });


describe('folder transport', () => {
  let root: string;
  let transport: Transport;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'dockhand-folder-'));
    transport = createFolderTransport({ kind: 'folder', path: root }, ctx());
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('writes the file under its final name complete, creating folders, and leaves no temporary file', async () => {
    await transport.writeAtomic('acme/orders', 'orders-b1.csv', Buffer.from('a,b\n'));
    expect(readFileSync(join(root, 'acme/orders/orders-b1.csv'), 'utf8')).toBe('a,b\n');
    expect(await readdir(join(root, 'acme/orders'))).toEqual(['orders-b1.csv']);
  });

  it('replaces the file on a resend and overwrites a temporary file a crashed write left behind', async () => {
    await mkdir(join(root, 'o'));
    await writeFile(join(root, 'o', '.same.csv.part'), 'half of an old wri');
    await transport.writeAtomic('o', 'same.csv', Buffer.from('one'));
    await transport.writeAtomic('o', 'same.csv', Buffer.from('two'));
    expect(readFileSync(join(root, 'o/same.csv'), 'utf8')).toBe('two');
    expect(await readdir(join(root, 'o'))).toEqual(['same.csv']);
  });

  it('lists regular files oldest first, skipping temporary files and subfolders, and reads them', async () => {
    const dir = join(root, 'in');
    await mkdir(join(dir, 'archive'), { recursive: true });
    await writeFile(join(dir, 'late.csv'), 'late');
    await writeFile(join(dir, 'early.csv'), 'early');
    await writeFile(join(dir, '.x.csv.part'), '');
    await writeFile(join(dir, 'y.tmp'), '');
    await utimes(join(dir, 'late.csv'), new Date('2026-03-02T00:00:00Z'), new Date('2026-03-02T00:00:00Z'));
    await utimes(join(dir, 'early.csv'), new Date('2026-03-01T00:00:00Z'), new Date('2026-03-01T00:00:00Z'));
    expect(await transport.list('in')).toEqual([
      { path: 'in/early.csv', name: 'early.csv', size: 5, modifiedAt: '2026-03-01T00:00:00.000Z' },
      { path: 'in/late.csv', name: 'late.csv', size: 4, modifiedAt: '2026-03-02T00:00:00.000Z' },
    ]);
    expect((await transport.read('in/late.csv')).toString()).toBe('late');
  });

  it('moves files into archive and error, replacing a same-named file there', async () => {
    await mkdir(join(root, 'in/archive'), { recursive: true });
    await writeFile(join(root, 'in/archive/f.csv'), 'old');
    await writeFile(join(root, 'in/f.csv'), 'new');
    await writeFile(join(root, 'in/g.csv'), 'bad');
    await transport.move('in/f.csv', 'in/archive');
    await transport.move('in/g.csv', 'in/error');
    expect(readFileSync(join(root, 'in/archive/f.csv'), 'utf8')).toBe('new');
    expect(readFileSync(join(root, 'in/error/g.csv'), 'utf8')).toBe('bad');
    expect(await transport.exists('in/f.csv')).toBe(false);
    expect(await transport.exists('in/archive/f.csv')).toBe(true);
  });

  it('creates the merchant folders when testing but never the root folder itself', async () => {
    await transport.test(['acme/orders', 'acme/confirmations']);
    expect(existsSync(join(root, 'acme/confirmations'))).toBe(true);

    const missing = createFolderTransport({ kind: 'folder', path: join(root, 'not-mounted') }, ctx());
    const err = await rejection(missing.test(['acme/orders']));
    expect(err.kind).toBe('config');
    expect(err.message).toContain(join(root, 'not-mounted'));
    expect(existsSync(join(root, 'not-mounted'))).toBe(false);
  });

  it('names a missing folder in a config error and refuses paths that leave the root', async () => {
    const err = await rejection(transport.list('nope'));
    expect(err.kind).toBe('config');
    expect(err.message).toContain(join(root, 'nope'));
    expect((await rejection(transport.read('../outside.csv'))).kind).toBe('config');
  });
});
