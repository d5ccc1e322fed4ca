import { wallTimeToUtc } from './time-zone.js';

/**
 * Reads the dates WMS files carry into ISO UTC. Accepted: YYYY-MM-DD, YYYYMMDD, MM/DD/YYYY (or
 * DD/MM/YYYY when the first number cannot be a month), each with an optional time (HH:mm[:ss],
 * AM/PM after a slash date), and ISO 8601 with or without a zone. A value without a zone is a
 * wall-clock time in `timeZone` (the profile's); a date alone is midnight there.
 * Returns null for anything else, so the caller can name the row.
 */

const ISO_LIKE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:[T ]?(\d{2})(\d{2})(\d{2})?)?$/;
const SLASHED = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i;

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** Minutes east of UTC when the text carried a zone. */
  offsetMinutes?: number;
}

export function parseDateToUtc(raw: string, timeZone: string): string | null {
  const parts = readParts(raw.trim());
  if (!parts || !isValid(parts)) return null;
  if (parts.offsetMinutes !== undefined) {
    const utc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, parts.ms);
    return new Date(utc - parts.offsetMinutes * 60_000).toISOString();
  }
  return wallTimeToUtc(parts, timeZone).toISOString();
}

function readParts(text: string): Parts | null {
  let m = ISO_LIKE.exec(text);
  if (m) {
    return {
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: Number(m[4] ?? 0),
      minute: Number(m[5] ?? 0),
      second: Number(m[6] ?? 0),
      ms: m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0,
      offsetMinutes: m[8] === undefined ? undefined : offsetMinutes(m[8]),
    };
  }
  m = COMPACT.exec(text);
  if (m) {
    return {
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: Number(m[4] ?? 0),
      minute: Number(m[5] ?? 0),
      second: Number(m[6] ?? 0),
      ms: 0,
    };
  }
  m = SLASHED.exec(text);
  if (m) {
    let first = Number(m[1]);
    let second = Number(m[2]);
    // US order unless the first number cannot be a month (then it is day/month).
    if (first > 12 && second <= 12) [first, second] = [second, first];
    let hour = Number(m[4] ?? 0);
    const meridiem = m[7]?.toUpperCase();
    if (meridiem) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (meridiem === 'PM' ? 12 : 0);
    }
    return { year: Number(m[3]), month: first, day: second, hour, minute: Number(m[5] ?? 0), second: Number(m[6] ?? 0), ms: 0 };
  }
  return null;
}

function offsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

function isValid(p: Parts): boolean {
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.hour > 23 || p.minute > 59 || p.second > 59) return false;
  const check = new Date(Date.UTC(p.year, p.month - 1, p.day));
  return check.getUTCDate() === p.day && check.getUTCMonth() === p.month - 1;
}
