/** Small validators for inbound cells; each returns the value or a reason a person can act on. */

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const WHOLE = /^[+]?\d+(\.0+)?$/;
const DECIMAL = /^\d+(\.\d+)?$/;

export function wholeNumber(raw: string, label: string, min: number): Checked<number> {
  if (raw === '') return { ok: false, reason: `${label} is empty` };
  if (!WHOLE.test(raw)) {
    if (/^-\d+(\.0+)?$/.test(raw)) return { ok: false, reason: `${label} ${raw} is negative` };
    return { ok: false, reason: `${label} "${raw}" is not a whole number` };
  }
  const value = Number(raw.replace(/^\+/, '').replace(/\.0+$/, ''));
  if (!Number.isSafeInteger(value)) return { ok: false, reason: `${label} ${raw} is too large` };
  if (value < min) return { ok: false, reason: `${label} must be at least ${min}, got ${raw}` };
  return { ok: true, value };
}

/** Non-negative decimal kept as text (never a float); a leading currency sign is tolerated. */
export function decimalText(raw: string, label: string): Checked<string | undefined> {
  const text = raw.replace(/^[$€£]\s*/, '');
  if (text === '') return { ok: true, value: undefined };
  if (!DECIMAL.test(text)) return { ok: false, reason: `${label} "${raw}" is not a decimal number` };
  return { ok: true, value: text };
}
