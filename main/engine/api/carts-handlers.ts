import type { CartInput } from '../../../shared/contract.js';
import { CART_SERVICES, type CartServiceName } from '../../../shared/domain.js';
import { DockhandError, isDockhandError } from '../../../shared/errors.js';
import { CART_PLATFORMS } from '../../../shared/platforms/index.js';
import { cartPlugin } from '../connectors/carts/registry.js';
import { syncCartNoticeAlert } from '../cart-notices.js';
import { cartSecretAddress } from '../connector-source.js';
import { resolveSecret, sealBound } from '../saved-secret.js';
import {
  deleteCart,
  insertCart,
  listCarts,
  updateCart,
  type CartRow,
  type CartWrite,
} from '../store/repositories/carts-repo.js';
import { setCarrierNames } from '../store/repositories/cart-carrier-names-repo.js';
import { setScheduleMinutes } from '../store/repositories/schedules-repo.js';
import { setSyncPosition } from '../store/repositories/sync-positions-repo.js';
import { ORDERS_STREAM } from '../connectors/carts/sync-streams.js';
import type { TestResultView } from '../../../shared/api-types.js';
import type { EngineContext } from './engine-context.js';
import { testIdentityWitness } from './test-identity-witness.js';
import type { Handlers, MethodsOf } from './handler-types.js';
import { cartView, requireCart, requireMerchant } from './views.js';
import { recordCartTestPassed } from '../store/repositories/setup-repo.js';
import { consentSummary } from '../oauth/consent-summary.js';

/** Services a cart connection can run: those the platform supports. */
function supportedServices(platform: string): CartServiceName[] {
  const caps = cartPlugin(platform)?.manifest.capabilities;
  return CART_SERVICES.filter(
    (s) => s === 'order_download' || (s === 'shipment_upload' && caps?.shipments) || (s === 'inventory_upload' && caps?.inventory),
  );
}

/**
 * The row to save or test: new credentials over the saved ones, where the saved ones may go to the
 * address the input's settings point at (saved-secret.ts); fields left out keep their saved value.
 */
function cartWrite(ctx: EngineContext, input: CartInput, saved?: CartRow): CartWrite {
  const plugin = cartPlugin(input.platform);
  if (!plugin) throw new DockhandError('validation', `Unknown platform ${input.platform}`, { fields: { platform: 'Choose a platform' } });
  const address = plugin.secretAddress(input.settings);
  const credentials = resolveSecret(ctx.secrets, {
    provided: input.credentials ?? {},
    saved: saved && saved.platform === input.platform ? { sealed: saved.credentialsSealed, address: cartSecretAddress(saved) } : undefined,
    address,
    required: plugin.requiredCredentials?.(input.settings) ?? {},
    fieldPrefix: 'credentials',
    place: 'shop',
    what: 'credentials',
  });
  return {
    merchantId: input.merchantId,
    platform: input.platform,
    name: input.name,
    orderSource: input.orderSource || input.name,
    settings: input.settings as Record<string, unknown>,
    credentialsSealed: sealBound(ctx.secrets, credentials, address),
    earliestOrderDate: new Date(input.earliestOrderDate).toISOString(),
    // New carts hold an unmapped ship code by default: a guessed carrier ships the wrong way.
    rejectUnmapped: input.rejectUnmappedShipCodes ?? saved?.rejectUnmapped ?? true,
    minInventoryLevel: input.minInventoryLevel,
  };
}

function checkSchedules(input: CartInput): void {
  const supported = supportedServices(input.platform);
  const fields: Record<string, string> = {};
  for (const s of CART_SERVICES) {
    if (!supported.includes(s) && input.schedules[s] !== null) {
      fields[`schedules.${s}`] = `${cartPlugin(input.platform)?.manifest.displayName} does not support ${s.replace('_', ' ')}`;
    }
  }
  if (Object.keys(fields).length) throw new DockhandError('validation', 'Some services are not supported', { fields });
}

