import { DockhandError } from '../../../../../shared/errors.js';
import { parseWindowPosition, serializeWindowPosition, type WindowPosition } from '../kit/incremental-window.js';
import { toUtcIso } from '../kit/utc-time.js';
import type { CursorCheckContext } from '../cart-connector.js';

/** Clock skew allowed between the store's date_modified_gmt and ours before a typed position is "in the future". */
const FUTURE_SLACK_MS = 60 * 60_000;

/**
 * Diagnostics: a download position a person typed (a time with its zone, or the window JSON shown),
 * checked and written the way the download writes it. The cart's earliest order date is kept as
 * createdAtMin, so moving the position back does not let older orders in. Anything the download could
 * not use, and any time in the future (nothing would download until then), is refused for the field.
 */
export function checkEditedWooCursor(text: string, context: CursorCheckContext): string {
  const trimmed = text.trim();
  if (trimmed === '') throw refused('Enter a position, or use Restart from the earliest order date');
  let position: WindowPosition | null;
  try {
    position = parseWindowPosition(trimmed, 'WooCommerce');
  } catch {
    throw refused(
      trimmed.startsWith('{')
        ? 'The position must be JSON with "updatedAt" as a time with its zone'
        : 'Enter a time with its zone, like 2026-11-20T10:32:00Z, or the whole position as shown',
    );
  }
  if (!position) throw refused('Enter a position, or use Restart from the earliest order date');
  if (Date.parse(position.updatedAt) > Date.parse(context.now) + FUTURE_SLACK_MS) {
    throw refused(`${position.updatedAt} is in the future: no order would be downloaded until then`);
  }
  if (!position.createdAtMin) {
    const earliest = toUtcIso(context.earliestOrderDate);
    if (earliest) position.createdAtMin = earliest;
  }
  return serializeWindowPosition(position);
}

function refused(message: string): DockhandError {
  return new DockhandError('validation', message, { fields: { cursor: message } });
}
