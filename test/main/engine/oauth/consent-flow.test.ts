import { createServer } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsentStatusView } from '../../../../shared/api-types.js';
import { systemClock, type Clock } from '../../../../main/engine/platform/ports.js';
import { secretToSend, sealBound } from '../../../../main/engine/saved-secret.js';
import { getCart, insertCart } from '../../../../main/engine/store/repositories/carts-repo.js';
import { setScheduleMinutes } from '../../../../main/engine/store/repositories/schedules-repo.js';
import { scriptedOAuthDescriptor, scriptedOAuthPlugin, SCRIPTED_OAUTH, withScriptedOAuth } from '../../../support/consent-platform.js';
import { startTestEngine, type TestEngine } from '../../../support/engine-harness.js';
import { rejection } from '../../../support/rejection.js';
import { startTokenEndpoint, type TokenEndpoint } from '../../../support/token-endpoint.js';

const APP = { clientId: 'client-7f3a', clientSecret: 'secret-c0ffee-91' };

/** A port free right now on 127.0.0.1, for a loopback redirect the flow will listen on. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Whether something accepts connections on the port now. */
async function accepts(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
}

interface World {
  engine: TestEngine;
  endpoint: TokenEndpoint;
  plugin: ReturnType<typeof scriptedOAuthPlugin>;
  exchange: ReturnType<typeof vi.spyOn>;
  merchantId: number;
  /** A saved cart of the scripted market with the app's fields typed; `redirectUri` as registered. */
  addCart(name: string, redirectUri: string, credentials?: Record<string, string>): Promise<number>;
  /** The consent page saying yes: the landing address (code, state and the seller) the browser goes to. */
  consent(status: ConsentStatusView, refreshToken?: string): string;
  clock: Clock & { advance(ms: number): void };
  restart(): Promise<void>;
}

const worlds: World[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) {
    await w.engine.close();
    await w.endpoint.close();
  }
});

async function world(options: { pkce?: boolean } = {}): Promise<World> {
  const endpoint = await startTokenEndpoint();
  const plugin = scriptedOAuthPlugin();
  const exchange = vi.spyOn(plugin, 'exchangeAuthorizationCode');
  const platforms = withScriptedOAuth({ descriptor: scriptedOAuthDescriptor({ pkce: options.pkce ?? true }), plugin });
  let offset = 0;
  const clock = { ...systemClock, now: () => new Date(Date.now() + offset), advance: (ms: number) => void (offset += ms) };
  const engine = await startTestEngine({ platforms, clock });
  const merchant = await engine.call('merchants.create', { name: 'Acme', code: 'ACME' });
  const w: World = {
    engine,
    endpoint,
    plugin,
    exchange,
    merchantId: merchant.id,
    clock,
    async addCart(name, redirectUri, credentials = APP) {
      const shop = `${name.toLowerCase()}.market.example`;
      const ctx = w.engine.engine.context;
      const id = await ctx.store.write((db) => {
        const id = insertCart(
          db,
          {
            merchantId: merchant.id,
            platform: SCRIPTED_OAUTH,
            name,
            orderSource: name,
            settings: { shop, tokenUrl: endpoint.url, redirectUri },
            credentialsSealed: sealBound(ctx.secrets, credentials, `https://${shop}`),
            earliestOrderDate: '2026-01-01T00:00:00.000Z',
            rejectUnmapped: false,
            minInventoryLevel: 0,
          },
          ctx.nowIso(),
        );
        setScheduleMinutes(db, 'order_download', id, 15);
        return id;
      });
      await ctx.jobs.sync('order_download', id);
      return id;
    },
    consent(status, refreshToken) {
      const url = new URL(status.flow!.consentUrl!);
      const redirectUri = url.searchParams.get('redirect_uri')!;
      const code = endpoint.grant({ redirectUri, codeChallenge: url.searchParams.get('code_challenge') ?? undefined, refreshToken });
      const landing = new URL(redirectUri);
      landing.searchParams.set('code', code);
      landing.searchParams.set('state', url.searchParams.get('state')!);
      landing.searchParams.set('seller', 'S-42');
      return landing.toString();
    },
    async restart() {
      await w.engine.close({ keepDir: true });
      w.engine = await startTestEngine({ dataDir: w.engine.dataDir, platforms, clock });
    },
  };
  worlds.push(w);
  return w;
}

