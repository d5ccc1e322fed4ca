import { beforeEach, describe, expect, it } from 'vitest';
import { DockhandError } from '../../../../../../shared/errors.js';
import {
  cachedTokenSource,
  clearCachedTokens,
  staticTokenSource,
  type IssuedToken,
} from '../../../../../../main/engine/connectors/carts/kit/token-source.js';
import type { Clock } from '../../../../../../main/engine/platform/ports.js';

let nowMs = Date.parse('2026-11-20T10:00:00Z');
const clock: Clock = { now: () => new Date(nowMs), sleep: async () => {} };

/** A platform that issues token-1, token-2, ... each living `lifetimeMs`; `answer` replaces its next answer. */
function platform(lifetimeMs?: number) {
  const issued: string[] = [];
  let answer: (() => Promise<IssuedToken>) | undefined;
  let gate: Promise<void> = Promise.resolve();
  return {
    issued,
    fail(err: unknown) {
      answer = () => Promise.reject(err);
    },
    hold(): () => void {
      let open!: () => void;
      gate = new Promise((r) => (open = r));
      return open;
    },
    async issue(): Promise<IssuedToken> {
      await gate;
      if (answer) {
        const a = answer;
        answer = undefined;
        return a();
      }
      issued.push(`token-${issued.length + 1}`);
      return { token: issued[issued.length - 1], lifetimeMs };
    },
  };
}

const source = (p: ReturnType<typeof platform>, key = 'shop-a') => cachedTokenSource({ key, clock, issue: () => p.issue() });

beforeEach(() => {
  clearCachedTokens();
  nowMs = Date.parse('2026-11-20T10:00:00Z');
});

describe('a cached access token', () => {
  it('is fetched once and shared by every source of the same key, not by another key', async () => {
    const p = platform(3600_000);
    expect(await source(p).token()).toBe('token-1');
    expect(await source(p).token()).toBe('token-1');
    expect(await source(p, 'shop-b').token()).toBe('token-2');
    expect(p.issued).toHaveLength(2);
  });

  it('is renewed before it expires (inside the margin), not after', async () => {
    const p = platform(3600_000);
    const s = source(p);
    await s.token();
    nowMs += 3600_000 - 5 * 60_000 - 1; // just before the five-minute margin
    expect(await s.token()).toBe('token-1');
    nowMs += 2;
    expect(await s.token()).toBe('token-2');
  });

  it('lives 24 hours when the platform does not say', async () => {
    const p = platform(undefined);
    const s = source(p);
    await s.token();
    nowMs += 23 * 3600_000;
    expect(await s.token()).toBe('token-1');
    nowMs += 3600_000;
    expect(await s.token()).toBe('token-2');
  });

  it('has one refresh in flight at a time: concurrent callers share it', async () => {
    const p = platform(3600_000);
    const open = p.hold();
    const all = Promise.all([source(p).token(), source(p).token(), source(p).token()]);
    open();
    expect(await all).toEqual(['token-1', 'token-1', 'token-1']);
    expect(p.issued).toHaveLength(1);
  });

  it('refreshes once after a refusal, even when several callers were refused the same token', async () => {
    const p = platform(3600_000);
    const a = source(p);
    const b = source(p);
    const refused = await a.token();
    expect(a.invalidate(refused)).toBe(true);
    expect(await a.token()).toBe('token-2');
    // b was refused token-1 too, and says so after a already renewed: token-2 is kept.
    expect(b.invalidate(refused)).toBe(true);
    expect(await b.token()).toBe('token-2');
    expect(p.issued).toHaveLength(2);
  });

  it('keeps the error kind of a failed refresh for every caller, and does not cache the failure', async () => {
    const p = platform(3600_000);
    const open = p.hold();
    p.fail(new DockhandError('auth', 'Acme refused the client id and secret'));
    const both = Promise.allSettled([source(p).token(), source(p).token()]);
    open();
    for (const r of await both) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toMatchObject({ kind: 'auth', message: 'Acme refused the client id and secret' });
    }
    expect(await source(p).token()).toBe('token-1'); // the next call asks again
  });

  it('keeps using a token that still lives when its renewal fails for a passing reason, not for refused credentials', async () => {
    const p = platform(3600_000);
    const s = source(p);
    await s.token();
    nowMs += 3590_000; // renewal due, token alive for ten more seconds
    p.fail(new DockhandError('transient', 'HTTP 503'));
    expect(await s.token()).toBe('token-1');
    p.fail(new DockhandError('auth', 'revoked'));
    await expect(s.token()).rejects.toMatchObject({ kind: 'auth' });
  });

  it('does not put a token back that was refused while it was being fetched', async () => {
    const p = platform(3600_000);
    const s = source(p);
    const open = p.hold();
    const pending = s.token();
    clearCachedTokens(); // what a sign-out does mid-refresh
    open();
    expect(await pending).toBe('token-1');
    expect(await s.token()).toBe('token-2');
  });
});

describe('a fixed token', () => {
  it('is always the same and cannot be renewed', async () => {
    const s = staticTokenSource('shpat_x');
    expect(await s.token()).toBe('shpat_x');
    expect(s.invalidate('shpat_x')).toBe(false);
  });
});
