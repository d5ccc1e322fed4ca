import { DockhandError } from '../../../../../shared/errors.js';
import { parseWindowPosition, serializeWindowPosition, type WindowPosition } from '../kit/incremental-window.js';
import { toUtcIso } from '../kit/utc-time.js';

/**
 * Magento's order download position is the kit's incremental window position on updated_at
 * (kit/incremental-window.ts): {"v":1,"updatedAt":...,"createdAtMin":...,"recent":{...}}.
 */

/** Clock skew allowed between Magento's updated_at and ours before a typed position counts as "in the future". */
export const FUTURE_SLACK_MS = 60 * 60_000;

/**
 * Diagnostics: a position a person typed (a time with its zone, or the JSON shown) checked and written
 * as the download writes it. It keeps the cart's earliest order date as createdAtMin, so moving the
 * position does not let older orders in; a time in the future is refused (nothing would download).
 */
export function checkEditedMagentoCursor(text: string, context: { earliestOrderDate: string; now: string }): string {
  const trimmed = text.trim();
  if (trimmed === '') throw refused('Enter a position, or use Restart from the earliest order date');
  let cursor: WindowPosition | null;
  try {
    cursor = parseWindowPosition(trimmed, 'Magento');
  } catch {
    throw refused(
      trimmed.startsWith('{')
        ? 'The position must be JSON with "updatedAt" as a time with its zone'
        : 'Enter a time with its zone, like 2026-11-20T10:32:00Z, or the whole position as shown',
    );
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
