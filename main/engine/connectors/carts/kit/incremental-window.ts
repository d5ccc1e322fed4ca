import { DockhandError } from '../../../../../shared/errors.js';
import { toUtcIso } from './utc-time.js';

/**
 * The incremental order download on a modified-since field (updated_at, date_modified, min_date_modified),
 * platform-neutral: an order is an id and its updatedAt. Ids are not commit order, so the download asks
 * from the high-water mark minus an overlap window (orders committed late with an older updatedAt are not
 * lost) and de-duplicates what the overlap re-reads.
 *
 * The saved position (a JSON string the kit owns; Shopify has saved this exact shape since its first
 * release, so old positions in users' databases resume where they stopped):
 * - updatedAt: the highest updatedAt seen so far (UTC);
 * - createdAtMin: the earliest order date of the first run, kept so an old order that changes later is
 *   not imported as if it were new;
 * - recent: id -> updatedAt of orders already handed over inside the overlap window.
 * A bare timestamp is read as { updatedAt } (people edit the position in Diagnostics).
 */
export interface WindowPosition {
  v: 1;
  updatedAt: string;
  createdAtMin?: string;
  recent?: Record<string, string>;
}

/** Re-read this far behind the high-water mark. */
export const DEFAULT_OVERLAP_MS = 5 * 60_000;
/** Bounds the position's size (it is saved with every page). */
export const DEFAULT_MAX_RECENT = 200;

export interface WindowOptions {
  /** Names the platform in the message about a position that cannot be read ("Shopify"). */
  platformName: string;
  overlapMs?: number;
  maxRecent?: number;
  /**
   * Never split a second when bounding the remembered hand-overs: the second that reaches maxRecent is
   * kept whole, the high-water second always. For platforms that keep times to the second, where a mass
   * action saves thousands of orders in one second: an order of that second left out of the position
   * would be handed over again, same version, by the next run's overlap. Bounded by maxRecent plus what
   * one second holds.
   */
  wholeSeconds?: boolean;
}

export interface WindowStart extends WindowOptions {
  /** The saved position, or null on the first run. */
  saved: string | null;
  /** First run only: orders created before this are not downloaded. */
  earliestOrderDate: string;
}

/** Reads a saved position; null when none is saved. Throws config (reset it in Diagnostics) when unreadable. */
export function parseWindowPosition(text: string | null, platformName: string): WindowPosition | null {
  if (text === null || text.trim() === '') return null;
  const trimmed = text.trim();
  const bare = toUtcIso(trimmed);
  if (bare) return { v: 1, updatedAt: bare };
  const invalid = (why: string) =>
    new DockhandError('config', `The saved ${platformName} sync position is not valid (${why}); reset it in Diagnostics`);
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    throw invalid('it is not JSON');
  }
  if (typeof value !== 'object' || value === null) throw invalid('it is not an object');
  const obj = value as Record<string, unknown>;
  const updatedAt = toUtcIso(obj.updatedAt);
  if (!updatedAt) throw invalid('updatedAt is not a timestamp with a zone');
  const position: WindowPosition = { v: 1, updatedAt };
  const createdAtMin = toUtcIso(obj.createdAtMin);
  if (createdAtMin) position.createdAtMin = createdAtMin;
  if (typeof obj.recent === 'object' && obj.recent !== null) {
    const recent: Record<string, string> = {};
    for (const [id, at] of Object.entries(obj.recent as Record<string, unknown>)) {
      if (typeof at === 'string') recent[id] = at;
    }
    position.recent = recent;
  }
  return position;
}

export function serializeWindowPosition(position: WindowPosition): string {
  return JSON.stringify(position);
}

/**
 * Keeps only the hand-overs inside the overlap window below the high-water mark, newest first, bounded by
 * maxRecent; with wholeSeconds, the second that reaches the bound is kept whole (see WindowOptions).
 */
