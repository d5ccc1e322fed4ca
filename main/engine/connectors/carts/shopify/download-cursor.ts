import { DockhandError } from '../../../../../shared/errors.js';
import { toUtcIso } from './values.js';

/**
 * The order download's sync position, saved by the service with each page's orders (a JSON string we own).
 * - updatedAt: the highest updatedAt seen so far (UTC); the next run asks from here minus the overlap.
 * - createdAtMin: the earliest order date of the first run, kept so an old order that changes later is
 *   not imported as if it were new.
 * - recent: id -> updatedAt of orders already handed over inside the overlap window, so the overlap does
 *   not hand the same unchanged order over again.
 */
export interface ShopifyDownloadCursor {
  v: 1;
  updatedAt: string;
  createdAtMin?: string;
  recent?: Record<string, string>;
}

/** Re-read this far behind the high-water mark: orders committed late with an older updatedAt are not lost. */
export const OVERLAP_MS = 5 * 60_000;
/** Bounds the cursor's size (it is saved with every page). */
export const MAX_RECENT = 200;

export function parseDownloadCursor(text: string | null): ShopifyDownloadCursor | null {
  if (text === null || text.trim() === '') return null;
  const trimmed = text.trim();
  // A bare timestamp is accepted too: people edit the position in Diagnostics.
  const bare = toUtcIso(trimmed);
  if (bare) return { v: 1, updatedAt: bare };
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
  const cursor: ShopifyDownloadCursor = { v: 1, updatedAt };
  const createdAtMin = toUtcIso(obj.createdAtMin);
  if (createdAtMin) cursor.createdAtMin = createdAtMin;
  if (typeof obj.recent === 'object' && obj.recent !== null) {
    const recent: Record<string, string> = {};
    for (const [id, at] of Object.entries(obj.recent as Record<string, unknown>)) {
      if (typeof at === 'string') recent[id] = at;
    }
    cursor.recent = recent;
  }
  return cursor;
}

export function serializeDownloadCursor(cursor: ShopifyDownloadCursor): string {
  return JSON.stringify(cursor);
}

/** Keeps only the hand-overs inside the overlap window below the high-water mark, newest first, bounded. */
export function pruneRecent(recent: Map<string, string>, highWater: string): Record<string, string> {
  const floor = new Date(Date.parse(highWater) - OVERLAP_MS).toISOString();
  const kept = [...recent.entries()].filter(([, at]) => at >= floor).sort((a, b) => (a[1] < b[1] ? 1 : -1));
  return Object.fromEntries(kept.slice(0, MAX_RECENT));
}

/** Clock skew allowed between Shopify's updatedAt and ours before a typed position counts as "in the future". */
export const FUTURE_SLACK_MS = 60 * 60_000;

/**
 * Diagnostics: a position a person typed (a bare time with its zone, or the JSON shown) checked and
 * normalised to what the download writes. A typed position keeps the cart's earliest order date as
 * createdAtMin, so moving it does not let older orders in. Refuses, with a message for the field,
 * anything the download could not use and any time in the future (nothing would download until then).
 */
export function checkEditedCursor(text: string, context: { earliestOrderDate: string; now: string }): string {
  const trimmed = text.trim();
  if (trimmed === '') throw refused('Enter a position, or use Restart from the earliest order date');
  let cursor: ShopifyDownloadCursor | null;
  try {
    cursor = parseDownloadCursor(trimmed);
  } catch {
    const why = trimmed.startsWith('{')
      ? 'The position must be JSON with "updatedAt" as a time with its zone'
      : 'Enter a time with its zone, like 2026-11-20T10:32:00Z, or the whole position as shown';
    throw refused(why);
  }
  if (!cursor) throw refused('Enter a position, or use Restart from the earliest order date');
  if (Date.parse(cursor.updatedAt) > Date.parse(context.now) + FUTURE_SLACK_MS) {
    throw refused(`${cursor.updatedAt} is in the future: no order would be downloaded until then`);
  }
  if (!cursor.createdAtMin) {
    const earliest = toUtcIso(context.earliestOrderDate);
    if (earliest) cursor.createdAtMin = earliest;
  }
  return serializeDownloadCursor(cursor);
}

function refused(message: string): DockhandError {
  return new DockhandError('validation', message, { fields: { cursor: message } });
}

function invalid(why: string): DockhandError {
  return new DockhandError('config', `The saved Shopify sync position is not valid (${why}); reset it in Diagnostics`);
}
