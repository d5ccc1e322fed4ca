import { DockhandError } from '../../shared/errors.js';
import type { RotatedCredentialsPort } from './connectors/carts/cart-connector.js';
import type { Logger, SecretCipher } from './platform/ports.js';
import { sealBound, secretToSend } from './saved-secret.js';
import { getCart, setCartCredentials } from './store/repositories/carts-repo.js';
import type { Store } from './store/sql.js';

/** Credential values in one comparable form (key order does not matter). */
function canonical(values: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(values).sort().map((k) => [k, values[k]]));
}

/**
 * The credentials saved by rotations, per cart, shared by every connector this engine builds: the
 * download and the upload of one cart may run at once, and a rotation one of them saved is the
 * lineage the other continues, not a person's edit.
 */
export type RotationLineage = Map<number, string>;

export interface RotatedCredentialsOptions {
  store: Store;
  cipher: SecretCipher;
  /** The cart's logger: only field names ever reach it. */
  log: Logger;
  lineage: RotationLineage;
  cartId: number;
  /** Where the connector's settings send the credentials: the rotated ones are bound to it too. */
  address: string | null;
  /** The credential values the connector was built with. */
  values: Record<string, unknown>;
  /** Whether merged values still fit the platform's credentials schema. */
  accepts(values: Record<string, unknown>): boolean;
}

/**
 * Saves credentials a platform rotated (a refresh token replaced on use) over the cart's saved ones,
 * sealed and bound exactly as a person's saved credentials are (saved-secret.ts), so the next run is
 * built with them. In the same write transaction it checks that the saved credentials are still the
 * ones this connector started from (or a rotation saved since): when a person entered others or moved
 * the cart to another address meanwhile, theirs win and the rotated ones are dropped.
 */
export function storedRotatedCredentials(options: RotatedCredentialsOptions): RotatedCredentialsPort {
  const { store, cipher, log, lineage, cartId, address } = options;
  let base = canonical(options.values);
  return {
    async save(rotated) {
      if (address === null) throw new DockhandError('internal', 'This cart keeps no credentials, so none can be rotated');
      const fields = Object.keys(rotated);
      const saved = await store.write((db) => {
        const cart = getCart(db, cartId);
        if (!cart) return null;
        let current: Record<string, unknown>;
        try {
          current = secretToSend(cipher, { sealed: cart.credentialsSealed, address }, 'credentials');
        } catch {
          return null; // bound to another address now, or unreadable: not ours to replace
        }
        const held = canonical(current);
        if (held !== base && held !== lineage.get(cartId)) return null;
        const merged = { ...current, ...rotated };
        if (!options.accepts(merged)) {
          throw new DockhandError('validation', `The rotated credentials (${fields.join(', ')}) do not fit the platform's credentials`);
        }
        setCartCredentials(db, cartId, sealBound(cipher, merged, address));
        return canonical(merged);
      });
      if (saved === null) {
        log.log('warn', 'Rotated credentials not saved: the cart was removed, or its credentials or address were changed meanwhile', { fields });
        return false;
      }
      base = saved;
      lineage.set(cartId, saved);
      log.log('info', 'Saved the credentials the platform rotated', { fields });
      return true;
    },
  };
}
