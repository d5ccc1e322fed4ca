import { describe, expect, it } from 'vitest';
import { SHOPIFY_SUPPORTED_API_VERSIONS, shopifySettingsSchema } from '../../../../../shared/schemas/shopify.js';
import { validate } from '../../../../../renderer/src/components/form-errors.js';
import { SHOPIFY_API_VERSION_OPTIONS, shopifyForm } from '../../../../../renderer/src/screens/carts/platforms/shopify-form.js';

const newDraft = () => ({ ...shopifyForm.newDraft(), shopDomain: 'acme-store.myshopify.com' });

describe('a new Shopify connection form', () => {
  it("starts with the shop blank and Shopify's usual filters, signing in with an access token", () => {
    expect(shopifyForm.newDraft()).toMatchObject({
      shopDomain: '',
      authMode: 'access_token',
      orderStatus: 'open',
      financialStatuses: ['PAID', 'PARTIALLY_REFUNDED'],
      fulfillmentStatuses: ['UNFULFILLED', 'PARTIALLY_FULFILLED'],
      includeTestOrders: false,
      baseUrl: '',
      accessToken: '',
    });
    expect(SHOPIFY_SUPPORTED_API_VERSIONS).toContain(shopifyForm.newDraft().apiVersion);
  });

  it('offers only the API versions the connector supports, each with how long Shopify serves it', () => {
    expect(SHOPIFY_API_VERSION_OPTIONS.map((o) => o.value)).toEqual([...SHOPIFY_SUPPORTED_API_VERSIONS]);
    expect(SHOPIFY_API_VERSION_OPTIONS.map((o) => o.label)).toEqual([
      '2026-01 (served until at least January 2027)',
      '2026-04 (served until at least April 2027)',
      '2026-07 (served until at least July 2027)',
      '2026-10 (newest; served until at least October 2027)',
    ]);
    expect(shopifyForm.newDraft().apiVersion).toBe('2026-10');
  });

  it('gives settings the API accepts once the shop is filled in', () => {
    expect(shopifySettingsSchema.safeParse(shopifyForm.toInput(newDraft()).settings).success).toBe(true);
  });
});

describe('the Shopify settings sent to the API', () => {
  it('leave a blank base URL and location out, so the shop address and first location apply', () => {
    const { settings } = shopifyForm.toInput({ ...newDraft(), baseUrl: '  ', locationId: '' });
    expect(settings).toMatchObject({ baseUrl: undefined, locationId: undefined });
  });

  it('carry a typed base URL and location, trimmed', () => {
    const { settings } = shopifyForm.toInput({ ...newDraft(), baseUrl: ' http://127.0.0.1:4010 ', locationId: ' gid://shopify/Location/1 ' });
    expect(settings).toMatchObject({ baseUrl: 'http://127.0.0.1:4010', locationId: 'gid://shopify/Location/1' });
  });

  it('carry the choice to download test orders with the filters', () => {
    expect(shopifyForm.toInput(newDraft()).settings).toMatchObject({ filters: { includeTestOrders: false } });
    expect(shopifyForm.toInput({ ...newDraft(), includeTestOrders: true }).settings).toMatchObject({ filters: { includeTestOrders: true } });
    expect(shopifyForm.shownFields).toContain('settings.filters.includeTestOrders');
  });

  it('send only the credentials of the chosen way of signing in', () => {
    const typed = { accessToken: 'shpat_abc', clientId: 'id-1', clientSecret: 'secret-1' };
    expect(shopifyForm.toInput({ ...newDraft(), ...typed, authMode: 'access_token' }).credentials).toEqual({ accessToken: 'shpat_abc' });
    expect(shopifyForm.toInput({ ...newDraft(), ...typed, authMode: 'client_credentials' }).credentials).toEqual({
      clientId: 'id-1',
      clientSecret: 'secret-1',
    });
  });

  it('send no credentials when they are left blank, so the saved ones stay', () => {
    expect(shopifyForm.toInput({ ...newDraft(), accessToken: '   ' }).credentials).toBeUndefined();
    expect(shopifyForm.toInput({ ...newDraft(), authMode: 'client_credentials', clientId: 'id-2' }).credentials).toEqual({ clientId: 'id-2' });
  });
});

