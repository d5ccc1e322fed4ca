import { z } from 'zod';
import { DockhandError } from '../../shared/errors.js';
import type { CartPlatform } from '../../shared/platforms/cart-platform.js';
import type { CartPlugin } from '../../main/engine/connectors/carts/cart-connector.js';
import { cartPlugin } from '../../main/engine/connectors/carts/registry.js';
import type { ConsentPlatform, ConsentPlatformLookup } from '../../main/engine/oauth/consent-platforms.js';
import { cartPlatform } from '../../shared/platforms/index.js';
import { sampleOrder } from '../main/engine/csv/sample-orders.js';

/**
 * A marketplace-like platform for the consent flow's tests (not a test file itself): its descriptor has
 * `oauth` (client id and secret typed, refresh token granted), and its plugin exchanges codes with, and
 * refreshes at, the token endpoint of test/support/token-endpoint.ts. Its download refreshes first, so
 * a revoked grant fails the run with kind auth as the marketplace connectors do; the first download
 * yields one order.
 */
export const SCRIPTED_OAUTH = 'scripted_oauth';

const settingsSchema = z.object({ shop: z.string().min(1), tokenUrl: z.string(), redirectUri: z.string() });
const credentialsSchema = z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1), refreshToken: z.string().min(1).optional() });
type Settings = z.infer<typeof settingsSchema>;
type Credentials = z.infer<typeof credentialsSchema>;

const isLoopback = (uri: string) => /^http:\/\/(localhost|127\.0\.0\.1):\d+\//.test(uri);

export function scriptedOAuthDescriptor(options: { pkce: boolean }): CartPlatform {
  const descriptor: CartPlatform<typeof SCRIPTED_OAUTH, typeof settingsSchema, typeof credentialsSchema> = {
    platform: SCRIPTED_OAUTH,
    displayName: 'Scripted market',
    blurb: 'A marketplace for tests.',
    capabilities: { shipments: false, inventory: false, tracking: 'per_line' },
    settingsSchema,
    credentialsSchema,
    secretAddress: (settings) => `https://${settings.shop}`,
    requiredCredentials: () => ({ clientId: { label: 'the app\'s client id', noun: 'client id' }, clientSecret: { label: 'the app\'s client secret', noun: 'client secret' } }),
    secretPatterns: [],
    carriers: { names: {}, custom: 'name' },
    linkSites: [],
    describeSyncPosition: (position) => ({ summary: position ?? 'Not started', unreadable: false, editHint: '', editValue: position ?? '' }),
    oauth: {
      appFields: ['clientId', 'clientSecret'],
      grantFields: ['refreshToken'],
      pkce: options.pkce,
      scopes: () => ['orders_r'],
      redirect: (settings) => ({ sent: settings.redirectUri, listenAt: isLoopback(settings.redirectUri) ? settings.redirectUri : null }),
      consentUrl: ({ settings, app, state, redirectUri, codeChallenge }) => {
        const url = new URL(`https://consent.${settings.shop}/authorize`);
        url.searchParams.set('client_id', app.clientId);
        url.searchParams.set('redirect_uri', redirectUri);
        url.searchParams.set('state', state);
        url.searchParams.set('scope', 'orders_r');
        if (codeChallenge) {
          url.searchParams.set('code_challenge', codeChallenge);
          url.searchParams.set('code_challenge_method', 'S256');
        }
        return url.toString();
      },
      codeParam: 'code',
      extraParams: ['seller'],
      appHelp: 'Register an app on the scripted market.',
    },
  };
  return descriptor as unknown as CartPlatform;
}

async function tokenCall(settings: Settings, form: Record<string, string>, signal?: AbortSignal): Promise<{ refresh_token?: string }> {
  const res = await fetch(`${settings.tokenUrl}/token`, { method: 'POST', body: new URLSearchParams(form), signal });
  const body = (await res.json()) as { error_description?: string; refresh_token?: string };
  if (res.status === 400) throw new DockhandError('auth', body.error_description ?? 'refused');
  if (!res.ok) throw new DockhandError('transient', `HTTP ${res.status}`);
  return body;
}

export function scriptedOAuthPlugin(): CartPlugin<Settings, Credentials> & { exchangeAuthorizationCode: NonNullable<CartPlugin<Settings, Credentials>['exchangeAuthorizationCode']> } {
  return {
    manifest: { platform: SCRIPTED_OAUTH, displayName: 'Scripted market', capabilities: { shipments: false, inventory: false } },
    settingsSchema,
    credentialsSchema,
    secretAddress: (settings) => `https://${settings.shop}`,
    requiredCredentials: () => ({ clientId: { label: 'the app\'s client id', noun: 'client id' }, clientSecret: { label: 'the app\'s client secret', noun: 'client secret' } }),
    create(_ctx, settings, credentials) {
      return {
        testConnection: async () => ({ ok: true, message: 'ok' }),
        async *fetchOrders({ cursor }) {
          if (!credentials.refreshToken) throw new DockhandError('auth', 'The account is not connected yet: connect it');
          try {
            await tokenCall(settings, { grant_type: 'refresh_token', refresh_token: credentials.refreshToken, client_id: credentials.clientId });
          } catch (err) {
            if (err instanceof DockhandError && err.kind === 'auth') throw new DockhandError('auth', `The market refused the saved grant (${err.message}): reconnect the account`);
            throw err;
          }
          if (cursor === null) yield { orders: [sampleOrder({ cartOrderId: `${settings.shop}-1`, orderNumber: `${settings.shop}-1` })], invalid: [], cursor: 'after-1' };
        },
      };
    },
    async exchangeAuthorizationCode(ctx, settings, app, grant) {
      const form: Record<string, string> = { grant_type: 'authorization_code', code: grant.code, redirect_uri: grant.redirectUri, client_id: app.clientId, client_secret: app.clientSecret };
      if (grant.codeVerifier) form.code_verifier = grant.codeVerifier;
      const body = await tokenCall(settings, form, ctx.signal);
      if (!body.refresh_token) throw new DockhandError('auth', 'No refresh token in the answer');
      return { refreshToken: body.refresh_token };
    },
  };
}

/** The registry's platforms plus the scripted one (with the plugin given, so a test can count its calls). */
export function withScriptedOAuth(platform: ConsentPlatform): ConsentPlatformLookup {
  return (id) => {
    if (id === SCRIPTED_OAUTH) return platform;
    const descriptor = cartPlatform(id);
    const plugin = cartPlugin(id);
    return descriptor && plugin ? { descriptor, plugin } : undefined;
  };
}
