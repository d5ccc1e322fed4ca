import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/engine/engine-api.js';
import { createConsentLinks, noticingConsentLinks } from '../../../main/shell/consent-links.js';
import { isAppLink } from '../../../main/shell/external-links.js';
import { decideWindowOpen } from '../../../main/shell/navigation-policy.js';

const CONSENT = 'https://www.market.example/oauth/connect?client_id=c1&state=s1&code_challenge=x';
const pending = (over: object = {}) => ({ cartId: 1, connection: 'not_connected', authError: null, flow: { status: 'pending', shared: false, consentUrl: CONSENT, ...over } });

describe('the consent pages the desktop app opens in the browser', () => {
  it('opens exactly the consent URL the engine made for this window, and nothing else on its site', async () => {
    const links = createConsentLinks();
    const opens = (url: string) => isAppLink(url) || links.has(url);
    expect(decideWindowOpen(CONSENT, opens)).toBe('deny');

    const engine = noticingConsentLinks({ call: async () => pending() } as unknown as Engine, links);
    await engine.call('consent.start', { cartId: 1 });
    expect(decideWindowOpen(CONSENT, opens)).toBe('open-externally');
    expect(decideWindowOpen('https://www.market.example/oauth/connect?client_id=evil&state=s1', opens)).toBe('deny');
    expect(decideWindowOpen('https://www.market.example/', opens)).toBe('deny');
  });

  it('does not open a setup link meant for the merchant, an ended flow\'s, or one that is not https', () => {
    const links = createConsentLinks();
    links.note('consent.start', pending({ shared: true }));
    links.note('consent.status', pending({ status: 'connected' }));
    links.note('consent.start', pending({ consentUrl: 'http://www.market.example/oauth' }));
    links.note('consent.start', pending({ consentUrl: 'https://user:pw@www.market.example/oauth' }));
    links.note('carts.get', pending());
    expect(links.has(CONSENT)).toBe(false);
    expect(links.has('http://www.market.example/oauth')).toBe(false);
  });
});
