import { describe, expect, it } from 'vitest';
import { DockhandError } from '../../../../shared/errors.js';
import { redact, redactString, REDACTED } from '../../../../main/engine/log/redact.js';

describe('redact', () => {
  it('replaces secret-named keys at any depth', () => {
    const input = {
      cart: {
        name: 'Main shop',
        credentials: { accessToken: 'abc', clientSecret: 'def' },
        ftp: { host: 'ftp.example.com', user: 'bob', password: 'hunter2', passive: true },
        headers: [{ Authorization: 'Bearer xyz', Cookie: 'sid=1', 'X-Api-Key': 'k1', Accept: 'json' }],
      },
    };
    expect(redact(input)).toEqual({
      cart: {
        name: 'Main shop',
        credentials: REDACTED,
        ftp: { host: 'ftp.example.com', user: 'bob', password: REDACTED, passive: true },
        headers: [{ Authorization: REDACTED, Cookie: REDACTED, 'X-Api-Key': REDACTED, Accept: 'json' }],
      },
    });
  });

  it('does not mutate the input', () => {
    const input = { password: 'hunter2', nested: { url: 'ftp://bob:hunter2@host/x' } };
    const copy = structuredClone(input);
    redact(input);
    expect(input).toEqual(copy);
  });

  it('replaces secrets found inside string values', () => {
    const out = redact({
      header: 'Authorization: Bearer eyJhbGciOi.payload.sig',
      shopify: 'token shpat_0123456789abcdef0123 and shpca_ffff and shpss_1234',
      dump: '{"X-Shopify-Access-Token":"plain-token-value","Accept":"json"}',
      line: 'X-Shopify-Access-Token: another-token',
      ftp: 'connect ftp://bob:hunter2@ftp.example.com:21/orders failed',
      query: 'GET https://shop.example/api?limit=5&token=s3cr3t&page=2',
      body: 'grant_type=client_credentials&client_secret=topsecret',
    }) as Record<string, string>;
    expect(out.header).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(out.shopify).toBe(`token ${REDACTED} and ${REDACTED} and ${REDACTED}`);
    expect(out.dump).toBe(`{"X-Shopify-Access-Token":"${REDACTED}","Accept":"json"}`);
    expect(out.line).toBe(`X-Shopify-Access-Token: ${REDACTED}`);
    expect(out.ftp).toBe(`connect ftp://bob:${REDACTED}@ftp.example.com:21/orders failed`);
    expect(out.query).toBe(`GET https://shop.example/api?limit=5&token=${REDACTED}&page=2`);
    expect(out.body).toBe(`grant_type=client_credentials&client_secret=${REDACTED}`);
    const all = JSON.stringify(out);
    for (const secret of ['eyJhbGciOi', 'shpat_', 'plain-token-value', 'another-token', 'hunter2', 's3cr3t', 'topsecret']) {
      expect(all).not.toContain(secret);
    }
  });

  it('leaves ordinary text alone', () => {
    const text = 'Downloaded 12 orders from https://shop.example/admin (next cursor abc), passed on to the WMS';
    expect(redactString(text)).toBe(text);
  });

  it('serialises errors with name, message, stack, kind and a redacted cause', () => {
    const cause = new Error('login failed for ftp://bob:hunter2@host');
    const err = new DockhandError('auth', 'Shopify refused token shpat_abc123', { cause, retryAfterMs: 500 });
    const out = redact({ err }) as { err: Record<string, unknown> };
    expect(out.err.name).toBe('DockhandError');
    expect(out.err.kind).toBe('auth');
    expect(out.err.message).toBe(`Shopify refused token ${REDACTED}`);
    expect(out.err.retryAfterMs).toBe(500);
    expect(typeof out.err.stack).toBe('string');
    expect(out.err.stack).not.toContain('shpat_abc123');
    expect((out.err.cause as Record<string, unknown>).message).toBe(`login failed for ftp://bob:${REDACTED}@host`);
  });

  it('copes with cycles, dates, buffers and shared references', () => {
    const shared = { id: 1 };
    const cyclic: Record<string, unknown> = { name: 'loop', a: shared, b: shared };
    cyclic.self = cyclic;
    const out = redact({ cyclic, at: new Date('2026-01-02T03:04:05Z'), raw: Buffer.from('abc') });
    expect(out).toEqual({
      cyclic: { name: 'loop', a: { id: 1 }, b: { id: 1 }, self: '[circular]' },
      at: '2026-01-02T03:04:05.000Z',
      raw: '[3 bytes]',
    });
  });
});
