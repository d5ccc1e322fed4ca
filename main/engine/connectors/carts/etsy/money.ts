import type { EtsyMoney } from './payload-schemas.js';

/**
 * Etsy's money {amount, divisor, currency_code} as a decimal string, exactly: the amount's digits with
 * the point moved by the divisor's power of ten, never through a float (1999 / 100 -> "19.99").
 * At least two decimals. Null for a divisor that is not a power of ten (no currency has one).
 */
export function etsyMoneyText(money: EtsyMoney): string | null {
  const places = powerOfTen(money.divisor);
  if (places === null) return null;
  const negative = money.amount < 0;
  const digits = String(Math.abs(money.amount)).padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places).padEnd(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** 1 -> 0, 100 -> 2, 1000 -> 3; null for anything else. */
function powerOfTen(divisor: number): number | null {
  if (!Number.isSafeInteger(divisor) || divisor < 1) return null;
  const text = String(divisor);
  return /^10*$/.test(text) ? text.length - 1 : null;
}

/** A price as the inventory PUT takes it (a JSON number in the currency: 19.99), from Etsy's money or a number. */
export function offeringPriceNumber(price: EtsyMoney | number): number {
  if (typeof price === 'number') return price;
  const text = etsyMoneyText(price);
  // Number() of the exact decimal text is the nearest double, which JSON writes back as the same text.
  return text === null ? price.amount / price.divisor : Number(text);
}
