/**
 * WordPress writes every date twice: in the site's time zone and in GMT, both as "YYYY-MM-DDTHH:MM:SS"
 * with no offset (WooCommerce REST docs, "Request/Response Format"). The fake keeps one instant per date
 * and formats both from it, so a shop west of Greenwich shows local dates hours behind the GMT ones.
 */

export function formatGmt(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** The same instant as the site's wall clock in an IANA zone ("America/Chicago"), without an offset. */
export function formatSiteLocal(ms: number, timeZone: string): string {
  if (timeZone === 'UTC') return formatGmt(ms);
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`;
}

/** Building a formatter costs far more than using one; a download formats thousands of dates. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (found) return found;
  found = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  formatters.set(timeZone, found);
  return found;
}

/**
 * A date query parameter as WordPress reads it: with dates_are_gmt the value is GMT (an explicit offset
 * is honoured), and it is compared with the _gmt column; without it, the wall-clock digits are compared
 * with the site-local column as they are, offset ignored, which is how a client that sends UTC to a
 * shop west of Greenwich ends up hours off.
 */
export function parseDateParam(value: string, datesAreGmt: boolean): { gmtMs?: number; local?: string } | null {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(value.trim());
  if (!match) return null;
  const wall = `${match[1]}T${match[2]}`;
  if (!datesAreGmt) return { local: wall };
  const ms = Date.parse(`${wall}${match[3] ?? ''}${match[4] ?? 'Z'}`);
  return Number.isNaN(ms) ? null : { gmtMs: ms };
}
