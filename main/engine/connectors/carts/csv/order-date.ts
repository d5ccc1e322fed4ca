import type { CsvOrderMapping } from '../../../../../shared/platforms/csv.js';
import { wallTimeToUtc } from '../../../files/dates/time-zone.js';

/**
 * An order date read by the mapping's explicit format, never guessed: with DD/MM/YYYY, "03/04/2026" is
 * the 3rd of April and nothing else. Each format may carry a time after the date (HH:mm or HH:mm:ss);
 * a value without a zone is a wall-clock time in the mapping's zone, a date alone is midnight there.
 * Returns null for a value that does not read in the format, so the row is reported with why.
 */

type DateFormat = CsvOrderMapping['dateFormat'];

const TIME = String.raw`(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?`;
const PATTERNS: Record<Exclude<DateFormat, 'ISO'>, { re: RegExp; order: ['y' | 'm' | 'd', 'y' | 'm' | 'd', 'y' | 'm' | 'd'] }> = {
  'YYYY-MM-DD': { re: new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})${TIME}$`), order: ['y', 'm', 'd'] },
  'MM/DD/YYYY': { re: new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${TIME}$`), order: ['m', 'd', 'y'] },
  'DD/MM/YYYY': { re: new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${TIME}$`), order: ['d', 'm', 'y'] },
  YYYYMMDD: { re: new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})${TIME}$`), order: ['y', 'm', 'd'] },
};
const ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

export function readOrderDate(raw: string, format: DateFormat, timeZone: string): string | null {
  const text = raw.trim();
  if (format === 'ISO') {
    const m = ISO.exec(text);
    if (!m) return null;
    if (m[1] !== undefined) {
      const ms = Date.parse(text);
      return Number.isNaN(ms) ? null : new Date(ms).toISOString();
    }
    return readOrderDate(text.replace('T', ' ').replace(/\.\d+$/, ''), 'YYYY-MM-DD', timeZone);
  }
  const { re, order } = PATTERNS[format];
  const m = re.exec(text);
  if (!m) return null;
  const part: Record<'y' | 'm' | 'd', number> = { y: 0, m: 0, d: 0 };
  order.forEach((key, i) => (part[key] = Number(m[i + 1])));
  const wall = { year: part.y, month: part.m, day: part.d, hour: Number(m[4] ?? 0), minute: Number(m[5] ?? 0), second: Number(m[6] ?? 0) };
  if (!isRealDate(wall)) return null;
  return wallTimeToUtc(wall, timeZone).toISOString();
}

function isRealDate(w: { year: number; month: number; day: number; hour: number; minute: number; second: number }): boolean {
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.hour > 23 || w.minute > 59 || w.second > 59) return false;
  const check = new Date(Date.UTC(w.year, w.month - 1, w.day));
  return check.getUTCDate() === w.day && check.getUTCMonth() === w.month - 1;
}

/** How the format reads, for a row's reason: "03/04/2026 (DD/MM/YYYY)". */
export function dateFormatExample(format: DateFormat): string {
  return { 'YYYY-MM-DD': '2026-04-03', 'MM/DD/YYYY': '04/03/2026', 'DD/MM/YYYY': '03/04/2026', YYYYMMDD: '20260403', ISO: '2026-04-03T14:30:00Z' }[format];
}
