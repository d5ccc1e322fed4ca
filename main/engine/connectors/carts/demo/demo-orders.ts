import type { CanonicalOrder } from '../../../../../shared/domain.js';
import { seededRandom } from '../../../../../shared/seeded-random.js';
import { DEMO_PRODUCTS, DEMO_SHIP_CODES } from './demo-catalog.js';
import { demoCustomer } from './demo-customers.js';

/** Sum decimal strings exactly, via integer cents. */
function cents(amount: string): number {
  const [whole, frac = ''] = amount.split('.');
  return Number(whole) * 100 + Number((frac + '00').slice(0, 2));
}
const toMoney = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

export function demoOrder(seed: number, number: number, at: string): CanonicalOrder {
  const rnd = seededRandom(seed * 1_000_003 + number);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  // The customer has its own random sequence; this draw is where a fixed shopper used to be picked, so
  // the ship code, products and amounts of every demo order stay what they always were.
  rnd();
  const ship = pick(DEMO_SHIP_CODES);
  const lineCount = 1 + Math.floor(rnd() * 3);
  const products = [...DEMO_PRODUCTS].sort(() => rnd() - 0.5).slice(0, lineCount);
  const lines = products.map((p, i) => ({
    lineNo: i + 1,
    sku: p.sku,
    name: p.name,
    quantity: 1 + Math.floor(rnd() * 3),
    price: p.price,
    cartLineId: `demo-line-${number}-${i + 1}`,
  }));
  const subtotal = lines.reduce((sum, l) => sum + cents(l.price) * l.quantity, 0);
  const shipping = ship.cartCode === 'Express (2-Day)' ? 1495 : ship.cartCode === 'Economy' ? 495 : 795;
  const tax = Math.round(subtotal * 0.0725);
  const shopper = demoCustomer(seededRandom((seed * 1_000_003 + number) ^ 0x5bd1e995));
  const email = `${shopper.firstName}.${shopper.lastName}`.toLowerCase().replace(/[^a-z.]/g, '') + '@example.com';
  const address = { ...shopper, country: 'US', email };
  return {
    cartOrderId: `demo-order-${number}`,
    orderNumber: `D${1000 + number}`,
    orderDate: at,
    updatedAt: at,
    shipCode: ship.cartCode,
    shipTo: address,
    billTo: address,
    currency: 'USD',
    subtotal: toMoney(subtotal),
    discount: '0.00',
    tax: toMoney(tax),
    shipping: toMoney(shipping),
    total: toMoney(subtotal + tax + shipping),
    giftMessage: rnd() < 0.15 ? 'Happy birthday! Love, Sam' : undefined,
    lines,
    cartState: { canceled: false, financialStatus: 'PAID', fulfillmentStatus: 'UNFULFILLED' },
  };
}