async function testCart(ctx: EngineContext, row: CartRow, services: CartServiceName[]): Promise<TestResultView> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DockhandError('transient', 'The test took longer than 60 s')), 60_000);
  // Only a Test carries the witness (a cart reaching no file server ignores it); runs never do.
  const witness = testIdentityWitness();
  try {
    const { connector } = ctx.connectors.cart(row, { signal: controller.signal });
    return witness.withSeenIdentity(await connector.testConnection(services, { identity: witness.identity }));
  } catch (err) {
    if (isDockhandError(err)) return { ok: false, message: err.message, details: { kind: err.kind } };
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/** A Test of a saved cart that passed ticks "first store" on the setup checklist (setup-repo.ts). */
async function recordPassed<R extends { ok: boolean }>(ctx: EngineContext, cartId: number, result: R): Promise<R> {
  // The tick is a nicety: a store that cannot save (a full disk) must not turn a passed Test into a failure.
  if (result.ok) await ctx.store.write((db) => recordCartTestPassed(db, cartId, ctx.nowIso())).catch(() => undefined);
  return result;
}

/** A typed sync position, checked and normalised by its platform's connector before it can reach a download. */
function checkedCursor(ctx: EngineContext, cart: CartRow, text: string): string {
  if (text.trim() === '') {
    const message = 'Enter a position, or use Restart from the earliest order date';
    throw new DockhandError('validation', message, { fields: { cursor: message } });
  }
  const plugin = cartPlugin(cart.platform);
  if (!plugin?.parseCursor) return text;
  return plugin.parseCursor(text, { earliestOrderDate: cart.earliestOrderDate, now: ctx.nowIso() });
}

export const cartsHandlers: Handlers<MethodsOf<'carts'>> = {
  async 'carts.platforms'() {
    // The platforms of shared/platforms that have a connector (a test holds the two lists equal).
    return CART_PLATFORMS.filter((p) => cartPlugin(p.platform)).map((p) => ({
      platform: p.platform,
      displayName: p.displayName,
      blurb: p.blurb,
      capabilities: { ...p.capabilities },
      oauth: consentSummary(p.platform),
    }));
  },
  async 'carts.list'(input, ctx) {
    return ctx.store.read((db) => listCarts(db, input.merchantId).map((c) => cartView(db, c, ctx.connectors)));
  },
  async 'carts.get'(input, ctx) {
    return ctx.store.read((db) => cartView(db, requireCart(db, input.id), ctx.connectors));
  },
  async 'carts.create'(input, ctx) {
    checkSchedules(input);
    const write = cartWrite(ctx, input);
    const id = await ctx.store.write((db) => {
      requireMerchant(db, input.merchantId);
      const id = insertCart(db, write, ctx.nowIso());
      setCarrierNames(db, id, input.carrierNames ?? {});
      for (const s of CART_SERVICES) setScheduleMinutes(db, s, id, input.schedules[s]);
      return id;
    });
    for (const s of CART_SERVICES) await ctx.jobs.sync(s, id);
    return ctx.store.read((db) => cartView(db, requireCart(db, id), ctx.connectors));
  },
  async 'carts.update'(input, ctx) {
    checkSchedules(input.cart);
    await ctx.store.write((db) => {
      requireMerchant(db, input.cart.merchantId);
      // Read in the same transaction: credentials a running sync rotated meanwhile (a new refresh
      // token) are the saved ones this update keeps, never overwritten with an older copy.
      const write = cartWrite(ctx, input.cart, requireCart(db, input.id));
      updateCart(db, input.id, write, ctx.nowIso());
      if (input.cart.carrierNames) setCarrierNames(db, input.id, input.cart.carrierNames);
      for (const s of CART_SERVICES) setScheduleMinutes(db, s, input.id, input.cart.schedules[s]);
      syncCartNoticeAlert(db, requireCart(db, input.id), ctx.nowIso());
    });
    for (const s of CART_SERVICES) await ctx.jobs.sync(s, input.id);
    // New settings are a person's fix: lift pauses (and alerts) of an auth or config failure.
    await ctx.jobs.settingsSaved({ kind: 'cart', id: input.id });
    return ctx.store.read((db) => cartView(db, requireCart(db, input.id), ctx.connectors));
  },
  async 'carts.delete'(input, ctx) {
    await ctx.store.write((db) => {
      requireCart(db, input.id);
      deleteCart(db, input.id);
    });
    for (const s of CART_SERVICES) ctx.jobs.forget(s, input.id);
    // A consent still waiting for this cart stops listening now, not when it expires.
    await ctx.consent?.forget(input.id);
    return { deleted: true as const };
  },
  async 'carts.test'(input, ctx) {
    const saved = 'id' in input ? await ctx.store.read((db) => requireCart(db, input.id)) : undefined;
    if (!input.cart) {
      const result = await recordPassed(ctx, saved!.id, await testCart(ctx, saved!, supportedServices(saved!.platform)));
      // The saved settings work: what a failure paused runs again soon, and its alert clears when it passes.
      if (result.ok) await ctx.jobs.settingsSaved({ kind: 'cart', id: saved!.id });
      return result;
    }
    const write = cartWrite(ctx, input.cart, saved);
    const row: CartRow = { ...write, id: 0, syncCursor: null, authError: null, createdAt: '', updatedAt: '' };
    const schedules = input.cart.schedules;
    const services = CART_SERVICES.filter((s) => schedules[s] !== null);
    const tested = await testCart(ctx, row, services);
    return saved ? recordPassed(ctx, saved.id, tested) : tested;
  },
  async 'carts.setCursor'(input, ctx) {
    const saved = await ctx.store.read((db) => requireCart(db, input.id));
    // A running download saves its own position after every page and would overwrite this one.
    const download = (await ctx.jobs.list()).find((j) => j.service === 'order_download' && j.targetId === input.id);
    if (download?.state === 'running') {
      throw new DockhandError('conflict', 'An order download is running for this cart: wait until it finishes (or pause it on the Activity screen), then set the position');
    }
    const cursor = input.cursor === null ? null : checkedCursor(ctx, saved, input.cursor);
    await ctx.store.write((db) => {
      requireCart(db, input.id);
      // Diagnostics set the orders download's position; the cart's other streams keep theirs.
      setSyncPosition(db, input.id, ORDERS_STREAM, cursor, ctx.nowIso());
    });
    return ctx.store.read((db) => cartView(db, requireCart(db, input.id), ctx.connectors));
  },
};