async function savedCredentials(w: World, cartId: number) {
  const ctx = w.engine.engine.context;
  const cart = (await ctx.store.read((db) => getCart(db, cartId)))!;
  return { sealed: cart.credentialsSealed!, values: secretToSend(ctx.secrets, { sealed: cart.credentialsSealed, address: `https://${(cart.settings as { shop: string }).shop}` }, 'c') };
}

describe('connecting a marketplace account through its consent page', () => {
  it('listens on the loopback redirect, exchanges the code with the PKCE verifier, and saves the grant sealed over the app\'s fields', async () => {
    const w = await world({ pkce: true });
    const port = await freePort();
    const cartId = await w.addCart('Acme', `http://localhost:${port}/callback`);

    const started = await w.engine.call('consent.start', { cartId });
    expect(started.connection).toBe('not_connected');
    expect(started.flow).toMatchObject({ status: 'pending', listening: true, shared: false, redirectUri: `http://localhost:${port}/callback` });
    const consentUrl = new URL(started.flow!.consentUrl!);
    expect(consentUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(consentUrl.searchParams.get('state')!.length).toBeGreaterThanOrEqual(43);

    const landing = w.consent(started, 'rt-granted-5150');
    const page = await fetch(landing.replace('localhost', '127.0.0.1'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('You can close this tab');

    const status = await w.engine.call('consent.status', { cartId });
    expect(status.connection).toBe('connected');
    expect(status.flow).toMatchObject({ status: 'connected', consentUrl: null, listening: false });
    // The token endpoint checked the verifier against the challenge and the redirect_uri against the consent's.
    expect(w.endpoint.exchanges).toHaveLength(1);
    expect(w.endpoint.exchanges[0]).toMatchObject({ redirectUri: `http://localhost:${port}/callback`, clientId: APP.clientId });
    expect(w.endpoint.exchanges[0].codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(w.exchange.mock.calls[0][3]).toMatchObject({ params: { seller: 'S-42' } });

    const saved = await savedCredentials(w, cartId);
    expect(saved.values).toEqual({ ...APP, refreshToken: 'rt-granted-5150' });
    expect(saved.sealed).not.toContain('rt-granted-5150');
    const logged = w.engine.log.entries.map((e) => JSON.stringify(e)).join('\n');
    expect(logged).toContain('Connected through the consent page');
    expect(logged).not.toContain('rt-granted-5150');
    expect(logged).not.toContain(new URL(landing).searchParams.get('code')!);
    expect(logged).not.toContain(APP.clientSecret);
  });

  it('closes the loopback listener once the flow ends, when it is cancelled, and when the cart is removed', async () => {
    const w = await world();
    const port = await freePort();
    const cartId = await w.addCart('Acme', `http://127.0.0.1:${port}/cb`);

    const started = await w.engine.call('consent.start', { cartId });
    expect(await accepts(port)).toBe(true);
    expect((await fetch(w.consent(started))).status).toBe(200);
    expect(await accepts(port)).toBe(false);

    await w.engine.call('consent.start', { cartId });
    expect(await accepts(port)).toBe(true);
    const cancelled = await w.engine.call('consent.cancel', { cartId });
    expect(cancelled.flow).toBeNull();
    expect(await accepts(port)).toBe(false);

    // Removing the cart while its consent waits stops the listener too.
    await w.engine.call('consent.start', { cartId });
    expect(await accepts(port)).toBe(true);
    await w.engine.call('carts.delete', { id: cartId });
    expect(await accepts(port)).toBe(false);
  });

  it('refuses a landing whose state is not the flow\'s, and changes nothing', async () => {
    const w = await world();
    const port = await freePort();
    const cartId = await w.addCart('Acme', `http://localhost:${port}/callback`);
    const started = await w.engine.call('consent.start', { cartId });
    const landing = new URL(w.consent(started));
    const forged = new URL(landing);
    forged.searchParams.set('state', 'someone-elses-state');

    const page = await fetch(forged.toString().replace('localhost', '127.0.0.1'));
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('another consent attempt');
    const err = await rejection(w.engine.call('consent.complete', { cartId, landing: forged.toString() }));
    expect(err).toMatchObject({ kind: 'validation', message: expect.stringContaining('state does not match') });
    expect(w.exchange).not.toHaveBeenCalled();
    expect((await w.engine.call('consent.status', { cartId })).flow).toMatchObject({ status: 'pending', listening: true });

    // The real landing still works afterwards: pasted this time.
    const done = await w.engine.call('consent.complete', { cartId, landing: landing.toString() });
    expect(done.connection).toBe('connected');
  });

  it('says in words that access was not granted when the person refused on the consent page', async () => {
    const w = await world();
    const cartId = await w.addCart('Acme', 'https://dockhand.example/consent-landing');
    const started = await w.engine.call('consent.start', { cartId });
    expect(started.flow).toMatchObject({ listening: false, listenProblem: null });
    const state = new URL(started.flow!.consentUrl!).searchParams.get('state')!;

    const status = await w.engine.call('consent.complete', {
      cartId,
      landing: `https://dockhand.example/consent-landing?error=access_denied&error_description=The+seller+declined&state=${state}`,
    });
    expect(status.flow?.status).toBe('failed');
    expect(status.flow?.reason).toContain('Access was not granted on Scripted market\'s consent page');
    expect(status.flow?.reason).toContain('"The seller declined"');
    expect(status.connection).toBe('not_connected');
    expect(w.exchange).not.toHaveBeenCalled();
  });

  it('exchanges a code once: the same landing pasted after the listener took it is refused', async () => {
    const w = await world();
    const port = await freePort();
    const cartId = await w.addCart('Acme', `http://localhost:${port}/callback`);
    const started = await w.engine.call('consent.start', { cartId });
    const landing = w.consent(started);
    expect((await fetch(landing.replace('localhost', '127.0.0.1'))).status).toBe(200);

    const err = await rejection(w.engine.call('consent.complete', { cartId, landing }));
    expect(err).toMatchObject({ kind: 'conflict', message: expect.stringContaining('a code is used only once') });
    expect(w.exchange).toHaveBeenCalledTimes(1);
    expect(w.endpoint.exchanges).toHaveLength(1);
  });

  it('exchanges a code once when the listener and a paste bring it at the same time', async () => {
    const w = await world();
    const port = await freePort();
    const cartId = await w.addCart('Acme', `http://localhost:${port}/callback`);
    const landing = w.consent(await w.engine.call('consent.start', { cartId }));

    const [page, pasted] = await Promise.all([
      fetch(landing.replace('localhost', '127.0.0.1')).then((r) => r.status),
      w.engine.call('consent.complete', { cartId, landing }).then(
        () => 'connected',
        (err: Error) => err.message,
      ),
    ]);
    // Whichever came first connected the cart; the other was refused.
    expect([page === 200, pasted === 'connected'].filter(Boolean)).toHaveLength(1);
    expect(w.endpoint.exchanges).toHaveLength(1);
    expect((await w.engine.call('consent.status', { cartId })).connection).toBe('connected');
  });

  it('takes a bare code pasted where the redirect is not a loopback address', async () => {
    const w = await world({ pkce: false });
    const cartId = await w.addCart('Acme', 'https://dockhand.example/consent-landing');
    const started = await w.engine.call('consent.start', { cartId });
    expect(new URL(started.flow!.consentUrl!).searchParams.has('code_challenge')).toBe(false);
    const code = new URL(w.consent(started, 'rt-bare')).searchParams.get('code')!;

    const status = await w.engine.call('consent.complete', { cartId, landing: `  ${code}\n` });
    expect(status.connection).toBe('connected');
    expect((await savedCredentials(w, cartId)).values.refreshToken).toBe('rt-bare');
    expect(w.endpoint.exchanges[0].codeVerifier).toBeNull();
  });

  it('asks for the app\'s fields before it starts a consent', async () => {
    const w = await world();
    const cartId = await w.addCart('Acme', 'https://dockhand.example/consent-landing', { clientId: 'client-only', clientSecret: '' });
    const err = await rejection(w.engine.call('consent.start', { cartId }));
    expect(err).toMatchObject({ kind: 'validation', message: expect.stringContaining('Save Acme with the app\'s client secret first') });
  });

  it('keeps a shared setup link across a restart for 7 days, and the merchant\'s landing address connects the cart', async () => {
    const w = await world();
    const port = await freePort();
    const cartId = await w.addCart('Acme', `http://localhost:${port}/callback`);
    const shared = await w.engine.call('consent.start', { cartId, share: true });
    // The merchant's browser runs on another computer: nothing listens here for it.
    expect(shared.flow).toMatchObject({ status: 'pending', shared: true, listening: false });
    expect(Date.parse(shared.flow!.expiresAt) - Date.parse(shared.flow!.startedAt)).toBe(7 * 24 * 3_600_000);

    await w.restart();
    w.clock.advance(3 * 24 * 3_600_000);
    const after = await w.engine.call('consent.status', { cartId });
    expect(after.flow).toMatchObject({ status: 'pending', consentUrl: shared.flow!.consentUrl });
    const status = await w.engine.call('consent.complete', { cartId, landing: w.consent(after, 'rt-merchant') });
    expect(status.connection).toBe('connected');
    expect((await savedCredentials(w, cartId)).values.refreshToken).toBe('rt-merchant');
  });

  it('gives a consent opened here 10 minutes, then refuses its landing and stops listening', async () => {
    const w = await world();
    const port = await freePort();
    const cartId = await w.addCart('Acme', `http://localhost:${port}/callback`);
    const started = await w.engine.call('consent.start', { cartId });
    expect(Date.parse(started.flow!.expiresAt) - Date.parse(started.flow!.startedAt)).toBe(10 * 60_000);

    w.clock.advance(10 * 60_000 + 1);
    expect((await w.engine.call('consent.status', { cartId })).flow).toMatchObject({ status: 'failed', reason: expect.stringContaining('not completed within 10 minutes') });
    const page = await fetch(w.consent(started).replace('localhost', '127.0.0.1'));
    expect(await page.text()).toContain('not completed within 10 minutes');
    expect(w.exchange).not.toHaveBeenCalled();
    expect(await accepts(port)).toBe(false);
  });

  it('says a setup link expired after 7 days and exchanges nothing', async () => {
    const w = await world();
    const cartId = await w.addCart('Acme', 'https://dockhand.example/consent-landing');
    const shared = await w.engine.call('consent.start', { cartId, share: true });
    w.clock.advance(7 * 24 * 3_600_000 + 1);
    expect((await w.engine.call('consent.status', { cartId })).flow).toMatchObject({ status: 'failed', reason: expect.stringContaining('The setup link expired') });
    const err = await rejection(w.engine.call('consent.complete', { cartId, landing: w.consent(shared) }));
    expect(err.message).toContain('The setup link expired');
    expect(w.exchange).not.toHaveBeenCalled();
  });

  it('a revoked grant fails the run with kind auth, pauses only that cart, loses nothing, and Reconnect lifts the pause', async () => {
    const w = await world();
    const jobs = w.engine.engine.context.jobs;
    const carts: number[] = [];
    for (const name of ['Acme', 'Bolt']) {
      const cartId = await w.addCart(name, 'https://dockhand.example/consent-landing');
      const started = await w.engine.call('consent.start', { cartId });
      await w.engine.call('consent.complete', { cartId, landing: w.consent(started, `rt-${name}`) });
      expect((await jobs.runNow('order_download', cartId)).status).toBe('ok');
      carts.push(cartId);
    }
    const [acme, bolt] = carts;

    w.endpoint.revoke('rt-Acme');
    const failed = await jobs.runNow('order_download', acme);
    expect(failed.status).toBe('failed');
    expect((await jobs.runNow('order_download', bolt)).status).toBe('ok');

    const download = async (cartId: number) => (await jobs.list()).find((j) => j.service === 'order_download' && j.targetId === cartId);
    expect(await download(acme)).toMatchObject({ state: 'paused', by: 'auth' });
    expect((await download(bolt))?.state).toBe('scheduled');
    const alerts = await w.engine.call('alerts.list', {});
    expect(alerts.filter((a) => a.key.startsWith('auth:cart:')).map((a) => a.targetId)).toEqual([acme]);
    const needs = await w.engine.call('consent.status', { cartId: acme });
    expect(needs).toMatchObject({ connection: 'needs_reconnect', authError: expect.stringContaining('reconnect the account') });
    // Nothing downloaded is lost, and the download resumes where it stood.
    const orders = await w.engine.call('orders.list', { cartId: acme });
    expect(orders.total).toBe(1);
    expect((await w.engine.call('carts.get', { id: acme })).syncCursor).toBe('after-1');

    const started = await w.engine.call('consent.start', { cartId: acme });
    const reconnected = await w.engine.call('consent.complete', { cartId: acme, landing: w.consent(started, 'rt-Acme-2') });
    expect(reconnected).toMatchObject({ connection: 'connected', authError: null });
    expect((await w.engine.call('alerts.list', {})).filter((a) => a.key === `auth:cart:${acme}`)).toEqual([]);
    expect((await download(acme))?.state).not.toBe('paused');
    expect((await jobs.runNow('order_download', acme)).status).toBe('ok');
    expect(w.endpoint.refreshes.at(-1)).toBe('rt-Acme-2');
  });
});
