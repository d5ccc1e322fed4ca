import { describe, expect, it } from 'vitest';
import { describeIssues, shipMethodSchema } from '../../../../renderer/src/screens/ship-methods/ship-method-schema.js';

const problemWith = (method: unknown) => {
  const result = shipMethodSchema.safeParse(method);
  if (result.success) throw new Error('expected the method to be refused');
  return describeIssues(result.error);
};

describe('a WMS ship method checked on the screen', () => {
  it('is accepted as the engine would accept it, trimmed, with description and carrier optional', () => {
    expect(shipMethodSchema.parse({ code: ' UPS-GND ' })).toEqual({ code: 'UPS-GND', description: '', carrier: '' });
  });

  it('without a code asks for one', () => {
    expect(problemWith({ code: '   ', description: 'Ground', carrier: 'UPS' })).toBe('Enter a code');
  });

  it('with a field too long says which field and how long it may be', () => {
    expect(problemWith({ code: 'X'.repeat(51) })).toBe('The code is too long (at most 50 characters)');
    expect(problemWith({ code: 'A', carrier: 'C'.repeat(51) })).toBe('The carrier is too long (at most 50 characters)');
    expect(problemWith({ code: 'A', description: 'D'.repeat(201) })).toBe('The description is too long (at most 200 characters)');
  });

  it('of the wrong kind names the field', () => {
    expect(problemWith({ code: 42 })).toMatch(/^code: /);
  });
});
