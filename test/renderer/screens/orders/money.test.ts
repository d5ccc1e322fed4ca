import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../../renderer/src/screens/orders/money.js';

describe('an amount on the Orders screens', () => {
  it('is shown exactly as the cart sent it, with its currency', () => {
    expect(formatMoney('19.90', 'EUR')).toBe('19.90 EUR');
    expect(formatMoney('0.10', 'USD')).toBe('0.10 USD');
  });

  it('keeps every digit a float would lose', () => {
    expect(formatMoney('12345678901234567.89', 'JPY')).toBe('12345678901234567.89 JPY');
  });

  it('is shown alone when the currency is unknown', () => {
    expect(formatMoney('5.00', '')).toBe('5.00');
  });

  it('is a dash when there is none', () => {
    expect(formatMoney(null, 'USD')).toBe('—');
    expect(formatMoney(undefined, 'USD')).toBe('—');
    expect(formatMoney('', 'USD')).toBe('—');
  });
});
