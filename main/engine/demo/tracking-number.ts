import { createHash } from 'node:crypto';

/** `count` decimal digits drawn from a hash of `text`: the same text always gives the same digits. */
function digitsOf(text: string, count: number): string {
  let digits = '';
  for (let round = 0; digits.length < count; round++) {
    const hex = createHash('sha256').update(`${round}:${text}`).digest('hex');
    digits += BigInt(`0x${hex}`).toString().slice(1);
  }
  return digits.slice(0, count);
}

/**
 * A plausible tracking number for an order, shaped like the carrier's own (UPS 1Z + 16, USPS 9400 + 18
 * digits, FedEx 12 digits, others DH + 10 digits). Deterministic from the order number, so shipping an
 * order again (a resent file) yields the same tracking number and the shipment is not saved twice.
 */
export function demoTrackingNumber(carrier: string, orderNumber: string): string {
  const c = carrier.trim().toUpperCase();
  if (c.startsWith('UPS')) return `1ZDKH${digitsOf(orderNumber, 3)}03${digitsOf(`ups:${orderNumber}`, 8)}`;
  if (c.startsWith('USPS') || c === 'POST') return `9400${digitsOf(`usps:${orderNumber}`, 18)}`;
  if (c.startsWith('FEDEX') || c.startsWith('FDX')) return digitsOf(`fedex:${orderNumber}`, 12);
  return `DH${digitsOf(`other:${orderNumber}`, 10)}`;
}
