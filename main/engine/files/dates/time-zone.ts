import { DockhandError } from '../../../../shared/errors.js';

/**
 * Wall-clock parts of an instant in an IANA zone and the reverse, with Intl only (no tz database
 * of our own). Formatters are cached per zone: a 100k-order file formats 100k dates.
 */

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT']);

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch (err) {
      throw new DockhandError('config', `Unknown time zone "${timeZone}" in a CSV file profile`, { cause: err });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function assertTimeZone(timeZone: string): void {
  if (!UTC_ZONES.has(timeZone)) formatterFor(timeZone);
}

/** Exact Intl answer; the cached paths below are built on it. */
function intlWallTime(date: Date, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour === 24 ? 0 : parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/**
 * Offsets only change at zone transitions, which fall on whole quarter hours (UTC) in every zone in
 * use today; so one Intl call per zone and quarter hour serves every order placed in it.
 */
const QUARTER_HOUR = 15 * 60_000;
const offsetCache = new Map<string, Map<number, number>>();

/** How far the zone's wall clock is ahead of UTC at `date`, in ms. */
export function zoneOffsetMs(date: Date, timeZone: string): number {
  if (UTC_ZONES.has(timeZone)) return 0;
  let byQuarter = offsetCache.get(timeZone);
  if (!byQuarter) offsetCache.set(timeZone, (byQuarter = new Map()));
  const quarter = Math.floor(date.getTime() / QUARTER_HOUR);
  let offset = byQuarter.get(quarter);
  if (offset === undefined) {
    const at = new Date(quarter * QUARTER_HOUR);
    const w = intlWallTime(at, timeZone);
    offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - at.getTime();
    if (byQuarter.size > 50_000) byQuarter.clear();
    byQuarter.set(quarter, offset);
  }
  return offset;
}

export function wallTimeIn(date: Date, timeZone: string): WallTime {
  const shifted = new Date(date.getTime() + zoneOffsetMs(date, timeZone));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

/** The instant a wall-clock time in `timeZone` denotes (a time repeated or skipped by DST resolves to one of its candidates). */
export function wallTimeToUtc(w: WallTime & { ms?: number }, timeZone: string): Date {
  const guess = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms ?? 0);
  const first = zoneOffsetMs(new Date(guess), timeZone);
  const second = zoneOffsetMs(new Date(guess - first), timeZone);
  return new Date(guess - (first === second ? first : Math.max(first, second)));
}
