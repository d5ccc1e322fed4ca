import { DockhandError } from '../../../../../shared/errors.js';
import { parseWindowPosition, serializeWindowPosition, type WindowPosition } from '../kit/incremental-window.js';
import { toUtcIso } from '../kit/utc-time.js';

/**
 * Shopify's order download position is the kit's incremental window position (kit/incremental-window.ts),
 * saved as the same JSON it always was, so positions in users' databases still resume where they stopped.
 */
export type ShopifyDownloadCursor = WindowPosition;

export function parseDownloadCursor(text: string | null): ShopifyDownloadCursor | null {
  return parseWindowPosition(text, 'Shopify');
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
  return serializeWindowPosition(cursor);
}

function refused(message: string): DockhandError {
  return new DockhandError('validation', message, { fields: { cursor: message } });
}
