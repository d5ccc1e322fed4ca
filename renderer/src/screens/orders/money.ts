/**
 * Money is a decimal string from the cart ("19.99"); it is shown exactly as received, with its currency,
 * and never turned into a float.
 */
export function formatMoney(amount: string | null | undefined, currency: string): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  return currency ? `${amount} ${currency}` : amount;
}
