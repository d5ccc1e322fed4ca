/**
 * The cart's sync position in words. Each connector writes its own position (the engine checks typed
 * ones through the connector); the screen only reads the few forms it knows, to say what the next
 * download does. An unreadable position is said to be so: the next download would stop on it.
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

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Shopify's position: {"v":1,"updatedAt":...} or a bare time with its zone. */
function shopifyUpdatedAt(cursor: string): string | null {
  const text = cursor.trim();
  const candidate = ISO_WITH_ZONE.test(text) ? text : parseJsonObject(text)?.updatedAt;
  if (typeof candidate !== 'string' || !ISO_WITH_ZONE.test(candidate) || Number.isNaN(Date.parse(candidate))) return null;
  return new Date(Date.parse(candidate)).toISOString();
}

/** The Demo store's position: {"issued":n} or a bare count. */
function demoIssued(cursor: string): number | null {
  const text = cursor.trim();
  const value = /^\d+$/.test(text) ? Number(text) : parseJsonObject(text)?.issued;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

const UNREADABLE = 'This position cannot be read: the next download will stop with an error. Edit it, or restart from the earliest order date.';

export function describeSyncPosition(platform: string, cursor: string | null, earliestOrderDate: string): SyncPositionText {
  const notStarted = `Not started: the first download starts from the earliest order date ${formatUtc(earliestOrderDate)}.`;
  if (platform === 'shopify') {
    const editHint = 'A time with its zone, like 2026-11-20T10:32:00Z (or the whole position as JSON). Orders updated after it are downloaded next.';
    if (cursor === null) return { summary: notStarted, unreadable: false, editHint, editValue: earliestOrderDate };
    const updatedAt = shopifyUpdatedAt(cursor);
    if (!updatedAt) return { summary: UNREADABLE, unreadable: true, editHint, editValue: cursor };
    return { summary: `Orders updated after ${formatUtc(updatedAt)} are downloaded next.`, unreadable: false, editHint, editValue: updatedAt };
  }
  if (platform === 'demo') {
    const editHint = 'How many orders the Demo store has handed out, like 12.';
    if (cursor === null) return { summary: notStarted, unreadable: false, editHint, editValue: '0' };
    const issued = demoIssued(cursor);
    if (issued === null) return { summary: UNREADABLE, unreadable: true, editHint, editValue: cursor };
    const handed = issued === 1 ? '1 order' : `${issued} orders`;
    return { summary: `The Demo store has handed out ${handed}; the next download starts at order ${issued + 1}.`, unreadable: false, editHint, editValue: String(issued) };
  }
  const editHint = "The position in the platform's own form.";
  if (cursor === null) return { summary: notStarted, unreadable: false, editHint, editValue: '' };
  return { summary: "The next download continues from the saved position below (in the platform's own form).", unreadable: false, editHint, editValue: cursor };
}
