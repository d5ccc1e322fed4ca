import { describe, expect, it } from 'vitest';
import type { ConsentFlowView, ConsentStatusView } from '../../../../../shared/api-types.js';
import { connectionSummary, flowOutcome, newCartSavedText, pendingText } from '../../../../../renderer/src/screens/carts/connection/connection-text.js';

const flow = (over: Partial<ConsentFlowView> = {}): ConsentFlowView => ({
  status: 'pending',
  shared: false,
  reason: null,
  startedAt: '2026-12-06T10:00:00.000Z',
  expiresAt: '2026-12-06T10:10:00.000Z',
  finishedAt: null,
  consentUrl: 'https://consent.example/authorize?state=s',
  redirectUri: 'https://dockhand.example/landing',
  listening: false,
  listenProblem: null,
  ...over,
});
const status = (over: Partial<ConsentStatusView> = {}): ConsentStatusView => ({ cartId: 1, connection: 'not_connected', authError: null, flow: null, ...over });

describe('the Connection box in words', () => {
  it('offers Connect before a grant, and Reconnect once connected', () => {
    expect(connectionSummary(status(), 'Etsy')).toMatchObject({ label: 'Not connected', action: 'Connect', tone: 'neutral' });
    expect(connectionSummary(status({ connection: 'connected' }), 'Etsy')).toMatchObject({ label: 'Connected', action: 'Reconnect', tone: 'ok' });
  });

  it('says a cart not connected yet waits to be connected, and that its schedules start once it is', () => {
    const text = connectionSummary(status(), 'eBay').text;
    expect(text.startsWith('Waiting to be connected — press Connect: Connect opens eBay\'s consent page in your browser')).toBe(true);
    expect(text).toContain('schedules start by themselves once it is connected');
  });

  it('says a refused grant paused the cart, losing nothing, with the platform\'s reason, and leads with Reconnect', () => {
    const summary = connectionSummary(status({ connection: 'needs_reconnect', authError: 'The refresh token was revoked.' }), 'eBay');
    expect(summary).toMatchObject({ label: 'Needs reconnect', action: 'Reconnect', tone: 'bad' });
    expect(summary.text).toContain('eBay refused the saved access');
    expect(summary.text).toContain('nothing downloaded is lost');
    expect(summary.text).toContain('The refresh token was revoked.');
    // A reason without its full stop still reads as a sentence of its own.
    const bare = connectionSummary(status({ connection: 'needs_reconnect', authError: 'Reconnect the account' }), 'eBay');
    expect(bare.text).toContain('Reconnect the account. Reconnect to grant access again');
  });

  it('tells the warehouse to have the merchant send the landing address right after granting, for a setup link', () => {
    const text = pendingText(flow({ shared: true, expiresAt: '2026-12-13T10:00:00.000Z' }), 'Amazon');
    expect(text).toContain('right after that they must send you the address their browser lands on');
    expect(text).toContain('expires within minutes');
  });

  it('says Dockhand waits by itself when it listens, and asks for the address otherwise', () => {
    expect(pendingText(flow({ listening: true }), 'Etsy')).toContain('this box updates by itself');
    const paste = pendingText(flow(), 'eBay');
    expect(paste).toContain('the browser lands on https://dockhand.example/landing');
    expect(paste).toContain('paste it below');
    expect(pendingText(flow({ listenProblem: 'Port 3003 on this computer is taken by another program' }), 'Etsy')).toMatch(/^Port 3003 on this computer is taken by another program\. Copy/);
  });

  it('shows a failed attempt\'s reason, and nothing while one waits', () => {
    expect(flowOutcome(flow({ status: 'failed', reason: 'Access was not granted.' }))).toEqual({ kind: 'error', text: 'Access was not granted.' });
    expect(flowOutcome(flow())).toBeNull();
    expect(flowOutcome(null)).toBeNull();
  });
});

describe('the toast after a new cart is saved', () => {
  it('says a cart of a consent platform is saved and still to be connected, not that it is connected', () => {
    const text = newCartSavedText('Acme eBay', 'eBay');
    expect(text).toBe('Acme eBay saved. Now connect the eBay account: press Connect in the Connection box (or share a setup link with the merchant).');
    expect(text).not.toMatch(/connected|first download/);
  });

  it('keeps saying a cart with typed credentials is connected', () => {
    expect(newCartSavedText('Acme Shopify', null)).toBe('Acme Shopify connected. Use Test to check it, or wait for the first download.');
  });
});

describe('the paste step of a redirect that is a name, not an address', () => {
  it("says the browser lands on the app's redirect page, not on eBay's RuName", () => {
    const text = pendingText(flow({ redirectUri: 'Acme_Inc-AcmeInc-Dockha-abcdef' }), 'eBay');
    expect(text).toContain("After you allow Dockhand on the consent page, the browser lands on the page set as your eBay app's redirect.");
    expect(text).not.toContain('Acme_Inc-AcmeInc-Dockha-abcdef');
  });
});
