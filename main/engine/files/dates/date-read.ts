import { DockhandError } from '../../../../shared/errors.js';
import { dateFormatParts, isDatePreset, type DateToken } from '../../../../shared/schemas/csv-profile.js';
import { parseDateToUtc } from './date-parse.js';
import { wallTimeToUtc } from './time-zone.js';

/**
 * Reads an inbound date by its explicit format (a token string or a preset, shared/schemas/csv-profile.ts)
 * into ISO UTC. Never guesses: "03/04/2026" read as DD/MM/YYYY is the 3rd of April and nothing else, and
 * text that does not match the format is null, so the row is reported with why. Only the LEGACY_COMMON
 * preset, which old profiles read with, accepts several shapes (date-parse.ts).
 */
export type DateReader = (raw: string) => string | null;

const ISO_IN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export function dateReader(format: string, timeZone: string): DateReader {
  if (format === 'LEGACY_COMMON') return (raw) => parseDateToUtc(raw, timeZone);
  if (format === 'UNIX_SECONDS' || format === 'UNIX_MS') {
    const scale = format === 'UNIX_MS' ? 1 : 1000;
    return (raw) => {
      const text = raw.trim();
      if (!/^-?\d{1,16}$/.test(text)) return null;
      const ms = Number(text) * scale;
      return Math.abs(ms) > 8.64e15 ? null : new Date(ms).toISOString();
    };
  }
  if (format === 'ISO') {
    return (raw) => {
      const m = ISO_IN.exec(raw.trim());
      if (!m) return null;
      const wall = { year: +m[1], month: +m[2], day: +m[3], hour: +(m[4] ?? 0), minute: +(m[5] ?? 0), second: +(m[6] ?? 0), ms: m[7] ? +m[7].slice(0, 3).padEnd(3, '0') : 0 };
      if (!isRealTime(wall)) return null;
      if (m[8] === undefined) return wallTimeToUtc(wall, timeZone).toISOString();
      const utc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.ms);
      return new Date(utc - offsetMinutes(m[8]) * 60_000).toISOString();
    };
  }
  if (isDatePreset(format)) throw new DockhandError('config', `Date format ${format} cannot be read`);
  return tokenReader(format, timeZone);
}

const WIDTH: Record<DateToken, number> = { YYYY: 4, MM: 2, DD: 2, HH: 2, mm: 2, ss: 2, SSS: 3 };

/**
 * A token format as one regular expression. A two-digit token may be written with one digit ("4/3/2026")
 * where a literal, not another number, follows it; SSS takes 1 to 3 digits there.
 */
function tokenReader(format: string, timeZone: string): DateReader {
  const parts = dateFormatParts(format);
  const tokens: DateToken[] = [];
  let pattern = '^';
  parts.forEach((part, i) => {
    if ('literal' in part) {
      pattern += part.literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return;
    }
    tokens.push(part.token);
    const next = parts[i + 1];
    const flexible = part.token !== 'YYYY' && (next === undefined || 'literal' in next);
    pattern += flexible ? `(\\d{1,${WIDTH[part.token]}})` : `(\\d{${WIDTH[part.token]}})`;
  });
  const missing = (['YYYY', 'MM', 'DD'] as const).filter((t) => !tokens.includes(t));
  if (missing.length > 0) {
    throw new DockhandError('config', `Date format "${format}" cannot be read: it needs ${missing.join(', ')} to name a day`);
  }
  const re = new RegExp(`${pattern}$`);
  return (raw) => {
    const m = re.exec(raw.trim());
    if (!m) return null;
    const at = (token: DateToken) => {
      const index = tokens.indexOf(token);
      return index < 0 ? 0 : Number(token === 'SSS' ? m[index + 1].padEnd(3, '0') : m[index + 1]);
    };
    const wall = { year: at('YYYY'), month: at('MM'), day: at('DD'), hour: at('HH'), minute: at('mm'), second: at('ss'), ms: at('SSS') };
    if (!isRealTime(wall)) return null;
    return wallTimeToUtc(wall, timeZone).toISOString();
  };
}

function offsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

function isRealTime(w: { year: number; month: number; day: number; hour: number; minute: number; second: number }): boolean {
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.hour > 23 || w.minute > 59 || w.second > 59) return false;
  const check = new Date(Date.UTC(w.year, w.month - 1, w.day));
  return check.getUTCDate() === w.day && check.getUTCMonth() === w.month - 1;
}
