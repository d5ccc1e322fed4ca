import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../../main/engine/log/memory-logger.js';
import { REDACTED } from '../../../../main/engine/log/redact.js';

const fixedNow = () => new Date('2026-03-01T12:00:00.000Z');

describe('memory logger', () => {
  it('records entries with time, level, msg and fields, redacted', () => {
    const log = createMemoryLogger({ now: fixedNow });
    log.log('info', 'connected with shpat_abc', { cart: 3, token: 'abc' });
    expect(log.entries).toEqual([
      { time: '2026-03-01T12:00:00.000Z', level: 'info', msg: `connected with ${REDACTED}`, cart: 3, token: REDACTED },
    ]);
  });

  it('drops entries below its level', () => {
    const log = createMemoryLogger({ level: 'warn' });
    log.log('debug', 'a');
    log.log('info', 'b');
    log.log('warn', 'c');
    log.log('error', 'd');
    expect(log.entries.map((e) => e.msg)).toEqual(['c', 'd']);
  });

  it('merges child fields, the call’s own fields winning, into the parent’s entries', () => {
    const log = createMemoryLogger({ now: fixedNow });
    const child = log.child({ service: 'order_download', cart: 1 }).child({ run: 7 });
    child.log('info', 'page', { cart: 2, orders: 50 });
    expect(log.entries[0]).toEqual({
      time: '2026-03-01T12:00:00.000Z',
      level: 'info',
      msg: 'page',
      service: 'order_download',
      cart: 2,
      run: 7,
      orders: 50,
    });
  });

  it('keeps time, level and msg even when a field has the same name', () => {
    const log = createMemoryLogger({ now: fixedNow });
    log.log('warn', 'real', { msg: 'fake', level: 'debug', time: 'yesterday' });
    expect(log.entries[0]).toMatchObject({ time: '2026-03-01T12:00:00.000Z', level: 'warn', msg: 'real' });
  });
});
