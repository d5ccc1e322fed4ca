import { cartPlatform, type CartPlatform } from '../../../shared/platforms/index.js';
import type { CartPlugin } from '../connectors/carts/cart-connector.js';
import { cartPlugin } from '../connectors/carts/registry.js';

/** A platform as the consent flow needs it: its descriptor (the `oauth` grant) and its engine plugin (the exchange). */
export interface ConsentPlatform {
  descriptor: CartPlatform;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- settings and credentials are checked by the plugin's own schemas
  plugin: CartPlugin<any, any>;
}

/** Finds a platform by id; the engine's is the registry's, tests pass their own scripted platform. */
export type ConsentPlatformLookup = (platform: string) => ConsentPlatform | undefined;

export const registryPlatforms: ConsentPlatformLookup = (platform) => {
  const descriptor = cartPlatform(platform);
  const plugin = cartPlugin(platform);
  return descriptor && plugin ? { descriptor, plugin } : undefined;
};
