import { dateFormatParts, type DateFormatPart } from '../../../../shared/schemas/csv-profile.js';
import { wallTimeIn, wallTimeToUtc, zoneOffsetMs, type WallTime } from './time-zone.js';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const partsCache = new Map<string, DateFormatPart[]>();

/**
 * Renders a stored date for an order file in a format of the date transform (shared/schemas/csv-profile.ts:
 * a token string or a preset). Stored instants (ISO UTC) are shown as the wall-clock date/time in
 * `timeZone`; a bare calendar date ("2026-12-01", e.g. a requested ship date) is a date, not an instant,
 * and is never shifted by a zone (its time is midnight). A value that is not a date is written as is.
 * Anything `new Date` reads counts as a date, as it always has: old profiles' files must not change.
 */
export function formatDate(value: string, format: string, timeZone = 'UTC'): string {
  if (value === '') return '';
  const dateOnly = DATE_ONLY.exec(value);
  let wall: WallTime & { ms: number };
  let instant: Date | undefined;
  if (dateOnly) {
    wall = { year: Number(dateOnly[1]), month: Number(dateOnly[2]), day: Number(dateOnly[3]), hour: 0, minute: 0, second: 0, ms: 0 };
  } else {
    instant = new Date(value);
    if (Number.isNaN(instant.getTime())) return value;
    wall = { ...wallTimeIn(instant, timeZone), ms: instant.getUTCMilliseconds() };
  }
  switch (format) {
    case 'ISO':
    case 'LEGACY_COMMON': {
      const ymd = `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
      if (!instant) return ymd;
      return `${ymd}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${offsetText(zoneOffsetMs(instant, timeZone))}`;
    }
    case 'UNIX_SECONDS':
    case 'UNIX_MS': {
      const ms = (instant ?? wallTimeToUtc(wall, timeZone)).getTime();
      return String(format === 'UNIX_MS' ? ms : Math.floor(ms / 1000));
    }
  }
  let parts = partsCache.get(format);
  if (!parts) partsCache.set(format, (parts = dateFormatParts(format)));
  let out = '';
  for (const part of parts) {
    if ('literal' in part) out += part.literal;
    else out += tokenText(part.token, wall);
  }
  return out;
}

function tokenText(token: string, wall: WallTime & { ms: number }): string {
  switch (token) {
    case 'YYYY':
      return pad(wall.year, 4);
    case 'MM':
      return pad(wall.month);
    case 'DD':
      return pad(wall.day);
    case 'HH':
      return pad(wall.hour);
    case 'mm':
      return pad(wall.minute);
    case 'ss':
      return pad(wall.second);
    default:
      return pad(wall.ms, 3);
  }
}

function offsetText(offsetMs: number): string {
  if (offsetMs === 0) return 'Z';
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  return `${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
