import type initSqlJs from 'sql.js';
import { DockhandError } from '../../../shared/errors.js';
import type { StatementEncoder, StatementMode } from './journal-record.js';
import type { SqlParams, SqlReader, SqlRunner, SqlValue } from './sql.js';

type Database = initSqlJs.Database;
type Statement = initSqlJs.Statement;

/**
 * Connection settings, applied on every open and after every export. journal_mode=MEMORY keeps
 * ROLLBACK working (OFF would not) while our own journal provides durability; foreign keys are on so
 * that live runs and replays enforce the same constraints.
 */
const PRAGMAS =
  'PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY; ' +
  'PRAGMA foreign_keys=ON; PRAGMA cache_size=-32000;';

/**
 * For new databases only (SQLite ignores it once the file has pages). sql.js pays per VFS call into its
 * in-memory file system, so big pages are much cheaper: measured at 100k orders, 64 KiB pages made bulk
 * inserts ~3x faster and export (the blocking part of a snapshot) 2x faster than 4 KiB pages.
 */
const NEW_DATABASE_PAGE_SIZE = 65536;

const STATEMENT_CACHE_SIZE = 256;

/** Statements that can never change the database, so a write transaction need not journal them. */
const READ_ONLY_SQL = /^\s*(select|values|explain)\b/i;

export function isReadOnlySql(sql: string): boolean {
  return READ_ONLY_SQL.test(sql);
}

/** Validates and normalises parameters: the same values are bound now and written to the journal. */
export function normalizeParams(params: SqlParams | undefined): SqlValue[] {
  if (!params || params.length === 0) return [];
  const out: SqlValue[] = new Array(params.length);
  for (let i = 0; i < params.length; i++) {
    const p = params[i] as unknown;
    if (p === null || p === undefined) out[i] = null;
    else if (typeof p === 'string' || typeof p === 'number') out[i] = p;
    else if (typeof p === 'boolean') out[i] = p ? 1 : 0;
    else if (p instanceof Uint8Array) out[i] = p;
    else
      throw new DockhandError(
        'internal',
        `SQL parameter ${i + 1} has unsupported type ${typeof p}; use string, number, null or Uint8Array`,
      );
  }
  return out;
}

/** One sql.js database with a small prepared-statement cache. */
export class SqlSession {
  private cache = new Map<string, Statement>();
  /**
   * Result column names per cached statement. sql.js's getAsObject asks SQLite for every name and decodes
   * it from UTF-8 on every row, which was the largest single JS cost of reading rows (about 1.8 s of the
   * 100k shipment upload). Names only change when the schema does, and schema changes only arrive through
   * scripts, which clear this.
   */
  private columns = new Map<Statement, string[]>();
  /** Statements executed so far: tells a stale lastInsertRowid read from a fresh one. */
  private executed = 0;

  constructor(private db: Database) {
    this.db.exec(`PRAGMA page_size=${NEW_DATABASE_PAGE_SIZE}`);
    this.applyPragmas();
  }

  applyPragmas(): void {
    this.db.exec(PRAGMAS);
  }

  private prepared(sql: string): Statement {
    let stmt = this.cache.get(sql);
    if (stmt) return stmt;
    stmt = this.db.prepare(sql);
    if (this.cache.size >= STATEMENT_CACHE_SIZE) {
      const oldest = this.cache.keys().next().value as string;
      const evicted = this.cache.get(oldest);
      if (evicted) {
        this.columns.delete(evicted);
        evicted.free();
      }
      this.cache.delete(oldest);
    }
    this.cache.set(sql, stmt);
    return stmt;
  }

  /** Frees cached statements (before export and close: older sql.js versions free them on export). */
  clearStatements(): void {
    for (const stmt of this.cache.values()) stmt.free();
    this.cache.clear();
    this.columns.clear();
  }

  exec(sql: string): void {
    this.columns.clear();
    this.db.exec(sql);
  }

