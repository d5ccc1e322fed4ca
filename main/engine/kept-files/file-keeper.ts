import type { KeptFileKind } from '../store/repositories/kept-files-repo.js';

/**
 * The port the services keep files through (issue 11, file lifecycle): every file sent to or picked up
 * from the WMS, and every CSV order-source file read, is kept locally for 30 days for the Files screen.
 * Keeping is a side duty: it must never block or fail the sync it belongs to, so both methods resolve
 * (never reject) and say whether the file was kept.
 */
export interface FileKeeper {
  keepSent(file: FileToKeep): Promise<boolean>;
  keepReceived(file: FileToKeep): Promise<boolean>;
}

/** A problem with one line of a kept file, in the words the run reported it. */
export interface FileProblem {
  /** 1-based line in the file, when the problem is about one line. */
  line?: number;
  reason: string;
}

export interface FileToKeep {
  merchantId: number | null;
  cartId?: number | null;
  kind: KeptFileKind;
  /** Where the file was at the WMS or source (relative to the transport root), or its name alone. */
  remotePath: string;
  name: string;
  content: Uint8Array;
  /** Rows applied or written: orders in an order file, rows read from an inbound file. */
  rows: number;
  /** Every problem of the file; only the first few are stored in words, all are counted. */
  problems: readonly FileProblem[];
}

/** The keeper's own tally since the engine started: files it failed to keep are counted, never thrown. */
export interface FileKeeperStats {
  kept: number;
  failed: number;
  lastFailure?: string;
}
