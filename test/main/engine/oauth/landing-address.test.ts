import { describe, expect, it } from 'vitest';
import { landingErrorText, landingFromPaste } from '../../../../main/engine/oauth/landing-address.js';
import { pkceChallenge } from '../../../../main/engine/oauth/consent-secrets.js';

const shape = { codeParam: 'spapi_oauth_code', extraParams: ['selling_partner_id'] };

describe('reading the landing address a person pasted', () => {
  it('reads the whole address, with the code, the state and the extra parameters', () => {
    expect(landingFromPaste(' https://app.example/landing?spapi_oauth_code=ANa%5Ez&state=s1&selling_partner_id=A1 ', shape)).toEqual({
      code: 'ANa^z',
      state: 's1',
      error: null,
      errorDescription: null,
      params: { selling_partner_id: 'A1' },
    });
  });

  it('reads the query alone, with or without its question mark', () => {
    expect(landingFromPaste('?spapi_oauth_code=c1&state=s1', shape)).toMatchObject({ code: 'c1', state: 's1' });
    expect(landingFromPaste('state=s1&spapi_oauth_code=c1', shape)).toMatchObject({ code: 'c1', state: 's1' });
  });

  it('takes a bare code, even one with the characters eBay puts in its codes', () => {
    expect(landingFromPaste('v^1.1#i^1#r^1#I^3#f^0#p^3#t^Ul41XzI6==', shape)).toEqual({ code: 'v^1.1#i^1#r^1#I^3#f^0#p^3#t^Ul41XzI6==', state: null, error: null, errorDescription: null, params: {} });
  });

  it('reads the platform\'s error and its words', () => {
    const landing = landingFromPaste('https://app.example/landing?error=access_denied&error_description=User+said+no&state=s1', shape);
    expect(landing).toMatchObject({ code: null, error: 'access_denied', errorDescription: 'User said no' });
    expect(landingErrorText(landing, 'Amazon')).toBe(
      'Access was not granted on Amazon\'s consent page (it was refused or cancelled). Amazon said: "User said no". Connect again and choose Allow to let Dockhand read orders and send shipments.',
    );
  });

  it('says what is wrong with an address that has no code, and with text that is no address', () => {
    expect(() => landingFromPaste('https://app.example/landing?foo=1', shape)).toThrow('That address has no code in it (no "spapi_oauth_code=" part)');
    expect(() => landingFromPaste('   ', shape)).toThrow('Paste the address the browser landed on');
    expect(() => landingFromPaste('I clicked allow', shape)).toThrow('That is not a landing address or a code');
  });
});

describe('the PKCE challenge', () => {
  it('is the S256 of the verifier (RFC 7636 appendix B)', () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
});
