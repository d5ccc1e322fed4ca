import { describe, expect, it } from 'vitest';
import { validate } from '../../../../../renderer/src/components/form-errors.js';
import { woocommerceForm } from '../../../../../renderer/src/screens/carts/platforms/woocommerce-form.js';
import { wooSettingsSchema } from '../../../../../shared/platforms/woocommerce.js';

describe('the WooCommerce form', () => {
  it('starts blank with processing orders only, and asks for both keys of a new connection', () => {
    const draft = woocommerceForm.newDraft();
    expect(draft).toMatchObject({ storeUrl: '', statuses: ['processing'], queryStringAuth: false, baseUrl: '' });
    expect(Object.keys(woocommerceForm.checkCredentials(draft, false))).toEqual(['credentials.consumerKey', 'credentials.consumerSecret']);
    expect(woocommerceForm.checkCredentials(draft, true)).toEqual({});
  });

  it('sends what the API accepts, with blank keys left out so the saved ones stay', () => {
    const input = woocommerceForm.toInput({ ...woocommerceForm.newDraft(), storeUrl: ' https://shop.example.com ', consumerKey: ' ck_1 ', consumerSecret: '' });
    expect(wooSettingsSchema.parse(input.settings)).toEqual({ storeUrl: 'https://shop.example.com', statuses: ['processing'], queryStringAuth: false });
    expect(input.credentials).toEqual({ consumerKey: 'ck_1' });
  });

  it('puts the https message on the store address field', () => {
    const checked = validate(wooSettingsSchema, woocommerceForm.toInput({ ...woocommerceForm.newDraft(), storeUrl: 'http://shop.example.com' }).settings);
    expect(checked.ok ? {} : checked.errors).toEqual({ storeUrl: expect.stringContaining('https://') });
  });

  it('shows a saved connection as saved, keys blank, and opens Advanced where a value there is set', () => {
    const draft = woocommerceForm.draftFromSaved({ storeUrl: 'https://shop.example.com', statuses: ['processing', 'on-hold'], baseUrl: 'http://127.0.0.1:8080' });
    expect(draft).toEqual({ storeUrl: 'https://shop.example.com', statuses: ['processing', 'on-hold'], queryStringAuth: false, baseUrl: 'http://127.0.0.1:8080', consumerKey: '', consumerSecret: '' });
    expect(woocommerceForm.opensAdvanced?.(draft)).toBe(true);
    expect(woocommerceForm.opensAdvanced?.(woocommerceForm.newDraft())).toBe(false);
  });
});
