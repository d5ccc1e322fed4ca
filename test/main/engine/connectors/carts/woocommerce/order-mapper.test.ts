import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapWooOrder } from '../../../../../../main/engine/connectors/carts/woocommerce/order-mapper.js';
import { orderJson } from '../../../../../fakes/woocommerce/fake-model.js';
import { FakeWooStore } from '../../../../../fakes/woocommerce/fake-store.js';

/** The docs' own "Retrieve an order" example (woocommerce-rest-api-docs, wp-api-v3/_orders.md). */
const docsOrder = (): Record<string, any> =>
  JSON.parse(readFileSync(new URL('./fixtures/docs-order-727.json', import.meta.url), 'utf8'));

function mapped(payload: unknown) {
  const result = mapWooOrder(payload);
  if (!result.ok) throw new Error(`expected an order, got: ${result.reason}`);
  return result;
}

describe('WooCommerce order mapper', () => {
  it('maps the documented example order: ids, GMT dates as UTC, money, lines and addresses', () => {
    const { order, status } = mapped(docsOrder());
    expect(status).toBe('processing');
    expect(order).toMatchObject({
      cartOrderId: '727',
      orderNumber: '727',
      orderDate: '2017-03-22T19:28:02.000Z',
      updatedAt: '2017-03-22T19:28:08.000Z',
      shipCode: 'Flat Rate',
      currency: 'USD',
      subtotal: '18.00',
      discount: '0.00',
      tax: '1.35',
      shipping: '10.00',
      total: '29.35',
      cartState: { canceled: false, financialStatus: 'paid', fulfillmentStatus: 'processing' },
    });
    expect(order.carrier).toBeUndefined();
    expect(order.shipTo).toEqual({
      firstName: 'John',
      lastName: 'Doe',
      address1: '969 Market',
      city: 'San Francisco',
      state: 'CA',
      zip: '94103',
      country: 'US',
      phone: '(555) 555-5555',
      email: 'john.doe@example.com',
    });
    expect(order.lines).toEqual([
      { lineNo: 1, sku: '', quantity: 2, price: '3.00', cartLineId: '315', name: 'Woo Single #1' },
      { lineNo: 2, sku: 'Bar3', quantity: 1, price: '12.00', cartLineId: '316', name: 'Ship Your Idea – Color: Black, Size: M Test' },
    ]);
  });

  it('reads the site-local date fields never, so a shop west of Greenwich keeps UTC times', () => {
    const store = new FakeWooStore({ timeZone: 'America/Los_Angeles', startMs: Date.UTC(2026, 10, 20, 3, 0, 0) });
    const [fake] = store.seedOrders(1);
    const json = orderJson(fake, store.options.timeZone, 'https://shop.example');
    expect(json.date_modified).toBe('2026-11-19T19:00:01');
    expect(mapped(json).order.updatedAt).toBe('2026-11-20T03:00:01.000Z');
  });

  it('gives the same UTC times on a host east of Greenwich', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Asia/Tokyo';
    try {
      expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(-540);
      expect(mapped(docsOrder()).order).toMatchObject({ orderDate: '2017-03-22T19:28:02.000Z', updatedAt: '2017-03-22T19:28:08.000Z' });
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('ships to the billing address when the shop leaves the shipping fields empty', () => {
    const payload = docsOrder();
    payload.shipping = { first_name: '', last_name: '', company: '', address_1: '', address_2: '', city: '', state: '', postcode: '', country: '' };
    payload.billing.address_1 = '1 Billing Way';
    expect(mapped(payload).order.shipTo).toMatchObject({ address1: '1 Billing Way', city: 'San Francisco', firstName: 'John' });
  });

  it('carries line discounts, the customer note, a carrier plugin’s method id and a stopped status', () => {
    const payload = docsOrder();
    payload.status = 'cancelled';
    payload.customer_note = 'Leave at the back door';
    payload.line_items[1].total = '9.60';
    payload.shipping_lines[0] = { id: 9, method_title: 'UPS&reg; Ground', method_id: 'ups', total: '10.00' };
    payload.date_paid_gmt = null;
    const { order, status } = mapped(payload);
    expect(status).toBe('cancelled');
    expect(order.cartState).toMatchObject({ canceled: true, financialStatus: 'unpaid' });
    expect(order.lines[1].discount).toBe('2.40');
    expect(order.shippingInstructions).toBe('Leave at the back door');
    expect(order.carrier).toBe('ups');
    expect(order.shipCode).toBe('UPS® Ground');
  });

  it('leaves out lines with nothing ordered and numbers the rest in order', () => {
    const payload = docsOrder();
    payload.line_items[0].quantity = 0;
    const { order } = mapped(payload);
    expect(order.lines.map((l) => [l.lineNo, l.cartLineId])).toEqual([[1, '316']]);
  });

  it('records an order whose lines are not a list as invalid, naming the field, with what moves the sync position', () => {
    const payload = docsOrder();
    payload.line_items = 'oops';
    const result = mapWooOrder(payload);
    expect(result).toEqual({
      ok: false,
      reason: expect.stringContaining('line_items'),
      cartOrderId: '727',
      orderNumber: '727',
      updatedAt: '2017-03-22T19:28:08.000Z',
    });
  });

  it('refuses money that is not a decimal and a quantity that is not a whole number', () => {
    const badMoney = docsOrder();
    badMoney.total = '29,35';
    const moneyResult = mapWooOrder(badMoney);
    expect(moneyResult.ok).toBe(false);
    expect(!moneyResult.ok && moneyResult.reason).toContain('total: is not a decimal amount');
    const badQuantity = docsOrder();
    badQuantity.line_items[0].quantity = 1.5;
    const quantityResult = mapWooOrder(badQuantity);
    expect(!quantityResult.ok && quantityResult.reason).toContain('line_items[0].quantity');
  });

  it('refuses an order without its GMT modified date, keeping its id for the record', () => {
    const payload = docsOrder();
    delete payload.date_modified_gmt;
    const result = mapWooOrder(payload);
    expect(result).toMatchObject({ ok: false, cartOrderId: '727' });
    expect(!result.ok && result.reason).toContain('date_modified_gmt');
    expect(!result.ok && result.updatedAt).toBeUndefined();
  });

  it('says what it got when the payload is not an order at all', () => {
    const result = mapWooOrder('<html>');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.cartOrderId).toBeUndefined();
  });
});
