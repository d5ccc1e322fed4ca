/** Small validators for inbound cells; each returns the value or a reason a person can act on. */

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const WHOLE = /^[+]?\d+(\.0+)?$/;
const DECIMAL = /^\d+(\.\d+)?$/;

export function wholeNumber(raw: string, label: string, min: number): Checked<number> {
  const value = wholeNumberOrReason(raw, label, min);
  return typeof value === 'number' ? { ok: true, value } : { ok: false, reason: value };
}

/** wholeNumber without a result object per cell: the number, or the reason (a string) it is not one. */
export function wholeNumberOrReason(raw: string, label: string, min: number): number | string {
  // Most cells are a few plain digits: read at once (up to 15 digits is always a safe integer).
  if (raw.length > 0 && raw.length <= 15 && digitsOnly(raw)) {
    const value = Number(raw);
    return value < min ? `${label} must be at least ${min}, got ${raw}` : value;
  }
  if (raw === '') return `${label} is empty`;
  if (!WHOLE.test(raw)) {
    if (/^-\d+(\.0+)?$/.test(raw)) return `${label} ${raw} is negative`;
    return `${label} "${raw}" is not a whole number`;
  }
  const value = Number(raw.replace(/^\+/, '').replace(/\.0+$/, ''));
  if (!Number.isSafeInteger(value)) return `${label} ${raw} is too large`;
  if (value < min) return `${label} must be at least ${min}, got ${raw}`;
  return value;
}

function digitsOnly(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const EMPTY_DECIMAL: Checked<string | undefined> = Object.freeze({ ok: true, value: undefined });

/** Non-negative decimal kept as text (never a float); a leading currency sign is tolerated. */
export function decimalText(raw: string, label: string): Checked<string | undefined> {
  if (raw === '') return EMPTY_DECIMAL;
  const text = raw.replace(/^[$€£]\s*/, '');
  if (text === '') return { ok: true, value: undefined };
  if (!DECIMAL.test(text)) return { ok: false, reason: `${label} "${raw}" is not a decimal number` };
  return { ok: true, value: text };
}
