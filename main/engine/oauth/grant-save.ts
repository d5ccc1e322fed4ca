import { DockhandError } from '../../../shared/errors.js';
import { pauseAlertKey } from '../job-alerts.js';
import type { SecretCipher } from '../platform/ports.js';
import { sealBound, secretToSend } from '../saved-secret.js';
import { clearAlert } from '../store/repositories/alerts-repo.js';
import { getCart, setCartAuthError, setCartCredentials } from '../store/repositories/carts-repo.js';
import { finishConsentFlow, getConsentFlow } from '../store/repositories/consent-flows-repo.js';
import type { Store } from '../store/sql.js';
import type { ConsentPlatform } from './consent-platforms.js';
import { pendingState } from './pending-flow.js';

export interface GrantToSave {
  cartId: number;
  cartCreatedAt: string;
  /** Where the cart's settings send the credentials: the grant is bound to it, like a person's save. */
  address: string;
  plugin: ConsentPlatform['plugin'];
  /** The exchange's fields (refresh token, seller id...). */
  grant: Record<string, string>;
  /** The state of the flow this grant came from: a flow restarted meanwhile wins. */
  state: string;
}

/**
 * Saves a grant over the cart's saved credentials in one write: merged, checked against the platform's
 * credentials schema, sealed and bound to the cart's address exactly as a person's credential save is
 * (saved-secret.ts). In the same write the cart's auth error and its auth-pause alert clear (a new
 * grant is the fix they asked for) and the flow ends as connected. A connector that rotates the old
 * grant meanwhile finds other credentials saved and drops its own (rotated-credentials.ts).
 */
export async function saveGrant(deps: { store: Store; secrets: SecretCipher; clock: { now(): Date } }, g: GrantToSave): Promise<void> {
  await deps.store.write((db) => {
    const now = deps.clock.now().toISOString();
    const cart = getCart(db, g.cartId);
    if (!cart || cart.createdAt !== g.cartCreatedAt) throw new DockhandError('not_found', 'The cart connection was removed while it was being connected');
    const flow = getConsentFlow(db, g.cartId);
    if (flow?.status !== 'pending' || pendingState(deps.secrets, flow.sealed) !== g.state) {
      throw new DockhandError('conflict', 'A newer consent was started for this cart meanwhile: finish that one');
    }
    const current = secretToSend(deps.secrets, { sealed: cart.credentialsSealed, address: g.address }, `credentials of ${cart.name}`);
    const merged = { ...current, ...g.grant };
    if (!g.plugin.credentialsSchema.safeParse(merged).success) {
      throw new DockhandError('validation', `What ${cart.name}'s platform granted (${Object.keys(g.grant).join(', ')}) does not fit its credentials: nothing was saved. Connect again; if it repeats, the app's settings may be wrong.`);
    }
    setCartCredentials(db, g.cartId, sealBound(deps.secrets, merged, g.address));
    setCartAuthError(db, g.cartId, null);
    // The three jobs of a cart share one auth alert (job-alerts.ts); any service names its key.
    clearAlert(db, pauseAlertKey('order_download', g.cartId, 'auth'), now);
    finishConsentFlow(db, g.cartId, { status: 'connected', reason: null }, now);
  });
}
