/**
 * Work a write transaction saves for its end: a repository that adds up many small changes (the
 * Dashboard's tallies: +1/-1 per order moved) registers here and writes their sums once, through the
 * same runner, just before the store commits. The statements are journaled like any other, at the end
 * of the transaction's record, so a replay writes the same. A transaction that fails drops them.
 *
 * store.write runs its function synchronously, so the open transaction is this module's state, not the
 * runner's (services may wrap the runner they get): the innermost of a stack, should a write function
 * ever write to another store.
 */

const stack: Map<object, () => void>[] = [];

/** Called by the store around a write function: the transaction begins... */
export function beginTransactionWork(): void {
  stack.push(new Map());
}

/** ...and, after its function returned, runs what it saved for its end (which may itself throw: then no commit). */
export function finishTransactionWork(): void {
  const work = stack.at(-1);
  try {
    // Work registered while finishing runs too (a Map iterates over entries added during iteration).
    if (work) for (const fn of work.values()) fn();
  } finally {
    stack.pop();
  }
}

/** ...or failed: its saved work is dropped with it (once: after a failed finish there is none left). */
export function dropTransactionWork(work: 'finished' | 'open'): void {
  if (work === 'open') stack.pop();
}

/**
 * Run `fn` once at the end of the open write transaction (once per `key`, however often registered).
 * False when no transaction is open (a caller outside store.write): the caller does its work at once.
 */
export function atTransactionEnd(key: object, fn: () => void): boolean {
  const open = stack.at(-1);
  if (!open) return false;
  if (!open.has(key)) open.set(key, fn);
  return true;
}
