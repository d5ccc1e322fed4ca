import { describe, expect, it } from 'vitest';
import { etsyForm, ETSY_KEYSTRING_HINT, ETSY_REDIRECT_HINT } from '../../../../../renderer/src/screens/carts/platforms/etsy-form.js';
import { etsyPlatform } from '../../../../../shared/platforms/etsy.js';
import { etsySettingsSchema } from '../../../../../shared/schemas/etsy.js';

describe('the Etsy connection form', () => {
  it('starts with the suggested loopback redirect and asks only for the app fields, never the grant', () => {
    const draft = etsyForm.newDraft();
    expect(draft).toEqual({ keystring: '', sharedSecret: '', redirectUri: 'http://localhost:3003/oauth/redirect', baseUrl: '' });
    const input = etsyForm.toInput({ ...draft, keystring: ' key123 ', sharedSecret: ' s ' });
    expect(etsySettingsSchema.safeParse(input.settings).success).toBe(true);
    expect(input.credentials).toEqual({ keystring: 'key123', sharedSecret: 's' });
    expect(etsyForm.shownFields.filter((f) => f.startsWith('credentials.')).map((f) => f.slice('credentials.'.length))).toEqual([...etsyPlatform.oauth.appFields]);
  });

  it('names a missing keystring unless credentials are saved', () => {
    expect(etsyForm.checkCredentials(etsyForm.newDraft(), false)).toEqual({ 'credentials.keystring': expect.any(String) });
    expect(etsyForm.checkCredentials(etsyForm.newDraft(), true)).toEqual({});
  });

  it('says where the keystring comes from and that the redirect must be registered exactly', () => {
    expect(ETSY_KEYSTRING_HINT).toContain('developers.etsy.com');
    expect(ETSY_REDIRECT_HINT).toContain('Register exactly this address');
    expect(ETSY_REDIRECT_HINT).toContain('http://localhost:3003/oauth/redirect');
  });

  it("keeps a saved cart's settings in the draft, the base URL in Advanced", () => {
    const saved = etsySettingsSchema.parse({ redirectUri: 'https://example.com/back', baseUrl: 'http://127.0.0.1:4000' });
    expect(etsyForm.draftFromSaved(saved)).toEqual({ keystring: '', sharedSecret: '', redirectUri: 'https://example.com/back', baseUrl: 'http://127.0.0.1:4000' });
    expect(etsyForm.advancedFields).toEqual(['settings.baseUrl']);
  });
});
