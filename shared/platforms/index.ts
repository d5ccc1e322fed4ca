import { amazonPlatform } from './amazon.js';
import { bigcommercePlatform } from './bigcommerce.js';
import type { CartPlatform } from './cart-platform.js';
import { csvPlatform } from './csv.js';
import { demoPlatform } from './demo.js';
import { etsyPlatform } from './etsy.js';
import { magentoPlatform } from './magento.js';
import { shopifyPlatform } from './shopify.js';
import { woocommercePlatform } from './woocommerce.js';
import { ebayPlatform } from './ebay.js';

/**
 * Every cart platform Dockhand can connect to, in the order the platform choice shows them. The
 * contract's cart input is built from this list; the engine's connector registry has one connector each
 * (a test holds the two lists equal).
 */
export const CART_PLATFORMS = [shopifyPlatform, woocommercePlatform, bigcommercePlatform, magentoPlatform, amazonPlatform, ebayPlatform, etsyPlatform, csvPlatform, demoPlatform] as const;

export type CartPlatformId = (typeof CART_PLATFORMS)[number]['platform'];

const byId = new Map<string, CartPlatform>(CART_PLATFORMS.map((p) => [p.platform, p as unknown as CartPlatform]));

/** The descriptor of a platform id, or undefined for one Dockhand does not know. */
export function cartPlatform(platform: string): CartPlatform | undefined {
  return byId.get(platform);
}

/** Every platform's secret patterns, for the log redaction. */
export function cartSecretPatterns(): { pattern: RegExp; replace: string }[] {
  return CART_PLATFORMS.flatMap((p) => p.secretPatterns);
}

export type { CartCapabilities, CartPlatform, CredentialField } from './cart-platform.js';
export type { SyncPositionText } from './sync-position.js';
