import { describe, expect, it } from 'vitest';
import { decideNavigation, decideWindowOpen } from '../../../main/shell/navigation-policy.js';

describe('navigation and new windows', () => {
  it('lets the window move between our own pages only', () => {
    expect(decideNavigation('dockhand://app/index.html#/orders')).toBe('allow');
    expect(decideNavigation('dockhand://elsewhere/index.html')).toBe('deny');
  });

  it('sends web links to the browser instead of the window', () => {
    expect(decideNavigation('https://help.shopify.com/en/manual')).toBe('open-externally');
    expect(decideWindowOpen('http://127.0.0.1:8080/')).toBe('open-externally');
  });

  it('refuses every other scheme and links carrying credentials', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-msdt:/id', 'https://user:pw@example.com/', 'not a url']) {
      expect(decideNavigation(url)).toBe('deny');
      expect(decideWindowOpen(url)).toBe('deny');
    }
  });

  it('never opens one of our own pages in a new window', () => {
    expect(decideWindowOpen('dockhand://app/index.html')).toBe('deny');
  });
});
