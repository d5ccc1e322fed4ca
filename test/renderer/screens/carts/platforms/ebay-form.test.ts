import { describe, expect, it } from 'vitest';
import { ebayOAuth } from '../../../../../shared/platforms/ebay.js';
import { ebaySettingsSchema } from '../../../../../shared/schemas/ebay.js';
import { ebayForm } from '../../../../../renderer/src/screens/carts/platforms/ebay-form.js';

describe('the eBay connection form', () => {
  it("starts on production with unshipped orders, and sends only the app's fields as credentials", () => {
    const draft = ebayForm.newDraft();
    expect(draft).toMatchObject({ environment: 'production', fulfillmentStatuses: 'NOT_STARTED|IN_PROGRESS', baseUrl: '', clientId: '' });
    const input = ebayForm.toInput({ ...draft, clientId: ' app ', clientSecret: 'secret', ruName: 'Acme-RuName' });
    expect(ebaySettingsSchema.safeParse(input.settings).success).toBe(true);
    expect(input.credentials).toEqual({ clientId: 'app', clientSecret: 'secret', ruName: 'Acme-RuName' });
  });

  it('asks for no token: the grant fields come from Connect, and no field of the form is one', () => {
    for (const grant of ebayOAuth.grantFields) expect(ebayForm.shownFields).not.toContain(`credentials.${grant}`);
    for (const app of ebayOAuth.appFields) expect(ebayForm.shownFields).toContain(`credentials.${app}`);
  });

  it('names each missing app field, unless credentials are saved', () => {
    expect(Object.keys(ebayForm.checkCredentials(ebayForm.newDraft(), false))).toEqual(['credentials.clientId', 'credentials.clientSecret', 'credentials.ruName']);
    expect(ebayForm.checkCredentials(ebayForm.newDraft(), true)).toEqual({});
  });

  it('keeps a saved test address in Advanced and opens it', () => {
    const saved = ebaySettingsSchema.parse({ environment: 'sandbox', baseUrl: 'http://127.0.0.1:9999' });
    const draft = ebayForm.draftFromSaved(saved);
    expect(draft).toMatchObject({ environment: 'sandbox', baseUrl: 'http://127.0.0.1:9999', clientSecret: '' });
    expect(ebayForm.opensAdvanced?.(draft)).toBe(true);
    expect(ebayForm.advancedFields).toEqual(['settings.baseUrl']);
  });
});
