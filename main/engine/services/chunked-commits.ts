import type { SqlRunner } from '../store/sql.js';
import { throwIfAborted, type RunContext } from './run-context.js';

/** Lets the event loop run what waits (a screen's request) before the next stretch of work takes the thread. */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Saves a file's items in write transactions of `perCommit` items each, so a big file never holds the
 * engine thread (and the screens) in one long transaction, and gives the event loop a turn between
 * transactions so the screens are answered while it applies. A chunk is applied while the one before it
 * is still being made durable (its journal fsync), so the turns cost little speed. The last chunk (`last`:
 * where the caller records the file as done) is applied only once every chunk before it is durable, and
 * this resolves only once all of them are: the caller may then acknowledge the file (archive it).
 * At least one transaction runs, with an empty slice for no items, so an empty file is recorded too.
 * Each chunk must be safe to apply again after a crash (the file is read again until it is archived).
 * Progress is reported as the number of items durable, or of what `apply` counts when it returns a count
 * (the shipments a chunk of a confirmation file saved).
 */
export async function commitInChunks<T>(
  rc: RunContext,
  items: readonly T[],
  perCommit: number,
  apply: (db: SqlRunner, slice: readonly T[], last: boolean) => number | void,
): Promise<void> {
  let durable = 0;
  let previous: Promise<number> | undefined;
  const settle = async () => {
    if (!previous) return;
    const p = previous;
    previous = undefined;
    durable += await p;
    rc.progress(durable);
  };
  for (let i = 0; i < items.length || i === 0; i += perCommit) {
    const last = i + perCommit >= items.length;
    if (last) await settle();
    // A turn before every transaction but the first, so a waiting screen is answered between any two.
    if (i > 0) await nextTurn();
    throwIfAborted(rc.signal);
    const slice = items.slice(i, i + perCommit);
    let ran = false;
    const current = rc.store.write((db) => {
      const counted = apply(db, slice, last);
      ran = true;
      return typeof counted === 'number' ? counted : slice.length;
    });
    // Awaited below or in settle(): a failure is thrown from there. Marked handled now, since an earlier
    // chunk's failure (thrown by settle) can leave this one never awaited.
    current.catch(() => {});
    // A write that did not run at once (it failed, or waits for the store to take writes again) is
    // awaited before any other chunk is applied; the others are awaited after the next one is applied.
    if (!ran) {
      await settle();
      durable += await current;
      rc.progress(durable);
      continue;
    }
    await settle();
    previous = current;
  }
  await settle();
}
