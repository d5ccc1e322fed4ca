/** Small pure conversions at the WooCommerce edge: GMT dates to UTC ISO, decimal strings to cents and back. */

/**
 * "2026-11-20T12:00:02" read from a *_gmt field -> "2026-11-20T12:00:02.000Z". Only the _gmt twins are
 * read: the plain fields are the site's wall clock with no offset, which no client can convert safely.
 */
export function gmtToUtcIso(value: string): string | null {
  const ms = Date.parse(value.endsWith('Z') ? value : `${value}Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** A UTC instant as WooCommerce's date parameters take it with dates_are_gmt=true ("YYYY-MM-DDTHH:MM:SS"). */
export function toGmtParam(isoUtc: string): string {
  return new Date(isoUtc).toISOString().slice(0, 19);
}

/** "12.5" -> 1250. Money arrives as decimal strings; integer cents keep sums exact. */
export function toCents(decimal: string): number {
  const negative = decimal.trim().startsWith('-');
  const [whole, fraction = ''] = decimal.trim().replace('-', '').split('.');
  const cents = Number(whole) * 100 + Number((fraction + '00').slice(0, 2)) + (Number(fraction[2] ?? '0') >= 5 ? 1 : 0);
  return negative ? -cents : cents;
}

export function fromCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A decimal string with at least two decimals, as the engine keeps money ("5" -> "5.00"). */
export function toMoney(decimal: string): string {
  const [whole, fraction = ''] = decimal.trim().split('.');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '–', mdash: '—', nbsp: ' ', hellip: '…', reg: '®', copy: '©', trade: '™', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

/**
 * WordPress stores product names HTML-escaped ("Ship Your Idea &ndash; Color: Black" in the docs' own
 * example), and line items carry them so: decoded here, or the packing slip prints "&ndash;".
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}
