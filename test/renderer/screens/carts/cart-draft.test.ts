import { afterEach, describe, expect, it, vi } from 'vitest';
import { cartInputSchema } from '../../../../shared/contract.js';
import { validate } from '../../../../renderer/src/components/form-errors.js';
import {
  cartDraftFrom,
  cartInputFrom,
  daysAgo,
  newCartDraft,
  supportedServices,
  type CartDraft,
} from '../../../../renderer/src/screens/carts/cart-draft.js';
import { demoForm } from '../../../../renderer/src/screens/carts/platforms/demo-form.js';
import { shopifyForm } from '../../../../renderer/src/screens/carts/platforms/shopify-form.js';
import { cartView } from '../../../support/api-views.js';

const ALL = { shipments: true, inventory: true, tracking: 'per_line' } as const;
const DOWNLOAD_ONLY = { shipments: false, inventory: false, tracking: 'per_line' } as const;

const savedShopifyCart = cartView({
  id: 7,
  platform: 'shopify',
  name: 'Acme web shop',
  orderSource: 'Acme web shop',
  hasCredentials: true,
  settings: {
    shopDomain: 'acme-store.myshopify.com',
    apiVersion: '2026-04',
    authMode: 'access_token',
    baseUrl: 'http://127.0.0.1:4010',
    filters: { orderStatus: 'any', financialStatuses: ['PAID'], fulfillmentStatuses: [] },
  },
  earliestOrderDate: '2026-02-22T00:00:00.000Z',
  minInventoryLevel: 2,
  schedules: { order_download: 5, shipment_upload: 60, inventory_upload: null },
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the earliest order date a new connection offers', () => {
  it("is a calendar day N days back in the user's own calendar, across month ends", () => {
    expect(daysAgo(7, new Date(2026, 2, 3, 0, 30))).toBe('2026-02-24');
    expect(daysAgo(7, new Date(2026, 2, 3, 23, 30))).toBe('2026-02-24');
    expect(daysAgo(0, new Date(2026, 0, 9, 12))).toBe('2026-01-09');
    expect(daysAgo(1, new Date(2026, 0, 1, 12))).toBe('2025-12-31');
  });

  it('reaches back a week on a new connection', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 2, 3, 12));
    expect(newCartDraft(demoForm).earliestOrderDate).toBe('2026-02-24');
  });
});

describe('a new store connection form', () => {
  it("starts with the default schedules, the platform's own defaults and unmapped ship codes held, and is valid once named", () => {
    const form = newCartDraft(demoForm);
    expect(form).toMatchObject({ platform: 'demo', name: '', orderSource: '', rejectUnmappedShipCodes: true, minInventoryLevel: '0' });
    expect(form.schedules).toEqual({ order_download: 15, shipment_upload: 30, inventory_upload: 60 });
    const input = cartInputFrom({ ...form, name: 'Demo store' }, demoForm, 1, ALL);
    expect(validate(cartInputSchema, input).ok).toBe(true);
  });

  it('is not valid before it has a name, and says so on the name field', () => {
    const checked = validate(cartInputSchema, cartInputFrom(newCartDraft(demoForm), demoForm, 1, ALL));
    expect(checked.ok ? {} : checked.errors).toEqual({ name: 'Enter a display name' });
  });
});

describe('the services a platform can run', () => {
  it('always include order download, and shipments and inventory by capability', () => {
    expect(supportedServices(ALL)).toEqual(['order_download', 'shipment_upload', 'inventory_upload']);
    expect(supportedServices(DOWNLOAD_ONLY)).toEqual(['order_download']);
    expect(supportedServices({ shipments: false, inventory: true, tracking: 'per_line' })).toEqual(['order_download', 'inventory_upload']);
  });
});

