import { describe, expect, it } from 'vitest';
import { bigcommerceForm } from '../../../../../renderer/src/screens/carts/platforms/bigcommerce-form.js';
import { platformForm } from '../../../../../renderer/src/screens/carts/platforms/index.js';
import { bigcommerceSettingsSchema } from '../../../../../shared/platforms/bigcommerce.js';

describe('the BigCommerce connection form', () => {
  it('is the form of the bigcommerce platform', () => {
    expect(platformForm('bigcommerce')).toBe(bigcommerceForm);
  });

  it('starts with the store hash blank, Awaiting Fulfillment ticked, the default location and the BigCommerce API', () => {
    expect(bigcommerceForm.newDraft()).toEqual({
      storeHash: '',
      accessToken: '',
      statusIds: [11],
      locationId: '1',
      apiBase: 'https://api.bigcommerce.com',
      baseUrl: '',
    });
  });

  it('gives settings the API accepts, leaving a blank base URL out', () => {
    const input = bigcommerceForm.toInput({ ...bigcommerceForm.newDraft(), storeHash: 'abc123', accessToken: ' tok ' });
    expect(bigcommerceSettingsSchema.parse(input.settings)).toEqual({ storeHash: 'abc123', apiBase: 'https://api.bigcommerce.com', statusIds: [11], locationId: 1 });
    expect(input.credentials).toEqual({ accessToken: 'tok' });
  });

  it('asks for the access token of a new connection, and keeps a saved one when left blank', () => {
    expect(bigcommerceForm.checkCredentials(bigcommerceForm.newDraft(), false)).toEqual({ 'credentials.accessToken': expect.stringContaining('access token') });
    expect(bigcommerceForm.checkCredentials(bigcommerceForm.newDraft(), true)).toEqual({});
    expect(bigcommerceForm.toInput({ ...bigcommerceForm.newDraft(), storeHash: 'abc123' }).credentials).toBeUndefined();
  });

  it('reads a saved connection back, and opens Advanced when it does not use the BigCommerce API address', () => {
    const draft = bigcommerceForm.draftFromSaved({ storeHash: 'abc123', statusIds: [9, 11], baseUrl: 'http://127.0.0.1:9000' });
    expect(draft).toMatchObject({ storeHash: 'abc123', statusIds: [9, 11], baseUrl: 'http://127.0.0.1:9000' });
    expect(bigcommerceForm.opensAdvanced!(draft)).toBe(true);
    expect(bigcommerceForm.opensAdvanced!(bigcommerceForm.newDraft())).toBe(false);
  });

  it('shows every field the API can name in a message', () => {
    for (const key of Object.keys(bigcommerceSettingsSchema.shape)) expect(bigcommerceForm.shownFields).toContain(`settings.${key}`);
  });
});