describe('missing Shopify credentials', () => {
  it('are asked for on a connection that has none saved', () => {
    expect(shopifyForm.checkCredentials(newDraft(), false)).toEqual({ 'credentials.accessToken': 'Enter the Admin API access token' });
    expect(shopifyForm.checkCredentials({ ...newDraft(), authMode: 'client_credentials', clientId: 'id-1' }, false)).toEqual({
      'credentials.clientSecret': 'Enter the client secret',
    });
  });

  it('are fine when typed, or when saved ones are kept', () => {
    expect(shopifyForm.checkCredentials({ ...newDraft(), accessToken: 'shpat_abc' }, false)).toEqual({});
    expect(shopifyForm.checkCredentials(newDraft(), true)).toEqual({});
  });

  it('are shown on fields the form shows', () => {
    const errors = shopifyForm.checkCredentials({ ...newDraft(), authMode: 'client_credentials' }, false);
    for (const key of Object.keys(errors)) expect(shopifyForm.shownFields).toContain(key);
  });
});

describe('a saved Shopify connection opened for editing', () => {
  it('shows its settings as saved', () => {
    const form = shopifyForm.draftFromSaved({
      shopDomain: 'acme-store.myshopify.com',
      apiVersion: '2026-04',
      authMode: 'client_credentials',
      locationId: 'gid://shopify/Location/9',
      filters: { orderStatus: 'any', financialStatuses: [], fulfillmentStatuses: ['UNFULFILLED'] },
    });
    expect(form).toMatchObject({
      shopDomain: 'acme-store.myshopify.com',
      apiVersion: '2026-04',
      authMode: 'client_credentials',
      baseUrl: '',
      locationId: 'gid://shopify/Location/9',
      orderStatus: 'any',
      financialStatuses: [],
      fulfillmentStatuses: ['UNFULFILLED'],
      clientId: '',
      clientSecret: '',
    });
  });

  it('keeps its filters but offers a supported API version when the saved one is no longer supported', () => {
    const form = shopifyForm.draftFromSaved({
      shopDomain: 'acme-store.myshopify.com',
      apiVersion: '2024-10',
      filters: { orderStatus: 'any', financialStatuses: [], fulfillmentStatuses: ['UNFULFILLED'], includeTestOrders: true },
    });
    expect(form).toMatchObject({ apiVersion: shopifyForm.newDraft().apiVersion, orderStatus: 'any', fulfillmentStatuses: ['UNFULFILLED'], includeTestOrders: true });
  });

  it('offers the newest version for one saved with a version Shopify has retired, says so, and opens Advanced to show it', () => {
    const form = shopifyForm.draftFromSaved({ shopDomain: 'acme-store.myshopify.com', apiVersion: '2025-10', locationId: 'gid://shopify/Location/9' });
    expect(form).toMatchObject({ apiVersion: '2026-10', retiredApiVersion: '2025-10', locationId: 'gid://shopify/Location/9' });
    expect(shopifyForm.opensAdvanced?.(form)).toBe(true);
    expect(shopifySettingsSchema.safeParse(shopifyForm.toInput(form).settings).success).toBe(true);
    expect(shopifyForm.toInput(form).settings).not.toHaveProperty('retiredApiVersion');
    expect(shopifyForm.opensAdvanced?.(shopifyForm.draftFromSaved({ shopDomain: 'acme-store.myshopify.com', apiVersion: '2026-04' }))).toBe(false);
  });

  it('keeps at least the shop when its saved settings no longer read as valid', () => {
    const form = shopifyForm.draftFromSaved({ shopDomain: 'acme-store.myshopify.com', apiVersion: 'latest' });
    expect(form.shopDomain).toBe('acme-store.myshopify.com');
    expect(form.apiVersion).toBe(shopifyForm.newDraft().apiVersion);
  });

  it('shows every settings problem on a field, and base URL and API version problems inside Advanced', () => {
    const form = { ...newDraft(), shopDomain: 'acme.com', apiVersion: 'latest', baseUrl: 'ftp://proxy' };
    const checked = validate(shopifySettingsSchema, shopifyForm.toInput(form).settings);
    const keys = checked.ok ? [] : Object.keys(checked.errors).map((key) => `settings.${key}`);
    expect(keys.sort()).toEqual(['settings.apiVersion', 'settings.baseUrl', 'settings.shopDomain']);
    for (const key of keys) expect(shopifyForm.shownFields).toContain(key);
    expect(keys.filter((key) => shopifyForm.advancedFields?.includes(key)).sort()).toEqual(['settings.apiVersion', 'settings.baseUrl']);
  });
});
