/**
 * How a marketplace's account is connected through its consent page (OAuth 2 authorization code), as
 * every part of Dockhand sees it. A platform descriptor that has one (cart-platform.ts, `oauth`) is
 * connected by the consent flow (main/engine/oauth/): the person types only the fields of their
 * developer app, Dockhand opens the consent page in their browser, receives the code (on a loopback
 * address it listens on, or from the landing address the person pastes), and the engine's plugin
 * exchanges it (CartPlugin.exchangeAuthorizationCode) for the grant's credentials, which are saved
 * sealed over the cart's credentials like any others. The connector later refreshes its access token
 * itself and saves rotated refresh tokens through CartContext.credentials.
 */
export interface OAuthGrant<Settings = unknown> {
  /**
   * Credential fields the person types from their developer app before connecting (client id and
   * secret, an API key): the consent page and the token exchange need them.
   */
  appFields: readonly string[];
  /**
   * Credential fields the grant fills (a refresh token, the seller id it belongs to): never typed on
   * the consent path, so the form does not ask for them.
   */
  grantFields: readonly string[];
  /** Whether the consent needs PKCE with S256 (Etsy's does). */
  pkce: boolean;
  /** The scopes the cart's services need, as the platform spells them. */
  scopes(settings: Settings): string[];
  /**
   * What is sent as redirect_uri (the address registered with the person's app, or eBay's RuName), and
   * where Dockhand can listen for the code: a loopback address (http://localhost:<port>/<path> or
   * http://127.0.0.1:<port>/<path>) when the registered one is one, else null, and the person pastes
   * the address the browser landed on (eBay's and Amazon's https-only redirects, a headless host).
   */
  redirect(settings: Settings, app: Record<string, string>): { sent: string; listenAt: string | null };
  /** The consent page to open in the browser, with `state` (and the PKCE challenge) in it. */
  consentUrl(input: { settings: Settings; app: Record<string, string>; state: string; redirectUri: string; codeChallenge?: string }): string;
  /** The landing address's parameter that carries the code: 'code', Amazon's 'spapi_oauth_code'. */
  codeParam: string;
  /** Other landing parameters the exchange needs (Amazon's 'selling_partner_id'). */
  extraParams?: readonly string[];
  /** Where the person registers the app and finds each app field, in one or two sentences. */
  appHelp: string;
}

/** What the consent flow gives the plugin's code exchange. */
export interface AuthorizationCodeGrant {
  code: string;
  /** Exactly the redirect_uri the consent page was opened with (the token endpoint compares them). */
  redirectUri: string;
  /** The PKCE verifier, when the platform's grant uses PKCE. */
  codeVerifier?: string;
  /** The landing address's extraParams, by name. */
  params: Record<string, string>;
}

/**
 * Whether a cart of a platform with this grant is still waiting to be connected: none of the fields the
 * grant fills is among its saved credential fields. Such a cart has nothing to run with yet (its
 * services wait, they do not fail); a platform without a consent grant never waits for one. A cart
 * with part of a grant (a refresh token typed by hand, an Etsy shop id not looked up yet) runs: its
 * connector asks for what it lacks, or fails as auth and raises Reconnect.
 */
export function awaitsGrant(oauth: Pick<OAuthGrant, 'grantFields'> | undefined, savedFields: readonly string[]): boolean {
  return oauth !== undefined && !oauth.grantFields.some((f) => savedFields.includes(f));
}
