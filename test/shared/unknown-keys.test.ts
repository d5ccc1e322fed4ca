import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { closestKey, refuseUnknownKeys, unknownKeyMessages } from '../../shared/unknown-keys.js';

function issues(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be refused');
  return result.error.issues;
}

describe('refusing unknown input keys', () => {
  it('refuses an unknown key at the top and suggests the key that differs only by case', () => {
    const schema = refuseUnknownKeys(z.object({ merchantId: z.number().optional() }));
    const [issue] = issues(schema, { merchantID: 1 });
    expect(issue).toMatchObject({ code: 'unrecognized_keys', keys: ['merchantID'], path: [] });
    expect(issue.message).toBe('Unknown field merchantID; did you mean merchantId?');
  });

  it('gives an object that was strict already the same plain message', () => {
    const [issue] = issues(refuseUnknownKeys(z.object({ limit: z.number() }).strict()), { limit: 1, Limit: 2 });
    expect(issue.message).toBe('Unknown field Limit; did you mean limit?');
  });

  it('refuses unknown keys deep inside optional, defaulted, array and union members, each with its own message', () => {
    const settings = z.object({ shopDomain: z.string(), filters: z.object({ orderStatus: z.string() }).default({ orderStatus: 'open' }) });
    const schema = refuseUnknownKeys(
      z.object({
        cart: z.discriminatedUnion('platform', [z.object({ platform: z.literal('shopify'), settings }), z.object({ platform: z.literal('demo') })]).optional(),
        lines: z.array(z.object({ sku: z.string() })).default([]),
      }),
    );
    const found = issues(schema, {
      cart: { platform: 'shopify', settings: { shopDomain: 'a', filters: { orderStatus: 'open', finacialStatus: 'x' }, colour: 1 } },
      lines: [{ sku: 'A', qty: 2 }],
    });
    const byPath = Object.fromEntries(found.map((i) => [i.path.join('.'), i]));
    expect(byPath['cart.settings.filters'].message).toBe('Unknown field finacialStatus');
    expect(byPath['cart.settings'].message).toBe('Unknown field colour');
    expect(byPath['lines.0'].message).toBe('Unknown field qty');
  });

  it('gives each of several unknown keys of one object its own message', () => {
    const schema = refuseUnknownKeys(z.object({ limit: z.number().optional(), offset: z.number().optional() }));
    const [issue] = issues(schema, { limt: 1, zebra: 2 });
    expect(unknownKeyMessages(issue as never)).toEqual(['Unknown field limt; did you mean limit?', 'Unknown field zebra']);
  });

  it('keeps defaults, refinements and the messages of the original schema', () => {
    const schema = refuseUnknownKeys(
      z.object({ name: z.string().min(1, 'Enter the name'), size: z.number().default(5) }).refine((v) => v.name !== 'x', 'Not x'),
    );
    expect(schema.parse({ name: 'a' })).toEqual({ name: 'a', size: 5 });
    expect(issues(schema, { name: '' })[0].message).toBe('Enter the name');
    expect(issues(schema, { name: 'x' })[0].message).toBe('Not x');
    expect(issues(schema, 7)[0].code).toBe('invalid_type');
  });

  it('leaves objects that are open on purpose open, and the original schema untouched', () => {
    const original = z.object({ a: z.number() });
    const loose = z.looseObject({ a: z.number() });
    refuseUnknownKeys(original);
    expect(original.parse({ a: 1, b: 2 })).toEqual({ a: 1 });
    expect(refuseUnknownKeys(loose).parse({ a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
  });

  it('lists strict objects as additionalProperties false in JSON Schema', () => {
    const json = z.toJSONSchema(refuseUnknownKeys(z.object({ a: z.object({ b: z.number() }) })), { io: 'input' }) as unknown as {
      additionalProperties: unknown;
      properties: { a: { additionalProperties: unknown } };
    };
    expect(json.additionalProperties).toBe(false);
    expect(json.properties.a.additionalProperties).toBe(false);
  });

  it('suggests only keys that are close', () => {
    expect(closestKey('cartID', ['cartId', 'merchantId'])).toBe('cartId');
    expect(closestKey('serach', ['search', 'status'])).toBe('search');
    expect(closestKey('id', ['cartId'])).toBeUndefined();
    expect(closestKey('colour', ['limit', 'offset'])).toBeUndefined();
  });
});
