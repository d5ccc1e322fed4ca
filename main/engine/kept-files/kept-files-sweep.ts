import { readdir, rmdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Clock, Logger } from '../platform/ports.js';
import { allKeptPaths, deleteKeptFiles, keptFilesBefore } from '../store/repositories/kept-files-repo.js';
import type { Store } from '../store/sql.js';

/** Kept files live this long. */
export const KEPT_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * A file without a row is only removed once this old: the keeper writes the file before its row, so a
 * younger one may be a keep still under way.
 */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;
/** Rows deleted per write transaction (keeps each commit small). */
const SWEEP_CHUNK = 500;

export interface SweepDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  root: string;
}

export interface SweepResult {
  /** Rows older than 30 days removed with their files. */
  expired: number;
  /** Rows whose file was gone. */
  rowsWithoutFile: number;
  /** Files (or temporary files) no row named. */
  filesWithoutRow: number;
}

const ignoreMissing = (err: unknown) => {
  if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
};

/**
 * Removes kept files older than 30 days, files first and rows second, so a crash mid-sweep leaves rows
 * whose files are gone: the next sweep finds them still old and finishes (unlinking a missing file is
 * fine). Then it tidies what any crash left: a row without its file, a file (or temporary file) without
 * a row, an empty day folder. Running it twice does nothing the second time.
 */
export async function sweepKeptFiles(deps: SweepDeps): Promise<SweepResult> {
  const now = deps.clock.now().getTime();
  const cutoff = new Date(now - KEPT_DAYS * DAY_MS).toISOString();
  const result: SweepResult = { expired: 0, rowsWithoutFile: 0, filesWithoutRow: 0 };
  for (;;) {
    const old = await deps.store.read((db) => keptFilesBefore(db, cutoff, SWEEP_CHUNK));
    if (old.length === 0) break;
    for (const f of old) await unlink(fullPath(deps.root, f.keptPath)).catch(ignoreMissing);
    await deps.store.write((db) => deleteKeptFiles(db, old.map((f) => f.id)));
    result.expired += old.length;
  }

  const onDisk = await listKept(deps.root);
  const rows = await deps.store.read((db) => allKeptPaths(db));
  const named = new Set(rows.map((r) => r.keptPath));
  const missing = rows.filter((r) => !onDisk.has(r.keptPath)).map((r) => r.id);
  for (let at = 0; at < missing.length; at += SWEEP_CHUNK) {
    const ids = missing.slice(at, at + SWEEP_CHUNK);
    await deps.store.write((db) => deleteKeptFiles(db, ids));
  }
  result.rowsWithoutFile = missing.length;

  // Files are aged by their own modification time (the disk's clock, not the engine's).
  const diskNow = Date.now();
  for (const [keptPath, mtimeMs] of onDisk) {
    if (named.has(keptPath) || diskNow - mtimeMs < ORPHAN_GRACE_MS) continue;
    await unlink(fullPath(deps.root, keptPath)).catch(ignoreMissing);
    result.filesWithoutRow++;
  }
  await removeEmptyDays(deps.root, cutoff.slice(0, 10));
  if (result.expired + result.rowsWithoutFile + result.filesWithoutRow > 0) deps.log.log('info', 'Kept files swept', { ...result });
  return result;
}

function fullPath(root: string, keptPath: string): string {
  return path.join(root, ...keptPath.split('/'));
}

/** Every file under `<root>/<day>/`, by its kept path, with its modification time. */
async function listKept(root: string): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  const days = await readdir(root, { withFileTypes: true }).catch((err: unknown) => (ignoreMissing(err), []));
  for (const day of days) {
    if (!day.isDirectory()) continue;
    const files = await readdir(path.join(root, day.name), { withFileTypes: true }).catch((err: unknown) => (ignoreMissing(err), []));
    for (const f of files) {
      if (!f.isFile()) continue;
      const info = await stat(path.join(root, day.name, f.name)).catch((err: unknown) => (ignoreMissing(err), undefined));
      if (info) found.set(`${day.name}/${f.name}`, info.mtimeMs);
    }
  }
  return found;
}

/** Day folders older than the cutoff day that are empty now (a non-empty one is left: rmdir refuses). */
async function removeEmptyDays(root: string, cutoffDay: string): Promise<void> {
  const days = await readdir(root, { withFileTypes: true }).catch((err: unknown) => (ignoreMissing(err), []));
  for (const day of days) {
    if (day.isDirectory() && day.name < cutoffDay) await rmdir(path.join(root, day.name)).catch(() => {});
  }
}

/** The daily sweep: once soon after start, then every 24 hours; `stop` waits for a sweep under way. */
export function startKeptFilesSweep(deps: SweepDeps, options: { firstDelayMs?: number } = {}): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const run = () => {
    if (stopped) return;
    running = sweepKeptFiles(deps).catch((err: unknown) =>
      deps.log.log('warn', 'Sweeping kept files failed; tried again tomorrow', { error: err instanceof Error ? err.message : String(err) }),
    );
  };
  const first = setTimeout(run, options.firstDelayMs ?? 60_000);
  const daily = setInterval(run, DAY_MS);
  first.unref();
  daily.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(daily);
      await running;
    },
  };
}
