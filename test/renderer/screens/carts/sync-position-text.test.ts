import { describe, expect, it } from 'vitest';
import { describeSyncPosition, formatUtc } from '../../../../renderer/src/screens/carts/sync-position-text.js';

const EARLIEST = '2026-11-01T00:00:00.000Z';

describe('the sync position in words', () => {
  it('shows a UTC instant as a date and minute in UTC, whatever zone it was written in', () => {
    expect(formatUtc('2026-11-20T11:32:45+01:00')).toBe('2026-11-20 10:32 UTC');
  });

  it('says a cart that never downloaded starts from its earliest order date', () => {
    const text = describeSyncPosition('shopify', null, EARLIEST);
    expect(text.summary).toBe('Not started: the first download starts from the earliest order date 2026-11-01 00:00 UTC.');
    expect(text.editValue).toBe(EARLIEST);
  });

  it('says which Shopify orders come next and offers the time to edit', () => {
    const cursor = JSON.stringify({ v: 1, updatedAt: '2026-11-20T10:32:00.000Z', createdAtMin: EARLIEST, recent: { a: '2026-11-20T10:30:00Z' } });
    const text = describeSyncPosition('shopify', cursor, EARLIEST);
    expect(text.summary).toBe('Orders updated after 2026-11-20 10:32 UTC are downloaded next.');
    expect(text.unreadable).toBe(false);
    expect(text.editValue).toBe('2026-11-20T10:32:00.000Z');
  });

  it('says how many orders the Demo store has handed out', () => {
    expect(describeSyncPosition('demo', '{"issued":12}', EARLIEST).summary).toBe('The Demo store has handed out 12 orders; the next download starts at order 13.');
    expect(describeSyncPosition('demo', '{"issued":12}', EARLIEST).editValue).toBe('12');
  });

  it('warns that a damaged position will stop the next download', () => {
    expect(describeSyncPosition('shopify', '{"updatedAt":"yesterday"}', EARLIEST)).toMatchObject({ unreadable: true, summary: expect.stringMatching(/cannot be read/) });
    expect(describeSyncPosition('demo', 'oops', EARLIEST).unreadable).toBe(true);
  });

  it('shows the raw value of a platform it does not know without guessing', () => {
    expect(describeSyncPosition('woo', 'page=4', EARLIEST)).toMatchObject({ unreadable: false, editValue: 'page=4' });
  });
});
