/**
 * A cart's sync position in words. Each connector writes its own position (the engine checks typed ones
 * through the connector); the screens only read it through the platform's descriptor, to say what the
 * next download does. An unreadable position is said to be so: the next download would stop on it.
 */

export interface SyncPositionText {
  /** One sentence: where the next download starts. */
  summary: string;
  /** True when the saved value cannot be read (the next download will stop with an error). */
  unreadable: boolean;
  /** What the edit field accepts on this platform. */
  editHint: string;
  /** The short form offered for editing (a time, a count), or the raw value. */
  editValue: string;
}

/** "2026-11-20 10:32 UTC": the position is a UTC instant, shown as one so it can be typed back exactly. */
export function formatUtc(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** A JSON object, or null for anything else (a bare value, text that is not JSON). */
export function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export const UNREADABLE_POSITION =
  'This position cannot be read: the next download will stop with an error. Edit it, or restart from the earliest order date.';

export function notStartedText(earliestOrderDate: string): string {
  return `Not started: the first download starts from the earliest order date ${formatUtc(earliestOrderDate)}.`;
}

/**
 * The position of a platform that downloads by modification time: a UTC instant read by `readInstant`
 * (which returns null when the saved text is not one), said as "orders updated after ...".
 */
export function describeTimePosition(
  position: string | null,
  earliestOrderDate: string,
  readInstant: (position: string) => string | null,
  editHint = 'A time with its zone, like 2026-11-20T10:32:00Z (or the whole position as JSON). Orders updated after it are downloaded next.',
): SyncPositionText {
  if (position === null) return { summary: notStartedText(earliestOrderDate), unreadable: false, editHint, editValue: earliestOrderDate };
  const at = readInstant(position);
  if (!at) return { summary: UNREADABLE_POSITION, unreadable: true, editHint, editValue: position };
  return { summary: `Orders updated after ${formatUtc(at)} are downloaded next.`, unreadable: false, editHint, editValue: at };
}

/** A platform whose position Dockhand cannot put in words: shown as saved. */
export function describeOpaquePosition(position: string | null, earliestOrderDate: string): SyncPositionText {
  const editHint = "The position in the platform's own form.";
  if (position === null) return { summary: notStartedText(earliestOrderDate), unreadable: false, editHint, editValue: '' };
  return { summary: "The next download continues from the saved position below (in the platform's own form).", unreadable: false, editHint, editValue: position };
}
