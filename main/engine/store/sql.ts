/**
 * The store's narrow SQL surface. Repositories use only this, with plain SQL that SQLite and
 * PostgreSQL both accept where that is easy (DESIGN.md: keep the PostgreSQL door open).
 */

export type SqlValue = string | number | null | Uint8Array;
export type SqlParams = readonly SqlValue[];

export interface SqlReader {
  get<T = Record<string, SqlValue>>(sql: string, params?: SqlParams): T | undefined;
  all<T = Record<string, SqlValue>>(sql: string, params?: SqlParams): T[];
}

export interface SqlRunner extends SqlReader {
  run(sql: string, params?: SqlParams): { changes: number; lastInsertRowid: number };
}

export interface StoreMetrics {
  /**
   * Milliseconds each durable commit added after its statements ran: from its COMMIT to the end of the
   * journal fdatasync that covered it (as seen by the journal thread, so time the engine thread spends
   * busy elsewhere before noticing is not counted).
   */
  commitMs: number[];
  /** Bytes appended to the journal per commit. */
  commitBytes: number[];
  /** Milliseconds of each journal fdatasync (one may cover several commits: group commit). */
  fsyncMs?: number[];
  snapshots: number;
  lastSnapshotMs?: number;
  journalBytes: number;
}

/**
 * Whether the store can save. While it cannot (disk full or failing), reads answer from what is on disk
 * and writes are refused with a `storage` error; it probes the disk and resumes by itself.
 */
export type StoreHealth =
  | { writable: true }
  | {
      writable: false;
      /** The errno that stopped the journal (ENOSPC, EIO...), when known. */
      code: string | undefined;
      /** The store folder on the disk concerned. */
      dir: string;
      /** What a person sees: which disk, what is wrong, what happens now. */
      message: string;
      /** ISO UTC. */
      since: string;
    };

export interface Store {
  /** Run read-only statements on a state that is durable (waits for commits still being fsynced). */
  read<T>(fn: (db: SqlReader) => T): Promise<T>;
  /**
   * Run `fn` as one write transaction. Resolves only once the transaction is durable on disk
   * (persist before acknowledge); rejects, with nothing applied, when `fn` throws.
   * `fn` is synchronous on purpose: no other transaction can interleave with it.
   */
  write<T>(fn: (db: SqlRunner) => T): Promise<T>;
  /** Fold the journal into a full snapshot now (normally done in the background). */
  snapshot(): Promise<void>;
  /** Size of the in-memory database in bytes. */
  sizeBytes(): number;
  metrics(): StoreMetrics;
  health(): StoreHealth;
  /** Snapshot, release files. */
  close(): Promise<void>;
}
