import { DockhandError } from '../../../shared/errors.js';
import type { Migration } from './migration.js';
import type { SqlReader, SqlRunner } from './sql.js';

export const MIGRATIONS_TABLE = 'schema_migrations';

/** Checks the list once: positive integer versions, strictly ascending, unique. */
export function checkMigrations(migrations: readonly Migration[]): Migration[] {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  for (let i = 0; i < sorted.length; i++) {
    const m = sorted[i];
    if (!Number.isInteger(m.version) || m.version < 1)
      throw new DockhandError('internal', `migration "${m.name}" has an invalid version ${m.version}`);
    if (i > 0 && sorted[i - 1].version === m.version)
      throw new DockhandError('internal', `two migrations share version ${m.version}`);
  }
  return sorted;
}

/** Highest applied version, 0 for a database that has never been migrated. */
export function schemaVersion(db: SqlReader): number {
  const table = db.get(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`, [MIGRATIONS_TABLE]);
  if (!table) return 0;
  const row = db.get<{ v: number | null }>(`SELECT MAX(version) AS v FROM ${MIGRATIONS_TABLE}`);
  return row?.v ?? 0;
}

/** Refuses a database written by a newer Dockhand: its schema may mean things this code does not know. */
export function assertKnownVersion(current: number, migrations: readonly Migration[]): void {
  const known = migrations.at(-1)?.version ?? 0;
  if (current > known) {
    throw new DockhandError(
      'config',
      `The database schema is at version ${current}, newer than this Dockhand knows (${known}). ` +
        'It was written by a newer Dockhand; update Dockhand to open it.',
    );
  }
}

/** Statements of one migration's transaction; `appliedAt` is a parameter so replay is deterministic. */
export function applyMigration(db: SqlRunner, m: Migration, appliedAt: string): void {
  db.run(
    `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
  );
  m.up(db);
  db.run(`INSERT INTO ${MIGRATIONS_TABLE} (version, name, applied_at) VALUES (?, ?, ?)`, [m.version, m.name, appliedAt]);
}
