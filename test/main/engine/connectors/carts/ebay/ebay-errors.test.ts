import { describe, expect, it } from 'vitest';
import { classifyEbayFailure } from '../../../../../../main/engine/connectors/carts/ebay/ebay-errors.js';
import type { HttpResponse } from '../../../../../../main/engine/net/index.js';

const reply = (status: number, body: unknown, contentType = 'application/json'): HttpResponse => ({
  status,
  headers: { get: (name) => (name.toLowerCase() === 'content-type' ? contentType : null) },
  text: typeof body === 'string' ? body : JSON.stringify(body),
});

const envelope = (errorId: number, category: string, message: string) => ({ errors: [{ errorId, domain: 'API_FULFILLMENT', category, message, longMessage: `${message} (long)` }] });

describe("eBay's error envelope, classed", () => {
  it('makes errorId 1001 auth whatever the status, and 1100 auth that names the missing scope', () => {
    expect(classifyEbayFailure('eBay', reply(400, envelope(1001, 'REQUEST', 'Invalid access token')), 'the order list').kind).toBe('auth');
    const scope = classifyEbayFailure('eBay', reply(403, envelope(1100, 'REQUEST', 'Insufficient permissions to fulfill the request.')), 'the offers');
    expect(scope.kind).toBe('auth');
    expect(scope.message).toContain('sell.inventory');
  });

  it("makes APPLICATION errors transient, REQUEST and BUSINESS refusals data with eBay's long message and error id", () => {
    expect(classifyEbayFailure('eBay', reply(400, envelope(2003, 'APPLICATION', 'Internal error')), 'x').kind).toBe('transient');
    const request = classifyEbayFailure('eBay', reply(400, envelope(32100, 'REQUEST', 'Invalid line item ID')), 'shipping order 1');
    expect(request.kind).toBe('data');
    expect(request.message).toContain('Invalid line item ID (long) (eBay error 32100)');
    expect(classifyEbayFailure('eBay', reply(409, envelope(32800, 'BUSINESS', 'Order is cancelled')), 'x').kind).toBe('data');
  });

  it('makes 429 rate_limited and 5xx transient, and a page that is not eBay a setup problem', () => {
    expect(classifyEbayFailure('eBay', reply(429, envelope(2001, 'REQUEST', 'Too many requests')), 'x').kind).toBe('rate_limited');
    expect(classifyEbayFailure('eBay', reply(503, '<html>down</html>', 'text/html'), 'x').kind).toBe('transient');
    const html = classifyEbayFailure('eBay', reply(404, '<html><title>Not Found</title></html>', 'text/html'), 'the order list');
    expect(html.kind).toBe('config');
    expect(html.message).toContain('Advanced address');
  });
});
