import type { ConsentFlowView, ConsentStatusView } from '../../../shared/api-types.js';
import { DockhandError, isDockhandError } from '../../../shared/errors.js';
import { PLAIN } from '../../../shared/plain-messages.js';
import type { OAuthGrant } from '../../../shared/platforms/oauth-grant.js';
import type { SettingsTarget } from '../api/engine-context.js';
import type { Clock, Logger, SecretCipher } from '../platform/ports.js';
import { secretToSend } from '../saved-secret.js';
import { getCart, type CartRow } from '../store/repositories/carts-repo.js';
import {
  deleteConsentFlow,
  finishConsentFlow,
  getConsentFlow,
  putPendingConsentFlow,
  type ConsentFlowRow,
} from '../store/repositories/consent-flows-repo.js';
import type { Store } from '../store/sql.js';
import type { ConsentPlatform, ConsentPlatformLookup } from './consent-platforms.js';
import { pkcePair, randomState } from './consent-secrets.js';
import { saveGrant } from './grant-save.js';
import { landingErrorText, landingFromPaste, landingFromQuery, type Landing } from './landing-address.js';
import { listenOnLoopback, loopbackTarget, type LandingPage, type LoopbackListener } from './loopback-listener.js';
import { openPendingFlow, pendingState, sealPendingFlow, type PendingFlow } from './pending-flow.js';

/**
 * The consent flow of a saved cart whose platform connects through a consent page (its descriptor's
 * `oauth`, shared/platforms/oauth-grant.ts): a random `state` (and the PKCE pair when the grant asks),
 * the consent URL, a loopback listener while it waits where the registered redirect is one, and the
 * pasted landing address always; then the plugin's code exchange, and the grant saved over the cart's
 * credentials (grant-save.ts). One flow per cart: starting one ends the one before.
 *
 * A consent opened here waits 10 minutes; a setup link sent to the merchant waits 7 days. Either is
 * saved sealed (pending-flow.ts), so a restart keeps it: only the listener is lost, and pasting works.
 */

const LOCAL_MS = 10 * 60_000;
const SHARED_MS = 7 * 24 * 3_600_000;
/** The token endpoint's answer is waited for this long. */
const EXCHANGE_MS = 60_000;

export interface ConsentFlowDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  secrets: SecretCipher;
  platforms: ConsentPlatformLookup;
  /** What a person's credentials save does to the cart's jobs (lifts the auth pause, runs again soon). */
  settingsSaved(target: SettingsTarget): Promise<void>;
}

export interface ConsentFlows {
  /** Starts (or restarts) the cart's flow: `shared` makes a setup link for the merchant. */
  start(cartId: number, options: { shared: boolean }): Promise<ConsentStatusView>;
  /** Takes the landing address (or code) a person pasted: exchanges it and saves the grant. */
  complete(cartId: number, pasted: string): Promise<ConsentStatusView>;
  status(cartId: number): Promise<ConsentStatusView>;
  /** Forgets the cart's flow (its listener closes); the saved credentials stay as they are. */
  cancel(cartId: number): Promise<ConsentStatusView>;
  /** The cart was removed: its listener closes and its flow is forgotten. */
  forget(cartId: number): Promise<void>;
  /** Closes every listener (the engine is shutting down). */
  close(): Promise<void>;
}

/** What lives only in this process for a pending flow: its listener and expiry timer. */
interface LiveFlow {
  state: string;
  listener?: LoopbackListener;
  listenProblem?: string;
  timer?: ReturnType<typeof setTimeout>;
}

/** A cart and its platform, checked to connect through a consent page. */
interface ConsentCart {
  cart: CartRow;
  platform: ConsentPlatform;
  oauth: OAuthGrant;
  settings: unknown;
  address: string;
}

