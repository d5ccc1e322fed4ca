import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadPatchedInitSqlJs, loadSqlJs } from '../../../../main/engine/store/sqljs-loader.js';

describe('the sql.js loader', () => {
  it('applies the faster MEMFS growth to the installed sql.js (an upgrade that drops it is noticed here)', () => {
    expect(loadPatchedInitSqlJs(createRequire(import.meta.url)).patched).toBe(true);
  });

  it('gives a database that grows through many steps, exports and reopens intact', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, data TEXT)');
    db.exec('BEGIN');
    const insert = db.prepare('INSERT INTO t (data) VALUES (?)');
    for (let i = 0; i < 6000; i++) insert.run([`row ${i} `.padEnd(1500, 'x')]);
    insert.free();
    db.exec('COMMIT');
    const image = db.export();
    db.close();
    expect(image.byteLength).toBeGreaterThan(8_000_000);

    const reopened = new SQL.Database(image);
    expect(reopened.exec('PRAGMA integrity_check')[0].values).toEqual([['ok']]);
    expect(reopened.exec('SELECT COUNT(*), MAX(id) FROM t')[0].values).toEqual([[6000, 6000]]);
    expect(reopened.exec('SELECT data FROM t WHERE id = 4321')[0].values[0][0]).toMatch(/^row 4320 x+$/);
    reopened.close();
  });
});
