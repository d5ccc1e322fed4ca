import { open } from 'node:fs/promises';
import type initSqlJs from 'sql.js';
import type { DockhandError } from '../../../shared/errors.js';
import type { Logger } from '../platform/ports.js';
import { JournalWriter, type JournalFailure, type SimulatedDisk } from './journal-writer.js';
import type { RecoveredStore, StoreAlertInfo } from './recover.js';
import type { StoreHealth } from './sql.js';

/** What the store needs, besides its state, to rebuild that state from disk and start a journal again. */
export interface StoreIo {
  SQL: initSqlJs.SqlJsStatic;
  log: Logger;
  alert: (message: string, info: StoreAlertInfo) => void;
  onHealthChange: (health: StoreHealth) => void;
  releaseLock: () => Promise<void>;
  readChunkBytes?: number;
  failJournalSyncAtSeq?: number;
  simulatedDisk?: SimulatedDisk;
  diskProbeEveryMs: number;
  diskProbeOnWriteAfterMs: number;
}

/** Starts the journal writer of a freshly recovered state; closes what recovery opened if it cannot. */
export async function startJournal(dir: string, recovered: RecoveredStore, io: StoreIo, onFailure: (err: JournalFailure) => void): Promise<JournalWriter> {
  const journal = new JournalWriter(dir, recovered.segment, recovered.appliedSeq, recovered.ack, onFailure, {
    failSyncAtSeq: io.failJournalSyncAtSeq,
    simulatedDisk: io.simulatedDisk,
  });
  // The injected fsync failure is one fault of the disk, not of every journal started after it.
  io.failJournalSyncAtSeq = undefined;
  try {
    await journal.ready;
    return journal;
  } catch (err) {
    await journal.close().catch(() => {});
    throw err;
  }
}

/** The store cannot save: why, since when, and the error every write gets meanwhile. */
export interface ReadOnly {
  code: string | undefined;
  error: DockhandError;
  since: string;
  /** Where the durable bytes of the segment being written end, when the journal thread could tell. */
  durableAt: { segmentFirstSeq: number; end: number } | undefined;
}

/** Cuts a file to `size` bytes (no fsync: used where the cut is a precaution). */
export async function truncateFile(path: string, size: number): Promise<void> {
  const fh = await open(path, 'r+');
  try {
    await fh.truncate(size);
  } finally {
    await fh.close();
  }
}
