import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadPatchedInitSqlJs, loadSqlJs } from '../../../../main/engine/store/sqljs-loader.js';

describe('the sql.js loader', () => {
  it('applies the faster MEMFS growth to the installed sql.js (an upgrade that drops it is noticed here)', () => {
    expect(loadPatchedInitSqlJs(createRequire(import.meta.url)).patched).toBe(true);
  });

  it('binds text through the faster patch to the installed sql.js (an upgrade that drops it is noticed here)', () => {
    expect(loadPatchedInitSqlJs(createRequire(import.meta.url)).fastTextBinding).toBe(true);
  });

  it('stores every string bound through the patched bind as the same bytes as stock sql.js, however long or unusual', async () => {
    const stock = await (createRequire(import.meta.url)('sql.js') as typeof import('sql.js').default)();
    const patched = await loadSqlJs();
    const strings = [
      '',
      'plain ASCII',
      'Müller — café ½ 😀 漢字',
      'ends in é',
      '\u0000 inside',
      'lone \ud800 surrogate and \udfff too',
      'x'.repeat(200_000) + 'é', // beyond the scratch buffer's first size: it grows
      '😀'.repeat(30_000),
    ];
    const bytesOf = (SQL: typeof stock) => {
      const db = new SQL.Database();
      db.exec('CREATE TABLE t (s TEXT)');
      const insert = db.prepare('INSERT INTO t (s) VALUES (?)');
      for (const s of strings) insert.run([s]);
      // Several strings in one statement: each keeps its own bytes (SQLite copied them).
      insert.free();
      const several = db.prepare('SELECT hex(?1) || hex(?2) || hex(?3)');
      several.bind([strings[2], strings[1], strings[5]]);
      several.step();
      const joined = several.get()[0];
      several.free();
      const rows = db.exec('SELECT hex(s), length(s) FROM t ORDER BY rowid')[0].values;
      const found = db.exec(`SELECT COUNT(*) FROM t WHERE s = '${strings[2]}'`)[0].values[0][0];
      db.close();
      return { rows, joined, found };
    };
    const expected = bytesOf(stock);
    expect(expected.found).toBe(1);
    expect(bytesOf(patched)).toEqual(expected);
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