  /** The current row as an object keyed by column name (what getAsObject returns, without its per-row cost). */
  private rowObject<T>(stmt: Statement): T {
    let names = this.columns.get(stmt);
    if (!names) {
      names = stmt.getColumnNames();
      this.columns.set(stmt, names);
    }
    const values = stmt.get();
    const row: Record<string, initSqlJs.SqlValue> = {};
    for (let i = 0; i < names.length; i++) row[names[i]] = values[i];
    return row as T;
  }

  /** Executes one statement as recorded; `script` may hold several statements and takes no parameters. */
  execute(mode: StatementMode, sql: string, params: SqlValue[]): void {
    this.executed += 1;
    if (mode === 'script') {
      this.columns.clear();
      this.db.run(sql);
      return;
    }
    const stmt = this.prepared(sql);
    try {
      stmt.bind(params as initSqlJs.BindParams);
      while (stmt.step()) {
        /* run RETURNING statements to completion */
      }
    } finally {
      stmt.reset();
    }
  }

  /**
   * The row id is asked of SQLite only when read (one more statement through sql.js, and most runs are
   * updates that never read it), and only right after its statement: a later read would see another
   * statement's id, so it throws instead.
   */
  run(sql: string, params: SqlValue[]): { changes: number; lastInsertRowid: number } {
    this.execute(params.length === 0 ? 'script' : 'single', sql, params);
    const changes = this.db.getRowsModified();
    const executedAt = this.executed;
    const rowId = (): number => {
      if (this.executed !== executedAt) {
        throw new DockhandError('internal', 'lastInsertRowid was read after another statement ran; read it right after run()');
      }
      return this.lastInsertRowid();
    };
    return {
      changes,
      get lastInsertRowid(): number {
        return rowId();
      },
    };
  }

  private lastInsertRowid(): number {
    const stmt = this.prepared('SELECT last_insert_rowid()');
    try {
      stmt.step();
      return Number(stmt.get()[0]);
    } finally {
      stmt.reset();
    }
  }

  get<T>(sql: string, params: SqlValue[]): T | undefined {
    this.executed += 1;
    const stmt = this.prepared(sql);
    try {
      stmt.bind(params as initSqlJs.BindParams);
      return stmt.step() ? this.rowObject<T>(stmt) : undefined;
    } finally {
      stmt.reset();
    }
  }

  all<T>(sql: string, params: SqlValue[]): T[] {
    this.executed += 1;
    const stmt = this.prepared(sql);
    try {
      stmt.bind(params as initSqlJs.BindParams);
      const rows: T[] = [];
      while (stmt.step()) rows.push(this.rowObject<T>(stmt));
      return rows;
    } finally {
      stmt.reset();
    }
  }

  /** Whole-database image; statements are re-prepared afterwards. */
  export(): Uint8Array {
    this.clearStatements();
    const image = this.db.export();
    this.applyPragmas();
    return image;
  }

  close(): void {
    this.clearStatements();
    this.db.close();
  }

  reader(): SqlReader {
    return {
      get: <T>(sql: string, params?: SqlParams) => this.get<T>(sql, normalizeParams(params)),
      all: <T>(sql: string, params?: SqlParams) => this.all<T>(sql, normalizeParams(params)),
    };
  }

  /** A runner that journals, in order, every statement that succeeded and could have changed the data. */
  recordingRunner(encoder: StatementEncoder): SqlRunner {
    return {
      run: (sql, params) => {
        const p = normalizeParams(params);
        const result = this.run(sql, p);
        encoder.add(p.length === 0 ? 'script' : 'single', sql, p);
        return result;
      },
      get: <T>(sql: string, params?: SqlParams) => {
        const p = normalizeParams(params);
        const row = this.get<T>(sql, p);
        if (!isReadOnlySql(sql)) encoder.add('single', sql, p);
        return row;
      },
      all: <T>(sql: string, params?: SqlParams) => {
        const p = normalizeParams(params);
        const rows = this.all<T>(sql, p);
        if (!isReadOnlySql(sql)) encoder.add('single', sql, p);
        return rows;
      },
    };
  }
}
