import type { DATE_FORMATS } from '../../../../shared/schemas/csv-profile.js';
import { wallTimeIn, zoneOffsetMs, type WallTime } from './time-zone.js';

export type DateFormat = (typeof DATE_FORMATS)[number];

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Renders a stored date for an order file. Stored instants (ISO UTC) are shown as the wall-clock
 * date/time in `timeZone`; a bare calendar date ("2026-12-01", e.g. a requested ship date) is a
 * date, not an instant, and is never shifted by a zone. A value that is not a date is written as is.
 */
export function formatDate(value: string, format: DateFormat, timeZone = 'UTC'): string {
  if (value === '') return '';
  const dateOnly = DATE_ONLY.exec(value);
  let wall: WallTime;
  let offsetMs: number | undefined;
  if (dateOnly) {
    wall = { year: Number(dateOnly[1]), month: Number(dateOnly[2]), day: Number(dateOnly[3]), hour: 0, minute: 0, second: 0 };
  } else {
    const instant = new Date(value);
    if (Number.isNaN(instant.getTime())) return value;
    wall = wallTimeIn(instant, timeZone);
    offsetMs = zoneOffsetMs(instant, timeZone);
  }
  const ymd = { y: pad(wall.year, 4), m: pad(wall.month), d: pad(wall.day) };
  switch (format) {
    case 'YYYY-MM-DD':
      return `${ymd.y}-${ymd.m}-${ymd.d}`;
    case 'MM/DD/YYYY':
      return `${ymd.m}/${ymd.d}/${ymd.y}`;
    case 'DD/MM/YYYY':
      return `${ymd.d}/${ymd.m}/${ymd.y}`;
    case 'YYYYMMDD':
      return `${ymd.y}${ymd.m}${ymd.d}`;
    case 'ISO': {
      if (offsetMs === undefined) return `${ymd.y}-${ymd.m}-${ymd.d}`;
      const time = `${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
      return `${ymd.y}-${ymd.m}-${ymd.d}T${time}${offsetText(offsetMs)}`;
    }
  }
}

function offsetText(offsetMs: number): string {
  if (offsetMs === 0) return 'Z';
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  return `${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