export function createConsentFlows(deps: ConsentFlowDeps): ConsentFlows {
  const live = new Map<number, LiveFlow>();
  /** Carts whose code is being exchanged now: a second landing is refused, so a code is used once. */
  const exchanging = new Set<number>();
  const log = deps.log.child({ part: 'consent' });
  const now = () => deps.clock.now();

  function consentCart(cart: CartRow | undefined, cartId: number): ConsentCart {
    if (!cart) throw new DockhandError('not_found', `Cart connection ${cartId} does not exist`);
    const platform = deps.platforms(cart.platform);
    const oauth = platform?.descriptor.oauth as OAuthGrant | undefined;
    if (!platform || !oauth || !platform.plugin.exchangeAuthorizationCode) {
      throw new DockhandError('validation', `${cart.name} connects with the credentials saved in its settings, not through a consent page`);
    }
    const settings = platform.plugin.settingsSchema.safeParse(cart.settings, PLAIN);
    if (!settings.success) throw new DockhandError('config', `${cart.name}: the saved settings are invalid (${settings.error.issues[0]?.message}): fix and save them first`);
    const address = platform.plugin.secretAddress(settings.data);
    if (address === null) throw new DockhandError('config', `${cart.name}: these settings send the credentials nowhere, so there is nothing to connect`);
    return { cart, platform, oauth, settings: settings.data, address };
  }

  /** The app fields the person saved with the cart (client id and secret...), each required. */
  function appValues(c: ConsentCart): Record<string, string> {
    const saved = secretToSend(deps.secrets, { sealed: c.cart.credentialsSealed, address: c.address }, `credentials of ${c.cart.name}`);
    const labels = c.platform.descriptor.requiredCredentials(c.settings);
    const missing = c.oauth.appFields.filter((f) => typeof saved[f] !== 'string' || saved[f] === '');
    if (missing.length > 0) {
      const names = missing.map((f) => labels[f]?.label ?? f).join(', ');
      throw new DockhandError('validation', `Save ${c.cart.name} with ${names} first: the consent page and the token exchange need them`);
    }
    return Object.fromEntries(c.oauth.appFields.map((f) => [f, saved[f] as string]));
  }

  function hasGrant(c: ConsentCart): boolean {
    try {
      const saved = secretToSend(deps.secrets, { sealed: c.cart.credentialsSealed, address: c.address }, 'credentials');
      return c.oauth.grantFields.every((f) => typeof saved[f] === 'string' && saved[f] !== '');
    } catch {
      return false;
    }
  }

  const expiredReason = (shared: boolean) =>
    shared
      ? 'The setup link expired (it is valid for 7 days): make a new one and send it to the merchant'
      : 'The consent was not completed within 10 minutes: connect again';

  /** The row of this cart's flow, or undefined when it belongs to a deleted cart whose id was reused. */
  function flowOf(cart: CartRow, row: ConsentFlowRow | undefined): ConsentFlowRow | undefined {
    return row && row.cartCreatedAt === cart.createdAt ? row : undefined;
  }

  function flowView(c: ConsentCart, row: ConsentFlowRow): ConsentFlowView {
    const expired = row.status === 'pending' && Date.parse(row.expiresAt) <= now().getTime();
    const base: ConsentFlowView = {
      status: expired ? 'failed' : row.status,
      shared: row.shared,
      reason: expired ? expiredReason(row.shared) : row.reason,
      startedAt: row.startedAt,
      expiresAt: row.expiresAt,
      finishedAt: row.finishedAt,
      consentUrl: null,
      redirectUri: null,
      listening: false,
      listenProblem: null,
    };
    if (base.status !== 'pending' || !row.sealed) return base;
    let pending: PendingFlow;
    try {
      pending = openPendingFlow(deps.secrets, row.sealed, c.address);
    } catch (err) {
      return { ...base, status: 'failed', reason: isDockhandError(err) ? err.message : 'The waiting consent cannot be read: connect again' };
    }
    const here = live.get(c.cart.id);
    const ours = here?.state === pending.state;
    return {
      ...base,
      consentUrl: pending.consentUrl,
      redirectUri: pending.redirectUri,
      listening: Boolean(ours && here?.listener),
      listenProblem: (ours && here?.listenProblem) || null,
    };
  }

  async function statusOf(cartId: number): Promise<ConsentStatusView> {
    const { cart, row } = await deps.store.read((db) => ({ cart: getCart(db, cartId), row: getConsentFlow(db, cartId) }));
    const c = consentCart(cart, cartId);
    const flow = flowOf(c.cart, row);
    // A cart never connected whose run was refused still just needs connecting.
    const connection = !hasGrant(c) ? 'not_connected' : c.cart.authError ? 'needs_reconnect' : 'connected';
    return { cartId, connection, authError: c.cart.authError, flow: flow ? flowView(c, flow) : null };
  }

  /**
   * Ends what lives of a flow here. The listener stops taking connections at once; its promise settles
   * once the page it is answering has gone out, so a landing that came through it must not await it.
   */
  function stopLive(cartId: number): Promise<void> {
    const flow = live.get(cartId);
    if (!flow) return Promise.resolve();
    live.delete(cartId);
    if (flow.timer) clearTimeout(flow.timer);
    return flow.listener?.close() ?? Promise.resolve();
  }

  async function fail(cartId: number, state: string, reason: string): Promise<void> {
    await deps.store.write((db) => {
      const row = getConsentFlow(db, cartId);
      if (row?.status === 'pending' && row.sealed && pendingState(deps.secrets, row.sealed) === state) finishConsentFlow(db, cartId, { status: 'failed', reason }, now().toISOString());
    });
    log.log('info', 'Consent flow ended without a grant', { cart: cartId, reason });
  }

  /**
   * One landing, from the listener or a paste: checked against the pending flow, then exchanged once
   * and saved (one landing per cart at a time). `vouched` is a paste: a bare code without state is
   * taken there, never from the listener.
   */
  async function land(cartId: number, landing: Landing, vouched: boolean): Promise<ConsentStatusView> {
    // Taken before anything is read, so a second landing never reads the flow as still pending while
    // the first one's code is exchanged or saved.
    if (exchanging.has(cartId)) throw new DockhandError('conflict', 'Dockhand is already connecting this cart with the code it received: wait a moment');
    exchanging.add(cartId);
    try {
      return await landAlone(cartId, landing, vouched);
    } finally {
      exchanging.delete(cartId);
    }
  }

  async function landAlone(cartId: number, landing: Landing, vouched: boolean): Promise<ConsentStatusView> {
    const { cart, row } = await deps.store.read((db) => ({ cart: getCart(db, cartId), row: getConsentFlow(db, cartId) }));
    const c = consentCart(cart, cartId);
    const flowRow = flowOf(c.cart, row);
    if (!flowRow || flowRow.status !== 'pending' || !flowRow.sealed) {
      const ended = flowRow?.status === 'connected' ? `${c.cart.name} was connected with this consent already` : `Dockhand is not waiting for a consent for ${c.cart.name}`;
      throw new DockhandError('conflict', `${ended}: a code is used only once. To connect again, choose Connect (or Reconnect) first.`);
    }
    const pending = openPendingFlow(deps.secrets, flowRow.sealed, c.address);
    if (landing.state !== null && landing.state !== pending.state) {
      const message = 'This address belongs to another consent attempt (its state does not match the one Dockhand is waiting for): nothing was changed. Use the address the browser landed on after the latest Connect or setup link.';
      throw new DockhandError('validation', message, { fields: { landing: message } });
    }
    if (landing.state === null && !vouched) throw new DockhandError('validation', 'The answer carries no state, so Dockhand cannot tell it is its own');
    if (Date.parse(flowRow.expiresAt) <= now().getTime()) {
      await fail(cartId, pending.state, expiredReason(flowRow.shared));
      void stopLive(cartId);
      throw new DockhandError('conflict', expiredReason(flowRow.shared));
    }
    const platformName = c.platform.descriptor.displayName;
    if (landing.error !== null) {
      await fail(cartId, pending.state, landingErrorText(landing, platformName));
      void stopLive(cartId);
      return statusOf(cartId);
    }
    if (landing.code === null) throw new DockhandError('validation', `The address has no code in it (no "${c.oauth.codeParam}=" part)`);

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DockhandError('transient', `${platformName} did not answer the token exchange within 60 s`)), EXCHANGE_MS);
    const cartLog = deps.log.child({ cart: cartId, platform: c.cart.platform });
    try {
      const app = appValues(c);
      let grant: Record<string, string>;
      try {
        grant = await c.platform.plugin.exchangeAuthorizationCode!({ clock: deps.clock, log: cartLog, signal: controller.signal }, c.settings, app, {
          code: landing.code,
          redirectUri: pending.redirectUri,
          codeVerifier: pending.codeVerifier,
          params: landing.params,
        });
      } catch (err) {
        const reason = isDockhandError(err) ? `${platformName} refused the code: ${err.message}` : `The code could not be exchanged: ${(err as Error)?.message ?? String(err)}`;
        await fail(cartId, pending.state, `${reason.replace(/\.+$/, '')}. Connect again.`);
        return await statusOf(cartId);
      }
      try {
        await saveGrant(deps, { cartId, cartCreatedAt: c.cart.createdAt, address: c.address, plugin: c.platform.plugin, grant, state: pending.state });
      } catch (err) {
        if (isDockhandError(err) && err.kind === 'storage') throw err;
        await fail(cartId, pending.state, isDockhandError(err) ? err.message : 'The grant could not be saved');
        return await statusOf(cartId);
      }
      cartLog.log('info', 'Connected through the consent page', { fields: Object.keys(grant) });
      await deps.settingsSaved({ kind: 'cart', id: cartId });
      return await statusOf(cartId);
    } finally {
      clearTimeout(timer);
      void stopLive(cartId);
    }
  }

  /** The listener's answer to the browser: the outcome in a sentence; a stranger's request changes nothing. */
  async function onLoopback(cartId: number, query: URLSearchParams, oauth: OAuthGrant): Promise<LandingPage> {
    const landing = landingFromQuery(query, oauth);
    try {
      const status = await land(cartId, landing, false);
      if (status.flow?.status === 'connected') return { status: 200, title: 'Connected', text: 'Dockhand received access. You can close this tab and go back to Dockhand.' };
      return { status: 200, title: 'Not connected', text: status.flow?.reason ?? 'Go back to Dockhand, which says what to do.' };
    } catch (err) {
      return { status: 400, title: 'Not connected', text: isDockhandError(err) ? err.message : 'Go back to Dockhand, which says what to do.' };
    }
  }

  return {
    async start(cartId, options) {
      const cart = await deps.store.read((db) => getCart(db, cartId));
      const c = consentCart(cart, cartId);
      const app = appValues(c);
      if (exchanging.has(cartId)) throw new DockhandError('conflict', `Dockhand is connecting ${c.cart.name} with the code it received: wait a moment`);
      await stopLive(cartId);

      const state = randomState();
      const pkce = c.oauth.pkce ? pkcePair() : undefined;
      const redirect = c.oauth.redirect(c.settings, app);
      const consentUrl = c.oauth.consentUrl({ settings: c.settings, app, state, redirectUri: redirect.sent, codeChallenge: pkce?.challenge });
      const startedAt = now();
      const expiresAt = new Date(startedAt.getTime() + (options.shared ? SHARED_MS : LOCAL_MS));
      const sealed = sealPendingFlow(deps.secrets, { state, codeVerifier: pkce?.verifier, redirectUri: redirect.sent, consentUrl }, c.address);
      await deps.store.write((db) =>
        putPendingConsentFlow(db, { cartId, cartCreatedAt: c.cart.createdAt, shared: options.shared, sealed, startedAt: startedAt.toISOString(), expiresAt: expiresAt.toISOString() }),
      );

      const flow: LiveFlow = { state };
      live.set(cartId, flow);
      // The merchant's browser is on another computer: a listener here would never hear it.
      const target = options.shared ? null : loopbackTarget(redirect.listenAt);
      if (target) {
        try {
          flow.listener = await listenOnLoopback(target, (query) => onLoopback(cartId, query, c.oauth));
        } catch (err) {
          const code = (err as NodeJS.ErrnoException)?.code;
          flow.listenProblem =
            code === 'EADDRINUSE'
              ? `Port ${target.port} on this computer is taken by another program, so Dockhand cannot receive the answer itself: paste the address the browser lands on`
              : `Dockhand cannot listen on port ${target.port} (${code ?? 'unknown error'}): paste the address the browser lands on`;
        }
      }
      if (!options.shared) {
        flow.timer = setTimeout(() => {
          if (live.get(cartId) !== flow) return;
          void stopLive(cartId).then(() => fail(cartId, state, expiredReason(false))).catch(() => undefined);
        }, expiresAt.getTime() - startedAt.getTime());
        flow.timer.unref?.();
      }
      log.log('info', options.shared ? 'Setup link made' : 'Consent flow started', { cart: cartId, listening: Boolean(flow.listener), pkce: Boolean(pkce) });
      return statusOf(cartId);
    },
    async complete(cartId, pasted) {
      const cart = await deps.store.read((db) => getCart(db, cartId));
      const c = consentCart(cart, cartId);
      return land(cartId, landingFromPaste(pasted, c.oauth), true);
    },
    status: statusOf,
    async cancel(cartId) {
      await statusOf(cartId);
      await stopLive(cartId);
      await deps.store.write((db) => deleteConsentFlow(db, cartId));
      return statusOf(cartId);
    },
    async forget(cartId) {
      await stopLive(cartId);
      await deps.store.write((db) => deleteConsentFlow(db, cartId));
    },
    async close() {
      await Promise.all([...live.keys()].map((id) => stopLive(id)));
    },
  };
}
