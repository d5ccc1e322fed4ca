import { expect } from 'vitest';
import { DockhandError } from '../../shared/errors.js';
import { jobActions } from '../../renderer/src/screens/activity/job-state-text.js';
import { expectVisibleState } from '../support/job-state-checks.js';
import { downloadOnce, earliestFor, type CaseEnv } from './case-env.js';
import { startEngineWorld, type EngineWorld } from './engine-world.js';
import { hook } from './hooks.js';

/**
 * What a remote cart does when its server says no: rate limits and a few 5xx are ridden out inside the
 * run; lasting 5xx, malformed payloads and refused credentials fail the run, checked in the engine's store
 * and scheduler (nothing half-written, the right pause, a visible Resume).
 */

async function withEngine(env: CaseEnv, body: (world: EngineWorld) => Promise<void>, credentials?: unknown): Promise<void> {
  const world = await startEngineWorld(env.adapter, env.fake, env.clock, { earliestOrderDate: earliestFor(env.clock), credentials });
  try {
    await body(world);
  } finally {
    await world.close();
  }
}

export async function rateLimitWaitedOut(env: CaseEnv): Promise<void> {
  const answers = hook(env.fake, 'rateLimitAnswers');
  await env.fake.seedOrders(5);
  hook(env.fake, 'rateLimitNext')();
  const before = answers();
  const run = await downloadOnce(env, null);
  expect(run.orders).toHaveLength(5);
  expect(answers() - before, 'the fake answered with a rate limit').toBeGreaterThan(0);
  expect(run.probe.throttled.reduce((sum, t) => sum + t.waitMs, 0), 'the wait is reported').toBeGreaterThan(0);
  expect(env.clock.slept.some((ms) => ms > 0), 'the connector waited').toBe(true);
}

export async function serverErrorsRetried(env: CaseEnv): Promise<void> {
  await env.fake.seedOrders(5);
  hook(env.fake, 'failNext')(2);
  const run = await downloadOnce(env, null);
  expect(run.orders).toHaveLength(5);
  // Proof the 5xx answers were served and ridden out: each retry's backoff is reported to the run.
  expect(run.probe.throttled.length, JSON.stringify(run.probe.throttled)).toBeGreaterThanOrEqual(2);
}

export async function serverErrorsFailCleanly(env: CaseEnv): Promise<void> {
  await env.fake.seedOrders(5);
  // Through the connector: a lasting 5xx is a transient error, never auth or config.
  hook(env.fake, 'failNext')(1000);
  const error = await downloadOnce(env, null).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(DockhandError);
  expect((error as DockhandError).kind).toBe('transient');
  hook(env.fake, 'healthy')();

  // Through the engine: the run fails saying so, with nothing saved, and the job is not paused.
  await withEngine(env, async (world) => {
    hook(env.fake, 'failNext')(1000);
    const failed = await world.run('order_download', world.cartId);
    expect(failed.status).toBe('failed');
    expect(failed.message).toMatch(/\b5\d\d\b|unavailable|server error/i);
    expect(await world.orderNumbers()).toEqual([]);
    expect(await world.syncPosition()).toBeNull();
    const job = await world.job('order_download');
    expect(job.state).not.toBe('paused');
    expectVisibleState(job);

    hook(env.fake, 'healthy')();
    const recovered = await world.run('order_download', world.cartId);
    expect(recovered.status).toBe('ok');
    expect(await world.orderNumbers()).toHaveLength(5);
  });
}

export async function malformedPayloadFailsWithNothingHalfWritten(env: CaseEnv): Promise<void> {
  const pageSize = hook(env.fake, 'pageSize');
  const malform = hook(env.fake, 'malformPage');
  const count = pageSize * 2 + 1;
  await env.fake.seedOrders(count);

  await withEngine(env, async (world) => {
    malform('first');
    const first = await world.run('order_download', world.cartId);
    expect(first.status).toBe('failed');
    expect(first.message).toBeTruthy();
    expect(await world.orderNumbers()).toEqual([]);
    expect(await world.syncPosition()).toBeNull();
    hook(env.fake, 'healthy')();

    // A bad later page: the pages before it are saved whole, with the position they reach, nothing more.
    malform('later');
    const later = await world.run('order_download', world.cartId);
    expect(later.status).toBe('failed');
    const saved = await world.orderNumbers();
    expect(saved.length % pageSize, `${saved.length} orders saved: whole pages only`).toBe(0);
    expect(saved.length).toBeLessThan(count);
    if (saved.length > 0) expect(await world.syncPosition()).not.toBeNull();
    hook(env.fake, 'healthy')();

    const recovered = await world.run('order_download', world.cartId);
    expect(recovered.status).toBe('ok');
    const all = await world.orderNumbers();
    expect(all).toHaveLength(count);
    expect(new Set(all).size).toBe(count);
  });
}

export async function wrongCredentialsAreAuth(env: CaseEnv): Promise<void> {
  const wrong = hook(env.fake, 'wrongCredentials')();
  await env.fake.seedOrders(2);
  await withEngine(
    env,
    async (world) => {
      const test = await world.t.call('carts.test', { id: world.cartId });
      expect(test.ok).toBe(false);

      const failed = await world.run('order_download', world.cartId);
      expect(failed.status).toBe('failed');
      expect((await world.t.call('carts.get', { id: world.cartId })).authError).toBeTruthy();
      const alerts = await world.t.call('alerts.list', {});
      expect(alerts.map((a) => a.key)).toContain(`auth:cart:${world.cartId}`);
      const job = await world.job('order_download');
      expect(job).toMatchObject({ state: 'paused', by: 'auth' });
      expectVisibleState(job);
      expect(jobActions(job).resume, 'the job offers Resume').toBe(true);
      const logged = JSON.stringify(world.t.log.entries);
      for (const secret of Object.values(wrong as Record<string, unknown>)) {
        if (typeof secret === 'string') expect(logged, 'the refused secret is not logged').not.toContain(secret);
      }
      expect(await world.orderNumbers()).toEqual([]);
    },
    wrong,
  );
}

export async function malformedOrderRecordedRunGoesOn(env: CaseEnv): Promise<void> {
  const seedMalformed = hook(env.fake, 'seedMalformedOrder');
  await env.fake.seedOrders(1);
  await seedMalformed();
  await env.fake.seedOrders(2);

  await withEngine(env, async (world) => {
    const run = await world.run('order_download', world.cartId);
    expect(run.status, run.message ?? '').not.toBe('failed');
    expect(run.counts.invalid).toBe(1);
    expect(run.errors, 'the bad order is named with its reason').toHaveLength(1);
    expect(await world.orderNumbers()).toHaveLength(3);
    const position = await world.syncPosition();
    expect(position).not.toBeNull();

    // The position moved past the bad order: what comes after it still arrives.
    await env.fake.seedOrders(1);
    const next = await world.run('order_download', world.cartId);
    expect(next.status, next.message ?? '').not.toBe('failed');
    expect(await world.orderNumbers()).toHaveLength(4);
  });
}
