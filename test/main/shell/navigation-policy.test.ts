import { describe, expect, it } from 'vitest';
import { decideNavigation, decideWindowOpen } from '../../../main/shell/navigation-policy.js';

describe('navigation and new windows', () => {
  it('lets the window move between our own pages only', () => {
    expect(decideNavigation('dockhand://app/index.html#/orders')).toBe('allow');
    expect(decideNavigation('dockhand://elsewhere/index.html')).toBe('deny');
  });

  it('sends the links the app makes to the browser instead of the window', () => {
    expect(decideNavigation('https://help.shopify.com/en/manual')).toBe('open-externally');
    expect(decideWindowOpen('https://acme-store.myshopify.com/admin/orders/1001')).toBe('open-externally');
    expect(decideWindowOpen('https://www.ups.com/track?tracknum=1Z999AA10123456784')).toBe('open-externally');
  });

  it('refuses links to any other site, plain http, another port and look-alike hosts', () => {
    for (const url of [
      'https://evil.example.com/',
      'http://127.0.0.1:8080/',
      'http://help.shopify.com/en/manual',
      'https://help.shopify.com:8443/',
      'https://www.ups.com.evil.example/track',
      'https://myshopify.com.evil.example/',
      'https://evilmyshopify.com/',
    ]) {
      expect(decideNavigation(url), url).toBe('deny');
      expect(decideWindowOpen(url), url).toBe('deny');
    }
  });

  it('refuses every other scheme and links carrying credentials', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-msdt:/id', 'https://user:pw@www.ups.com/', 'not a url']) {
      expect(decideNavigation(url)).toBe('deny');
      expect(decideWindowOpen(url)).toBe('deny');
    }
  });

  it('never opens one of our own pages in a new window', () => {
    expect(decideWindowOpen('dockhand://app/index.html')).toBe('deny');
  });
});