describe('the store connection sent to the API', () => {
  const draft = (overrides: Partial<CartDraft<ReturnType<typeof demoForm.newDraft>>> = {}) => ({ ...newCartDraft(demoForm), name: 'Demo store', ...overrides });

  it('sends services the platform cannot run as off, whatever the form held', () => {
    const input = cartInputFrom(draft({ schedules: { order_download: 10, shipment_upload: 30, inventory_upload: 60 } }), demoForm, 1, DOWNLOAD_ONLY);
    expect(input.schedules).toEqual({ order_download: 10, shipment_upload: null, inventory_upload: null });
  });

  it('keeps the chosen schedules of services the platform runs, including off', () => {
    const input = cartInputFrom(draft({ schedules: { order_download: 5, shipment_upload: null, inventory_upload: 120 } }), demoForm, 1, ALL);
    expect(input.schedules).toEqual({ order_download: 5, shipment_upload: null, inventory_upload: 120 });
  });

  it('leaves a blank order source out, so the display name is used', () => {
    expect(cartInputFrom(draft({ orderSource: '   ' }), demoForm, 1, ALL).orderSource).toBeUndefined();
    expect(cartInputFrom(draft({ orderSource: ' WEB ' }), demoForm, 1, ALL).orderSource).toBe('WEB');
  });

  it('reads a blank minimum inventory level as 0 and a typed one as a number', () => {
    expect(cartInputFrom(draft({ minInventoryLevel: ' ' }), demoForm, 1, ALL).minInventoryLevel).toBe(0);
    expect(cartInputFrom(draft({ minInventoryLevel: '12' }), demoForm, 1, ALL).minInventoryLevel).toBe(12);
  });

  it('rejects a minimum inventory level that is not a whole number on its field', () => {
    const checked = validate(cartInputSchema, cartInputFrom(draft({ minInventoryLevel: 'lots' }), demoForm, 1, ALL));
    expect(checked.ok ? {} : Object.keys(checked.errors)).toEqual(['minInventoryLevel']);
  });

  it('rejects a frequency outside the service range on that service', () => {
    const checked = validate(cartInputSchema, cartInputFrom(draft({ schedules: { order_download: 15, shipment_upload: 5, inventory_upload: 60 } }), demoForm, 1, ALL));
    expect(checked.ok ? {} : checked.errors).toEqual({ 'schedules.shipment_upload': expect.stringContaining('15 min') });
  });

  it("belongs to the merchant it is created for and carries the platform's settings", () => {
    const input = cartInputFrom(draft({ platformDraft: { ordersPerRun: '12', seed: '4' } }), demoForm, 3, ALL);
    expect(input).toMatchObject({ merchantId: 3, platform: 'demo', name: 'Demo store', settings: { ordersPerRun: 12, seed: 4 } });
  });
});

describe('editing a saved store connection', () => {
  it('shows its order source blank when it is just the display name', () => {
    expect(cartDraftFrom(savedShopifyCart, shopifyForm).orderSource).toBe('');
    expect(cartDraftFrom({ ...savedShopifyCart, orderSource: 'WEB' }, shopifyForm).orderSource).toBe('WEB');
  });

  it('shows the earliest order date as the day that was chosen', () => {
    expect(cartDraftFrom(savedShopifyCart, shopifyForm).earliestOrderDate).toBe('2026-02-22');
  });

  it('leaves the credentials blank, since saved secrets are never shown', () => {
    const { platformDraft } = cartDraftFrom(savedShopifyCart, shopifyForm);
    expect(platformDraft).toMatchObject({ accessToken: '', clientId: '', clientSecret: '' });
  });

  it('saves back the same connection when nothing is changed, with no credentials so the saved ones stay', () => {
    const input = cartInputFrom(cartDraftFrom(savedShopifyCart, shopifyForm), shopifyForm, 1, ALL);
    const checked = validate(cartInputSchema, input);
    expect(checked.ok).toBe(true);
    expect(input.credentials).toBeUndefined();
    expect(input).toMatchObject({
      platform: 'shopify',
      name: 'Acme web shop',
      earliestOrderDate: '2026-02-22',
      minInventoryLevel: 2,
      schedules: { order_download: 5, shipment_upload: 60, inventory_upload: null },
      settings: savedShopifyCart.settings,
    });
  });

  it('sends a newly typed token, trimmed', () => {
    const form = cartDraftFrom(savedShopifyCart, shopifyForm);
    const input = cartInputFrom({ ...form, platformDraft: { ...form.platformDraft, accessToken: ' shpat_new \n' } }, shopifyForm, 1, ALL);
    expect(input.credentials).toEqual({ accessToken: 'shpat_new' });
  });

  it("does not change the saved connection's schedules while the form is edited", () => {
    const form = cartDraftFrom(savedShopifyCart, shopifyForm);
    form.schedules.order_download = 60;
    expect(savedShopifyCart.schedules.order_download).toBe(5);
  });
});
