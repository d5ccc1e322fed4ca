import { z } from 'zod';

/**
 * Amazon Selling Partner API cart connection: settings (stored plainly) and credentials (stored
 * encrypted). One connection is one seller account in one region; it may sell in several of that
 * region's marketplaces (MarketplaceIds).
 */

/** The SP-API regions, each its own host (sellingpartnerapi-<region>.amazon.com) and its own limits. */
export const AMAZON_REGIONS = ['na', 'eu', 'fe'] as const;
export type AmazonRegion = (typeof AMAZON_REGIONS)[number];

/** Seller Central of each region: where the consent page and the app's settings live. */
export const SELLER_CENTRAL: Record<AmazonRegion, string> = {
  na: 'https://sellercentral.amazon.com',
  eu: 'https://sellercentral-europe.amazon.com',
  fe: 'https://sellercentral.amazon.co.jp',
};

/** How the refresh token is had: the consent page (a public or private app) or pasted self-authorization. */
export const AMAZON_AUTH_MODES = ['consent', 'self_authorized'] as const;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** An address that may carry tokens: https, or plain http only to this machine (tests, a local proxy). */
function tokenSafeUrl(what: string) {
  return z.url({ protocol: /^https?$/ }).check((ctx) => {
    const url = new URL(ctx.value);
    if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
      ctx.issues.push({ code: 'custom', message: `Use https:// for ${what} (plain http only to this computer)`, input: ctx.value });
    }
  });
}

/** Amazon marketplace ids: ATVPDKIKX0DER (US), A1F83G8C2ARO7P (UK)... upper-case letters and digits. */
const MARKETPLACE_ID = /^[A-Z0-9]{9,16}$/;

export const amazonSettingsSchema = z.object({
  region: z.enum(AMAZON_REGIONS).default('na'),
  /** The marketplaces whose orders are downloaded (getOrders' MarketplaceIds, at most 50). */
  marketplaceIds: z
    .array(z.string().trim().regex(MARKETPLACE_ID, 'A marketplace id is letters and digits, like ATVPDKIKX0DER'))
    .min(1, 'Enter at least one marketplace id, like ATVPDKIKX0DER (United States)')
    .max(50)
    .default(['ATVPDKIKX0DER']),
  /**
   * Orders Amazon fulfils itself (FBA, FulfillmentChannel AFN) never reach the warehouse; on, they are
   * downloaded too (and skipped with a reason), for a merchant who wants to see them.
   */
  includeAfn: z.boolean().default(false),
  /** Which of Amazon's fields is the order's ship code: ShipmentServiceLevelCategory or ShipServiceLevel. */
  shipCodeFrom: z.enum(['category', 'service_level']).default('category'),
  /** Prime orders get "Prime " before their ship code, so they can be mapped to a faster method. */
  primeShipCodes: z.boolean().default(true),
  authMode: z.enum(AMAZON_AUTH_MODES).default('consent'),
  /** The app's OAuth Redirect URI as registered in Seller Central / Developer Central (https, or loopback). */
  redirectUri: tokenSafeUrl('the redirect URI').optional(),
  /** The app is still in draft (not published): the consent page needs version=beta. */
  draftApp: z.boolean().default(false),
  /** Advanced: send every request (SP-API, token endpoint, consent page) here instead (a test server or a proxy). */
  baseUrl: tokenSafeUrl('the base URL').optional(),
});
export type AmazonSettings = z.infer<typeof amazonSettingsSchema>;

export const amazonCredentialsSchema = z.object({
  /** LWA client identifier (amzn1.application-oa2-client....): Developer Central > the app > LWA credentials. */
  clientId: z.string().trim().min(1).max(300).optional(),
  /** LWA client secret (amzn1.oa2-cs.v1....), next to the client identifier. */
  clientSecret: z.string().trim().min(1).max(500).optional(),
  /** The app's id (amzn1.sp.solution....), which the consent page is opened with. */
  applicationId: z.string().trim().min(1).max(300).optional(),
  /** The grant: an LWA refresh token (Atzr|...), from the consent page or self-authorization. */
  refreshToken: z.string().trim().min(1).max(2000).optional(),
  /** The seller's id (selling_partner_id, the Merchant Token in Seller Central): the Listings API's sellerId. */
  sellingPartnerId: z.string().trim().regex(/^[A-Z0-9]{8,20}$/, 'The seller id is letters and digits, like A2EUQ1WTGCTBG2').optional(),
});
export type AmazonCredentials = z.infer<typeof amazonCredentialsSchema>;

/** The SP-API host of a region. */
export function amazonApiHost(region: AmazonRegion): string {
  return `https://sellingpartnerapi-${region}.amazon.com`;
}

/** Where the credentials go, as a person reads it: the region's host, or the override for that region. */
export function amazonSecretAddress(settings: Pick<AmazonSettings, 'region' | 'baseUrl'>): string {
  if (!settings.baseUrl) return amazonApiHost(settings.region);
  const url = new URL(settings.baseUrl);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')} for Amazon ${settings.region.toUpperCase()}`;
}

export function amazonRequiredCredentials(settings: Pick<AmazonSettings, 'authMode'>): Record<string, { label: string; noun: string }> {
  const app = {
    clientId: { label: 'the LWA client identifier', noun: 'client id' },
    clientSecret: { label: 'the LWA client secret', noun: 'client secret' },
  };
  return settings.authMode === 'self_authorized'
    ? {
        ...app,
        refreshToken: { label: 'the self-authorized refresh token', noun: 'refresh token' },
        sellingPartnerId: { label: 'the seller id (Merchant Token)', noun: 'seller id' },
      }
    : { ...app, applicationId: { label: 'the app id (amzn1.sp.solution...)', noun: 'app id' } };
}
