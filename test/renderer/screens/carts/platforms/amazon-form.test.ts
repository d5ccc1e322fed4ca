import { describe, expect, it } from 'vitest';
import { amazonCredentialsSchema, amazonSettingsSchema } from '../../../../../shared/schemas/amazon.js';
import { amazonOAuth } from '../../../../../shared/platforms/amazon.js';
import { AMAZON_LWA_HINT, amazonForm, marketplacesFromText } from '../../../../../renderer/src/screens/carts/platforms/amazon-form.js';

describe('the Amazon connection form', () => {
  it('starts on the consent path in North America for the US marketplace, and gives settings the API accepts', () => {
    const draft = amazonForm.newDraft();
    expect(draft).toMatchObject({ region: 'na', authMode: 'consent', marketplaceIds: 'ATVPDKIKX0DER', includeAfn: false });
    const input = amazonForm.toInput({ ...draft, clientId: ' amzn1.application-oa2-client.x ', clientSecret: 's', applicationId: 'amzn1.sp.solution.x', redirectUri: 'https://example.com/landing' });
    expect(amazonSettingsSchema.safeParse(input.settings).success).toBe(true);
    expect(amazonCredentialsSchema.safeParse(input.credentials).success).toBe(true);
    expect(input.credentials).toEqual({ clientId: 'amzn1.application-oa2-client.x', clientSecret: 's', applicationId: 'amzn1.sp.solution.x' });
  });

  it('does not ask for the grant on the consent path: the app fields are the descriptor\'s app fields', () => {
    const errors = amazonForm.checkCredentials(amazonForm.newDraft(), false);
    expect(Object.keys(errors).map((k) => k.replace('credentials.', '')).sort()).toEqual([...amazonOAuth.appFields].sort());
    for (const grant of amazonOAuth.grantFields) expect(Object.keys(errors)).not.toContain(`credentials.${grant}`);
  });

  it('takes a self-authorized refresh token and the seller id pasted by hand, and sends no app id then', () => {
    const draft = { ...amazonForm.newDraft(), authMode: 'self_authorized' as const, clientId: 'c', clientSecret: 's', applicationId: 'ignored', refreshToken: ' Atzr|abc ', sellingPartnerId: 'a2euq1wtgctbg2' };
    expect(amazonForm.toInput(draft).credentials).toEqual({ clientId: 'c', clientSecret: 's', refreshToken: 'Atzr|abc', sellingPartnerId: 'A2EUQ1WTGCTBG2' });
    expect(Object.keys(amazonForm.checkCredentials({ ...draft, refreshToken: '', sellingPartnerId: '' }, false))).toEqual(['credentials.refreshToken', 'credentials.sellingPartnerId']);
    expect(amazonForm.checkCredentials({ ...draft, refreshToken: '' }, true)).toEqual({});
  });

  it('reads several marketplaces typed with commas or spaces, in capitals, once each', () => {
    expect(marketplacesFromText(' ATVPDKIKX0DER, a2euq1wtgctbg2 ,, ATVPDKIKX0DER A1AM78C64UM0Y8')).toEqual(['ATVPDKIKX0DER', 'A2EUQ1WTGCTBG2', 'A1AM78C64UM0Y8']);
  });

  it('says where the LWA credentials are found', () => {
    expect(AMAZON_LWA_HINT).toContain('Develop Apps');
    expect(AMAZON_LWA_HINT).toContain('LWA credentials');
  });

  it("keeps a saved cart's settings in the draft, credentials blank, and opens Advanced for a base URL", () => {
    const saved = amazonSettingsSchema.parse({ region: 'eu', marketplaceIds: ['A1F83G8C2ARO7P', 'A1PA6795UKMFR9'], baseUrl: 'http://127.0.0.1:9000' });
    const draft = amazonForm.draftFromSaved(saved);
    expect(draft).toMatchObject({ region: 'eu', marketplaceIds: 'A1F83G8C2ARO7P, A1PA6795UKMFR9', baseUrl: 'http://127.0.0.1:9000', clientSecret: '' });
    expect(amazonForm.opensAdvanced?.(draft)).toBe(true);
    for (const field of amazonForm.advancedFields ?? []) expect(amazonForm.shownFields).toContain(field);
  });
});
