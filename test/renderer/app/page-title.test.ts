import { describe, expect, it } from 'vitest';
import { pageTitle } from '../../../renderer/src/app/page-title.js';
import { parseHash } from '../../../renderer/src/app/router.js';
import { documentTitle } from '../../../renderer/src/components/document-title.js';

describe('every page has its own title', () => {
  it.each([
    ['#/', 'Dashboard'],
    ['#/orders?status=error', 'Orders'],
    ['#/orders/12', 'Order 12'],
    ['#/activity', 'Activity'],
    ['#/alerts', 'Alerts'],
    ['#/merchants', 'Merchants'],
    ['#/merchants/new', 'New merchant'],
    ['#/merchants/3', 'Merchant'],
    ['#/carts/new?merchant=3', 'Connect a cart'],
    ['#/carts/4?tab=diagnostics', 'Cart connection'],
    ['#/wms', 'Warehouse (WMS)'],
    ['#/ship-methods', 'Ship methods'],
    ['#/nowhere', 'Page not found'],
    ['#/files', 'Files'],
  ])('%s is titled %s', (hash, title) => {
    expect(pageTitle(parseHash(hash))).toBe(title);
  });

  it('names the merchants list "Your business" in single-merchant mode', () => {
    expect(pageTitle(parseHash('#/merchants'), true)).toBe('Your business');
  });

  it('ends each window title with the product name', () => {
    expect(documentTitle('Orders')).toBe('Orders · Dockhand');
    expect(documentTitle(null)).toBe('Dockhand');
  });

  it('titles the format designer\'s pages apart from the formats list', () => {
    expect(pageTitle(parseHash('#/formats'))).toBe('File formats');
    expect(pageTitle(parseHash('#/formats/4'))).toBe('Edit file format');
    expect(pageTitle(parseHash('#/formats/new-from-sample'))).toBe('New format from a sample file');
  });
});