export function pruneRecent(
  recent: Map<string, string>,
  highWater: string,
  overlapMs = DEFAULT_OVERLAP_MS,
  maxRecent = DEFAULT_MAX_RECENT,
  wholeSeconds = false,
): Record<string, string> {
  const floor = new Date(Date.parse(highWater) - overlapMs).toISOString();
  const kept = [...recent.entries()].filter(([, at]) => at >= floor).sort((a, b) => (a[1] < b[1] ? 1 : -1));
  let end = Math.min(maxRecent, kept.length);
  if (wholeSeconds && end > 0) {
    // Carry on past the bound to the end of the last kept entry's second (ISO UTC text: its first 19 characters).
    const second = kept[end - 1][1].slice(0, 19);
    while (end < kept.length && kept[end][1].slice(0, 19) === second) end++;
  }
  return Object.fromEntries(kept.slice(0, end));
}

/**
 * One run's walk through the window. Per page: observe() every item's updatedAt first (before any item
 * is filtered out or found invalid, or the position freezes on a page of bad items), then for each good
 * order ask alreadyHandedOver() and handOver(), then save positionAfterPage() with the page's orders.
 */
export class IncrementalWindow {
  /** Ask the platform for orders modified at or after this (UTC ISO). */
  readonly since: string;
  /** Ask the platform for orders created at or after this, when it is set (UTC ISO). */
  readonly createdAtMin: string | undefined;
  private high: string;
  private readonly recent: Map<string, string>;
  private readonly overlapMs: number;
  private readonly maxRecent: number;
  private readonly wholeSeconds: boolean;

  constructor(start: WindowStart) {
    this.overlapMs = start.overlapMs ?? DEFAULT_OVERLAP_MS;
    this.maxRecent = start.maxRecent ?? DEFAULT_MAX_RECENT;
    this.wholeSeconds = start.wholeSeconds === true;
    const saved = parseWindowPosition(start.saved, start.platformName);
    if (saved) {
      this.createdAtMin = saved.createdAtMin;
      this.high = saved.updatedAt;
      this.since = new Date(Date.parse(saved.updatedAt) - this.overlapMs).toISOString();
    } else {
      const earliest = toUtcIso(start.earliestOrderDate);
      if (!earliest) {
        throw new DockhandError('config', `The earliest order date is not a valid timestamp (${start.earliestOrderDate})`, {
          fields: { earliestOrderDate: 'Enter a date and time' },
        });
      }
      this.createdAtMin = earliest;
      this.high = earliest;
      this.since = earliest;
    }
    this.recent = new Map(Object.entries(saved?.recent ?? {}));
  }

  /** The highest updatedAt seen so far, saved position included. */
  get highWater(): string {
    return this.high;
  }

  /** Raises the high-water mark from a page's items; values that are not timestamps with a zone are ignored. */
  observe(updatedAts: Iterable<unknown>): void {
    for (const value of updatedAts) {
      const at = toUtcIso(value);
      if (at && at > this.high) this.high = at;
    }
  }

  /** True when this order, unchanged since, was handed over already (a re-read of the overlap window). */
  alreadyHandedOver(id: string, updatedAt: string): boolean {
    return this.recent.get(id) === updatedAt;
  }

  /** Remembers that this version of the order was handed over, so the next overlap does not repeat it. */
  handOver(id: string, updatedAt: string): void {
    this.recent.set(id, updatedAt);
  }

  /** The position to save with the page just read. Never behind the one the run started from. */
  positionAfterPage(): string {
    const kept = pruneRecent(this.recent, this.high, this.overlapMs, this.maxRecent, this.wholeSeconds);
    this.recent.clear();
    for (const [id, at] of Object.entries(kept)) this.recent.set(id, at);
    const position: WindowPosition = { v: 1, updatedAt: this.high, recent: kept };
    if (this.createdAtMin) position.createdAtMin = this.createdAtMin;
    return serializeWindowPosition(position);
  }
}
