/**
 * BigCommerce v2 writes dates as RFC 2822 in UTC ("Tue, 20 Nov 2012 00:00:00 +0000") and reads the
 * min/max_date_* filters as RFC 2822 or ISO 8601 (orders.v2 spec). Times are whole seconds.
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function toRfc2822(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`
  );
}

const RFC_2822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}(:\d{2})? [+-]\d{4}$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A filter value as the API reads it, in ms; null when it is neither format (the API answers 400). */
export function parseFilterDate(value: string): number | null {
  if (!RFC_2822.test(value) && !ISO_8601.test(value)) return null;
  // [U] A zone-less ISO value is read in the store's zone; the fake's store runs in UTC.
  const zoned = ISO_8601.test(value) && /T/.test(value) && !/(Z|[+-]\d{2}:?\d{2})$/.test(value) ? `${value}Z` : value;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? null : ms;
}

/** BigCommerce stores whole seconds. */
export const wholeSecond = (ms: number): number => Math.floor(ms / 1000) * 1000;
