import { DockhandError } from '../../../../../shared/errors.js';
import type { CursorCheckContext } from '../cart-connector.js';
import { parseWindowPosition, serializeWindowPosition, type WindowPosition } from './incremental-window.js';
import { toUtcIso } from './utc-time.js';

/** Clock skew allowed between a store's modification times and ours before a typed position counts as "in the future". */
export const FUTURE_SLACK_MS = 60 * 60_000;

/**
 * Diagnostics for a platform whose download position is the kit's window position: a position a person
 * typed (a bare time with its zone, or the JSON shown) checked and written as the download writes it.
 * The cart's earliest order date stays in it as createdAtMin, so moving the position back does not let
 * older orders in. Refuses, with a message for the field, anything the download could not read and any
 * time in the future (nothing would be downloaded until then).
 */
export function editedWindowPositionCheck(platformName: string): (text: string, context: CursorCheckContext) => string {
  return (text, context) => {
    const trimmed = text.trim();
    if (trimmed === '') throw refused('Enter a position, or use Restart from the earliest order date');
    let position: WindowPosition | null;
    try {
      position = parseWindowPosition(trimmed, platformName);
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
  };
}

function refused(message: string): DockhandError {
  return new DockhandError('validation', message, { fields: { cursor: message } });
}
