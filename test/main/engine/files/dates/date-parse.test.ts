import { describe, expect, it } from 'vitest';
import { parseDateToUtc } from '../../../../../main/engine/files/dates/date-parse.js';

describe('parseDateToUtc', () => {
  it.each([
    ['2026-11-27', 'UTC', '2026-11-27T00:00:00.000Z'],
    ['2026-11-27', 'America/New_York', '2026-11-27T05:00:00.000Z'],
    ['2026-11-27', 'Asia/Tokyo', '2026-11-26T15:00:00.000Z'],
    ['11/27/2026', 'America/Los_Angeles', '2026-11-27T08:00:00.000Z'],
    ['7/4/2026', 'America/Los_Angeles', '2026-07-04T07:00:00.000Z'],
    ['27/11/2026', 'UTC', '2026-11-27T00:00:00.000Z'],
    ['20261127', 'UTC', '2026-11-27T00:00:00.000Z'],
    ['2026-11-27 14:30', 'Europe/Berlin', '2026-11-27T13:30:00.000Z'],
    ['2026-11-27T14:30:15', 'UTC', '2026-11-27T14:30:15.000Z'],
    ['2026-11-27T14:30:15Z', 'America/New_York', '2026-11-27T14:30:15.000Z'],
    ['2026-11-27T14:30:15.123-05:00', 'Asia/Tokyo', '2026-11-27T19:30:15.123Z'],
    ['2026-11-27T14:30:15+0530', 'UTC', '2026-11-27T09:00:15.000Z'],
    ['11/27/2026 2:05 PM', 'UTC', '2026-11-27T14:05:00.000Z'],
    ['11/27/2026 12:05 AM', 'UTC', '2026-11-27T00:05:00.000Z'],
    ['  2026-11-27  ', 'UTC', '2026-11-27T00:00:00.000Z'],
  ])('reads %s in %s as %s', (raw, zone, expected) => {
    expect(parseDateToUtc(raw, zone)).toBe(expected);
  });

  it('uses the summer offset for a summer date in the profile zone', () => {
    expect(parseDateToUtc('2026-07-01 12:00', 'America/New_York')).toBe('2026-07-01T16:00:00.000Z');
  });

  it.each(['', 'yesterday', '2026-13-01', '2026-02-30', '13/13/2026', '2026-11-27T25:00', '11/27/26'])(
    'refuses %j',
    (raw) => {
      expect(parseDateToUtc(raw, 'UTC')).toBeNull();
    },
  );
});
