import { describe, expect, it } from 'vitest';
import { SqlSession } from '../../../../main/engine/store/sql-session.js';
import { loadSqlJs } from '../../../../main/engine/store/sqljs-loader.js';

async function session(): Promise<SqlSession> {
  const SQL = await loadSqlJs();
  const s = new SqlSession(new SQL.Database());
  s.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, note TEXT); INSERT INTO t (name, note) VALUES ('a', NULL), ('b', 'x')");
  return s;
}

describe('a SQL session', () => {
  it('returns rows as objects keyed by column name and alias, with nulls kept', async () => {
    const s = await session();
    const reader = s.reader();
    expect(reader.all('SELECT id, name AS label, note FROM t ORDER BY id')).toEqual([
      { id: 1, label: 'a', note: null },
      { id: 2, label: 'b', note: 'x' },
    ]);
    expect(reader.get('SELECT name FROM t WHERE id = ?', [2])).toEqual({ name: 'b' });
    expect(reader.get('SELECT name FROM t WHERE id = ?', [9])).toBeUndefined();
    s.close();
  });

  it('sees a column added after a statement was cached (its column names are not kept across a schema change)', async () => {
    const s = await session();
    const reader = s.reader();
    expect(reader.get('SELECT * FROM t WHERE id = ?', [1])).toEqual({ id: 1, name: 'a', note: null });
    s.run('ALTER TABLE t ADD COLUMN qty INTEGER DEFAULT 3', []);
    expect(reader.get('SELECT * FROM t WHERE id = ?', [1])).toEqual({ id: 1, name: 'a', note: null, qty: 3 });
    s.exec('ALTER TABLE t RENAME COLUMN qty TO quantity');
    expect(reader.all('SELECT * FROM t WHERE id = ?', [2])).toEqual([{ id: 2, name: 'b', note: 'x', quantity: 3 }]);
    s.close();
  });
});

describe('a SQL session run', () => {
  it('gives the id of the row it inserted, and refuses to give it once another statement ran', async () => {
    const s = await session();
    const inserted = s.run('INSERT INTO t (name) VALUES (?)', ['c']);
    expect(inserted.changes).toBe(1);
    expect(inserted.lastInsertRowid).toBe(3);
    const next = s.run('INSERT INTO t (name) VALUES (?)', ['d']);
    expect(() => inserted.lastInsertRowid).toThrow(/after another statement/);
    expect(next.lastInsertRowid).toBe(4);
    expect(s.run('UPDATE t SET note = ? WHERE id > ?', ['y', 1]).changes).toBe(3);
    s.close();
  });
});
