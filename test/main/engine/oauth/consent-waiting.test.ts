import { afterEach, describe, expect, it } from 'vitest';
import { WAITING_FOR_CONNECTION } from '../../../../main/engine/jobs.js';
import { sealBound } from '../../../../main/engine/saved-secret.js';
import { insertCart } from '../../../../main/engine/store/repositories/carts-repo.js';
import { setScheduleMinutes } from '../../../../main/engine/store/repositories/schedules-repo.js';
import { CART_SERVICES } from '../../../../shared/domain.js';
import { scriptedOAuthDescriptor, scriptedOAuthPlugin, SCRIPTED_OAUTH, withScriptedOAuth } from '../../../support/consent-platform.js';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';
import { rejection } from '../../../support/rejection.js';
import { startTokenEndpoint, type TokenEndpoint } from '../../../support/token-endpoint.js';

const APP = { clientId: 'client-7f3a', clientSecret: 'secret-c0ffee-91' };
const LANDING = 'https://dockhand.example/consent-landing';
const platforms = withScriptedOAuth({ descriptor: scriptedOAuthDescriptor({ pkce: false }), plugin: scriptedOAuthPlugin() });

const opened: { engine: TestEngine; endpoint: TokenEndpoint }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) {
    await o.engine.close();
    await o.endpoint.close();
  }
});

/** An engine whose scheduler runs, and a saved cart of the scripted market with only its app's fields. */
async function world() {
  const endpoint = await startTokenEndpoint();
  const engine = await startTestEngine({ platforms, startScheduler: true });
  const o = { engine, endpoint };
  opened.push(o);
  const merchant = await engine.call('merchants.create', { name: 'Acme', code: 'ACME' });
  const ctx = engine.engine.context;
  const cartId = await ctx.store.write((db) => {
    const id = insertCart(
      db,
      {
        merchantId: merchant.id,
        platform: SCRIPTED_OAUTH,
        name: 'Acme market',
        orderSource: 'Acme market',
        settings: { shop: 'acme.market.example', tokenUrl: endpoint.url, redirectUri: LANDING },
        credentialsSealed: sealBound(ctx.secrets, APP, 'https://acme.market.example'),
        earliestOrderDate: '2026-01-01T00:00:00.000Z',
        rejectUnmapped: false,
        minInventoryLevel: 0,
      },
      ctx.nowIso(),
    );
    setScheduleMinutes(db, 'order_download', id, 15);
    return id;
  });
  await ctx.jobs.sync('order_download', cartId);
  const download = async () => (await o.engine.engine.context.jobs.list()).find((j) => j.service === 'order_download' && j.targetId === cartId)!;
  async function connect(refreshToken: string) {
    const started = await o.engine.call('consent.start', { cartId });
    const url = new URL(started.flow!.consentUrl!);
    const code = endpoint.grant({ redirectUri: url.searchParams.get('redirect_uri')!, refreshToken });
    const landing = new URL(LANDING);
    landing.searchParams.set('code', code);
    landing.searchParams.set('state', url.searchParams.get('state')!);
    landing.searchParams.set('seller', 'S-42');
    return o.engine.call('consent.complete', { cartId, landing: landing.toString() });
  }
  return { o, cartId, download, connect };
}

describe('a marketplace cart saved before its account is connected', () => {
  it('waits to be connected: its jobs are not armed, Run now says so, and no run, pause or alert is made', async () => {
    const { o, cartId, download } = await world();
    const jobs = o.engine.engine.context.jobs;

    expect(await download()).toMatchObject({ state: 'waiting', for: 'connection', reason: WAITING_FOR_CONNECTION });
    expect(jobs.dueWithin('order_download', cartId, 60 * 60_000)).toBe(false);
    const refused = await rejection(jobs.runNow('order_download', cartId));
    expect(refused).toMatchObject({ kind: 'conflict', message: 'Waiting to be connected — press Connect' });

    expect((await o.engine.call('runs.list', { kind: 'cart', targetId: cartId })).items).toEqual([]);
    expect(await o.engine.call('alerts.list', {})).toEqual([]);
    expect(await o.engine.call('carts.get', { id: cartId })).toMatchObject({ awaitsConnection: true, authError: null });
    const dashboard = await o.engine.call('dashboard.summary', {});
    expect(dashboard.merchants[0].carts[0]).toMatchObject({ id: cartId, health: 'waiting' });

    // Still waiting after a restart: the fact is read again from the saved credentials.
    const dataDir = o.engine.dataDir;
    await o.engine.close({ keepDir: true });
    o.engine = await startTestEngine({ dataDir, platforms, startScheduler: true });
    expect(await download()).toMatchObject({ state: 'waiting', for: 'connection' });
  });

  it('starts on its schedule once the consent saves the grant, and its runs download', async () => {
    const { o, cartId, download, connect } = await world();
    const jobs = o.engine.engine.context.jobs;

    expect(await connect('rt-first')).toMatchObject({ connection: 'connected' });
    expect((await download()).state).toBe('scheduled');
    expect(jobs.dueWithin('order_download', cartId, 60 * 60_000)).toBe(true);
    expect(await o.engine.call('carts.get', { id: cartId })).toMatchObject({ awaitsConnection: false });
    expect((await jobs.runNow('order_download', cartId)).status).toBe('ok');
    expect((await o.engine.call('orders.list', { cartId })).total).toBe(1);
    expect(await o.engine.call('alerts.list', {})).toEqual([]);
  });

  it('pauses with the Reconnect wording when a cart that was connected loses its grant', async () => {
    const { o, cartId, download, connect } = await world();
    const jobs = o.engine.engine.context.jobs;
    await connect('rt-first');
    expect((await jobs.runNow('order_download', cartId)).status).toBe('ok');

    o.endpoint.revoke('rt-first');
    expect((await jobs.runNow('order_download', cartId)).status).toBe('failed');
    expect(await download()).toMatchObject({ state: 'paused', by: 'auth' });
    expect(await o.engine.call('carts.get', { id: cartId })).toMatchObject({ awaitsConnection: false, authError: expect.stringContaining('reconnect') });
    const alerts = (await o.engine.call('alerts.list', {})).filter((a) => a.targetId === cartId);
    expect(alerts.map((a) => [a.severity, a.message])).toEqual([['error', expect.stringContaining('Reconnect Acme market to grant access again')]]);
    expect((await o.engine.call('dashboard.summary', {})).merchants[0].carts[0].health).toBe('failing');
  });

  it('leaves every service of the cart waiting, not only the download', async () => {
    const { o, cartId } = await world();
    const ctx = o.engine.engine.context;
    await ctx.store.write((db) => {
      for (const s of CART_SERVICES) setScheduleMinutes(db, s, cartId, 30);
    });
    for (const s of CART_SERVICES) await ctx.jobs.sync(s, cartId);
    const states = (await ctx.jobs.list()).filter((j) => j.targetId === cartId && (CART_SERVICES as readonly string[]).includes(j.service)).map((j) => j.state);
    expect(states).toEqual(CART_SERVICES.map(() => 'waiting'));
  });
});
