import { assertTimeZone } from '../dates/time-zone.js';
import { formatDate } from '../dates/date-format.js';
import { dateReader } from '../dates/date-read.js';
import { TransformError, type TransformDefinition } from './transform.js';

/** A date in an explicit format and zone: out, a stored date as text; in, text in the format as ISO UTC. */
export const dateTransform: TransformDefinition<'date'> = {
  kind: 'date',
  compile(t, ctx) {
    const zone = t.timeZone ?? 'UTC';
    assertTimeZone(zone);
    if (ctx.direction === 'out') return (value) => formatDate(value, t.format, zone);
    const read = dateReader(t.format, zone);
    // Rows of a file mostly repeat the date of the row before (one day's shipments): read it once.
    let last = '';
    let lastIso: string | null = '';
    return (value) => {
      if (value === '') return '';
      const iso = value === last ? lastIso : read(value);
      last = value;
      lastIso = iso;
      if (iso === null) throw new TransformError(notADate(value, t.format));
      return iso;
    };
  },
};

function notADate(value: string, format: string): string {
  // Old profiles' wording, for the shapes they accept.
  if (format === 'LEGACY_COMMON') return `"${value}" is not a date (use YYYY-MM-DD, MM/DD/YYYY or ISO 8601)`;
  return `"${value}" is not a date in the format ${format}`;
}
