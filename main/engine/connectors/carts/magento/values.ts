/**
 * Small pure conversions at the Magento edge. Magento sends times as "2026-11-20 10:32:00": UTC, without
 * a zone (the store's locale applies only to the admin's display), and money as JSON numbers.
 */

const MAGENTO_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/;

/** "2026-11-20 10:32:00" -> "2026-11-20T10:32:00.000Z". Anything else is refused, never guessed. */
export function magentoTimeToIso(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = MAGENTO_TIME.exec(value.trim());
  if (!m) return null;
  const ms = Date.parse(`${m[1]}T${m[2]}Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** "2026-11-20T10:32:00.987Z" -> "2026-11-20 10:32:00": what a searchCriteria filter on updated_at compares with. */
export function isoToMagentoTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not a time: ${iso}`);
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * A Magento amount (a JSON number such as 45 or 33.3333, or the same as a string from some extensions)
 * as a money string with at least two decimals. Four decimals at most: Magento stores decimal(20,4), so
 * more digits are float noise, not money.
 */
export function toMoney(value: unknown): string | null {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    text = value.toFixed(4).replace(/0{1,2}$/, '');
  } else if (typeof value === 'string' && DECIMAL.test(value.trim())) {
    text = value.trim();
  } else {
    return null;
  }
  const [whole, fraction = ''] = text.split('.');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}

/** Magento quantities are decimals (qty_ordered: 2.0000 in the database); units to ship are whole. */
export function toQuantity(value: unknown): number | null {
  const n = typeof value === 'string' && DECIMAL.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return null;
  return n;
}
