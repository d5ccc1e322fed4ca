import { describe, expect, it } from 'vitest';
import { checkEditedDemoCursor, parseDemoCursor, serializeDemoCursor } from '../../../../../../main/engine/connectors/carts/demo/demo-cursor.js';
import { DockhandError } from '../../../../../../shared/errors.js';

describe('the Demo store sync position', () => {
  it('starts at zero without a position and reads back what it wrote', () => {
    expect(parseDemoCursor(null)).toBe(0);
    expect(parseDemoCursor(serializeDemoCursor(7))).toBe(7);
  });

  it('stops a download on a damaged position with a config error instead of a crash', () => {
    expect(() => parseDemoCursor('{not json')).toThrowError(DockhandError);
    expect(() => parseDemoCursor('{not json')).toThrowError(/damaged/);
  });

  it('normalises a typed count and refuses a typo on the cursor field', () => {
    expect(checkEditedDemoCursor(' 40 ')).toBe('{"issued":40}');
    try {
      checkEditedDemoCursor('forty');
      expect.unreachable();
    } catch (err) {
      expect((err as DockhandError).kind).toBe('validation');
      expect((err as DockhandError).fields?.cursor).toMatch(/like 12/);
    }
  });
});
