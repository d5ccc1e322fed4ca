import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OVERLAP_MS,
  IncrementalWindow,
  parseWindowPosition,
  pruneRecent,
} from '../../../../../../main/engine/connectors/carts/kit/incremental-window.js';

const start = (saved: string | null, earliestOrderDate = '2026-01-01T00:00:00Z') =>
  new IncrementalWindow({ saved, earliestOrderDate, platformName: 'Shopify' });

const position = (text: string) => JSON.parse(text) as { v: number; updatedAt: string; createdAtMin?: string; recent: Record<string, string> };

describe('the incremental window on a modified-since field', () => {
  it('starts a first run at the earliest order date, which also becomes the created-at floor', () => {
    const w = start(null, '2026-01-01T05:00:00+05:00');
    expect(w.since).toBe('2026-01-01T00:00:00.000Z');
    expect(w.createdAtMin).toBe('2026-01-01T00:00:00.000Z');
    expect(position(w.positionAfterPage())).toEqual({ v: 1, updatedAt: '2026-01-01T00:00:00.000Z', recent: {}, createdAtMin: '2026-01-01T00:00:00.000Z' });
  });

  it('refuses a first run whose earliest order date is not a time with its zone, naming the field', () => {
    expect(() => start(null, '2026-01-01 00:00')).toThrow(expect.objectContaining({ kind: 'config', fields: { earliestOrderDate: 'Enter a date and time' } }));
  });

  it('resumes a versioned position Shopify saved before the kit existed, at the same place', () => {
    const saved =
      '{"v":1,"updatedAt":"2026-11-20T15:32:10.000Z","recent":{"gid://shopify/Order/7":"2026-11-20T15:32:10.000Z","gid://shopify/Order/6":"2026-11-20T15:29:00.000Z"},"createdAtMin":"2026-01-01T00:00:00.000Z"}';
    const w = start(saved);
    expect(w.since).toBe('2026-11-20T15:27:10.000Z'); // five minutes of overlap
    expect(w.createdAtMin).toBe('2026-01-01T00:00:00.000Z');
    expect(w.highWater).toBe('2026-11-20T15:32:10.000Z');
    expect(w.alreadyHandedOver('gid://shopify/Order/7', '2026-11-20T15:32:10.000Z')).toBe(true);
    expect(w.alreadyHandedOver('gid://shopify/Order/6', '2026-11-20T15:29:00.000Z')).toBe(true);
    expect(w.alreadyHandedOver('gid://shopify/Order/6', '2026-11-20T15:31:00.000Z')).toBe(false); // changed since
    // Saved again unchanged when the run finds nothing new: the same JSON, key for key.
    expect(w.positionAfterPage()).toBe(saved);
  });

  it('resumes a position saved without createdAtMin or recent, and keeps it without a created-at floor', () => {
    const w = start('{"v":1,"updatedAt":"2026-11-20T10:00:00Z"}');
    expect(w.since).toBe('2026-11-20T09:55:00.000Z');
    expect(w.createdAtMin).toBeUndefined();
    expect(position(w.positionAfterPage())).toEqual({ v: 1, updatedAt: '2026-11-20T10:00:00.000Z', recent: {} });
  });

  it('resumes a bare timestamp typed in Diagnostics, offsets converted to UTC', () => {
    expect(start('2026-11-20T10:00:00-05:00').since).toBe('2026-11-20T14:55:00.000Z');
    expect(start('  2026-11-20T15:00:00Z \n').highWater).toBe('2026-11-20T15:00:00.000Z');
  });

  it('refuses a position it cannot read with the platform named and where to reset it', () => {
    expect(() => parseWindowPosition('{"updatedAt":"2026-11-20 10:00"}', 'Shopify')).toThrow(
      'The saved Shopify sync position is not valid (updatedAt is not a timestamp with a zone); reset it in Diagnostics',
    );
    expect(() => parseWindowPosition('yesterday', 'WooCommerce')).toThrow(/saved WooCommerce sync position is not valid \(it is not JSON\)/);
    expect(parseWindowPosition('  ', 'Shopify')).toBeNull();
  });

  it('ignores recent entries that are not strings instead of refusing the whole position', () => {
    expect(parseWindowPosition('{"updatedAt":"2026-11-20T10:00:00Z","recent":{"a":"2026-11-20T10:00:00.000Z","b":7}}', 'Shopify')?.recent).toEqual({
      a: '2026-11-20T10:00:00.000Z',
    });
  });

  it('raises the high-water mark from every item of a page, bad ones included, and never lowers it', () => {
    const w = start('2026-11-20T10:00:00Z');
    w.observe(['2026-11-20T09:00:00Z', 'not a date', undefined, '2026-11-20T10:07:00+00:00', '2026-11-20T11:00:00']);
    expect(w.highWater).toBe('2026-11-20T10:07:00.000Z'); // a time without a zone is not guessed
    w.observe(['2026-11-20T09:59:00Z']);
    expect(position(w.positionAfterPage()).updatedAt).toBe('2026-11-20T10:07:00.000Z');
  });

  it('does not hand an unchanged order over twice when the overlap re-reads it, but does hand over its change', () => {
    const first = start(null);
    first.observe(['2026-11-20T10:00:00.000Z']);
    expect(first.alreadyHandedOver('o1', '2026-11-20T10:00:00.000Z')).toBe(false);
    first.handOver('o1', '2026-11-20T10:00:00.000Z');
    const next = start(first.positionAfterPage());
    expect(next.alreadyHandedOver('o1', '2026-11-20T10:00:00.000Z')).toBe(true);
    expect(next.alreadyHandedOver('o1', '2026-11-20T10:01:00.000Z')).toBe(false);
  });

  it('prunes hand-overs that fell out of the overlap window, and bounds how many are kept, newest first', () => {
    const recent = new Map([
      ['old', '2026-11-20T09:54:59.999Z'],
      ['edge', '2026-11-20T09:55:00.000Z'],
      ['new', '2026-11-20T10:00:00.000Z'],
    ]);
    expect(pruneRecent(recent, '2026-11-20T10:00:00.000Z')).toEqual({ new: '2026-11-20T10:00:00.000Z', edge: '2026-11-20T09:55:00.000Z' });
    expect(Object.keys(pruneRecent(recent, '2026-11-20T10:00:00.000Z', 60 * 60_000, 2))).toEqual(['new', 'edge']);
    const w = new IncrementalWindow({ saved: '2026-11-20T10:00:00Z', earliestOrderDate: '', platformName: 'X', overlapMs: 1000, maxRecent: 1 });
    w.handOver('a', '2026-11-20T09:59:59.500Z');
    w.handOver('b', '2026-11-20T09:59:59.800Z');
    w.handOver('c', '2026-11-20T09:00:00.000Z');
    expect(position(w.positionAfterPage()).recent).toEqual({ b: '2026-11-20T09:59:59.800Z' });
  });

  it('keeps whole seconds when told: the high-water second always, and the second that reaches the bound', () => {
    const recent = new Map<string, string>();
    for (let i = 0; i < 5; i++) recent.set(`mass${i}`, '2026-11-20T10:00:00.000Z');
    recent.set('newer', '2026-11-20T10:00:01.000Z');
    recent.set('older', '2026-11-20T09:59:59.000Z');
    // Bound 3: 'newer', then the mass action's second is reached and kept whole; the older second is not.
    const kept = pruneRecent(recent, '2026-11-20T10:00:01.000Z', DEFAULT_OVERLAP_MS, 3, true);
    expect(Object.keys(kept).sort()).toEqual(['mass0', 'mass1', 'mass2', 'mass3', 'mass4', 'newer']);
    // Without it the bound cuts the second in half.
    expect(Object.keys(pruneRecent(recent, '2026-11-20T10:00:01.000Z', DEFAULT_OVERLAP_MS, 3))).toHaveLength(3);
  });
});
