import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../shared/contract.js';
import { PLAIN } from '../../shared/plain-messages.js';
import { fieldErrors } from '../../main/engine/api/dispatch.js';

/** What zod says to programmers; none of it may reach a person. */
// "received" only as zod's "received number": a choice may be called received (files.list's direction).
const ZOD_WORDS = /Too small|Too big|expected (int|number|string|boolean|array|object)|received (undefined|null|NaN|int|number|string|boolean|array|object|bigint)|Invalid (URL|input|option|string|ISO|email)|[<>]=|Unrecognized key/;

const message = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value, PLAIN);
  if (result.success) throw new Error(`accepted ${JSON.stringify(value)}`);
  return result.error.issues[0].message;
};

describe('field messages in plain words', () => {
  it('says what number to enter', () => {
    expect(message(z.number().int().min(0), -1)).toBe('Enter 0 or more');
    expect(message(z.number().int(), 1.5)).toBe('Enter a whole number');
    expect(message(z.number().max(500), 501)).toBe('Enter 500 or less');
    expect(message(z.number().positive(), 0)).toBe('Enter a number greater than 0');
    expect(message(z.number(), 'ten')).toBe('Enter a number');
  });

  it('says a blank field is required, and how long text may be', () => {
    expect(message(z.string().min(1), '')).toBe('This is required');
    expect(message(z.string(), undefined)).toBe('This is required');
    expect(message(z.number(), undefined)).toBe('This is required');
    expect(message(z.string().max(3), 'abcd')).toBe('Enter at most 3 characters');
    expect(message(z.string().min(8), 'abc')).toBe('Enter at least 8 characters');
  });

  it('says what form an address, a date or a choice takes', () => {
    expect(message(z.url(), 'example')).toBe('Enter a web address, such as https://example.com');
    expect(message(z.string().url(), 'example')).toBe('Enter a web address, such as https://example.com');
    expect(message(z.email(), 'x')).toMatch(/^Enter an email address/);
    expect(message(z.iso.date(), '2025-13-01')).toBe('Enter a date as YYYY-MM-DD, such as 2025-01-31');
    expect(message(z.enum(['ftp', 'sftp']), 'http')).toBe('Choose one of: ftp, sftp');
  });

  it("keeps a schema's own message", () => {
    expect(message(z.string().min(1, 'Enter the shop domain'), '')).toBe('Enter the shop domain');
  });
});

describe('every method of the API answers bad input in plain words', () => {
  /** Wrong values for each top-level field of a method's input: blank, negative, fractional, wrong type. */
  function badInputs(schema: z.ZodType): unknown[] {
    const inputs: unknown[] = [{}, { id: -1 }, { id: 1.5 }, { id: 'one' }];
    const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, unknown>) : {};
    for (const key of Object.keys(shape)) {
      for (const bad of ['', -1, 1.5, 'x', [], { x: 1 }, null]) inputs.push({ [key]: bad });
    }
    return inputs;
  }

  it('has no zod wording in any field message', () => {
    const offending: string[] = [];
    for (const name of Object.keys(contract) as MethodName[]) {
      const schema = contract[name].input as z.ZodType;
      for (const input of badInputs(schema)) {
        const result = schema.safeParse(input, PLAIN);
        if (result.success) continue;
        for (const [field, text] of Object.entries(fieldErrors(result.error))) {
          if (ZOD_WORDS.test(text)) offending.push(`${name} ${JSON.stringify(input)} ${field}: ${text}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });
});
