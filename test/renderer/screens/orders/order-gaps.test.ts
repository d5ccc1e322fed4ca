import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { OrderFlags } from '../../../../renderer/src/screens/orders/order-flags.js';
import { OrderGaps } from '../../../../renderer/src/screens/orders/order-gaps.js';

const WITHHELD = "Amazon did not give the buyer's name and street address.";

describe("the order page's notice of what the cart did not give", () => {
  it('states each gap in a warning, and nothing for a complete order', () => {
    const html = renderToStaticMarkup(createElement(OrderGaps, { gaps: [WITHHELD] }));
    expect(html).toContain('banner--warning');
    expect(html).toContain('The cart did not give everything about this order.');
    expect(html).toContain('Amazon did not give the buyer&#x27;s name and street address.');
    expect(renderToStaticMarkup(createElement(OrderGaps, { gaps: undefined }))).toBe('');
    expect(renderToStaticMarkup(createElement(OrderGaps, { gaps: [] }))).toBe('');
  });

  it('lists several gaps one per item', () => {
    const html = renderToStaticMarkup(createElement(OrderGaps, { gaps: ['First.', 'Second.'] }));
    expect(html).toContain('<li>First.</li><li>Second.</li>');
  });

  it('flags an incomplete order in the orders list', () => {
    const flags = (gaps: number) => renderToStaticMarkup(createElement(OrderFlags, { order: { changedAfterDelivery: false, failedSends: 0, gaps } }));
    expect(flags(1)).toContain('Incomplete from the cart');
    expect(flags(0)).toBe('');
  });
});
