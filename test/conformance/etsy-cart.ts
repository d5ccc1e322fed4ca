import { ETSY_RECEIPTS_PAGE_SIZE } from '../../main/engine/connectors/carts/etsy/download.js';
import { etsyPlugin } from '../../main/engine/connectors/carts/etsy/plugin.js';
import { createFakeEtsy } from '../fakes/etsy/index.js';
import type { LineSeed } from '../fakes/etsy/index.js';
import type { CartUnderTest, FakeCart } from './cart-under-test.js';

/** The catalog the fake shop sells: a mug, and a tee in two sizes (one listing, sizes as property values). */
const CATALOG = ['ET-MUG', 'ET-TEE-S', 'ET-TEE-M'];

/** Each seeded receipt: two units of the mug (so it could ship in parts) and, every other one, a tee. */
function linesFor(n: number): LineSeed[] {
  const lines: LineSeed[] = [{ sku: 'ET-MUG', quantity: 2, cents: 1250 }];
  if (n % 2 === 0) lines.push({ sku: 'ET-TEE-M', quantity: 1, cents: 2599 });
  return lines;
}

const NO_LINES =
  "Etsy's receipt shipment (createReceiptShipment) carries a tracking code for the whole receipt and names no lines, so there are no per-line fulfillments to read back (tracking per_order: the upload waits for the whole order); test/main/engine/connectors/carts/etsy/shipment-upload.test.ts checks the tracking codes Etsy holds and that a resend is found, not sent again";

/** Etsy against its fake (test/fakes/etsy), connected (a refresh token from the fake's consent). */
export const etsyCart: CartUnderTest = {
  name: 'Etsy',
  plugin: etsyPlugin,
  remote: true,
  notApplicable: {
    'shipment-full': NO_LINES,
    'shipment-partial': NO_LINES,
    'shipment-resent': NO_LINES,
    'inventory-in-cart':
      "Etsy takes at most 999 units on an offering and the case writes 1,000 to 2,500 (the connector sends 999, which the cart then holds, so the write-back cannot equal the level); test/main/engine/connectors/carts/etsy/inventory-push.test.ts reads back what the fake shop holds after pushes under the cap",
  },
  async start(clock): Promise<FakeCart> {
    const etsy = await createFakeEtsy({ clock });
    const shop = etsy.shop;
    shop.addListing([{ sku: 'ET-MUG', quantity: 10 }]);
    shop.addListing([
      { sku: 'ET-TEE-S', quantity: 4 },
      { sku: 'ET-TEE-M', quantity: 6 },
    ]);
    let seeded = 0;
    const settings = { baseUrl: etsy.url, redirectUri: 'http://localhost:3003/oauth/redirect' };
    const credentials = { keystring: etsy.keystring, refreshToken: etsy.oauth.grant(), shopId: String(shop.shopId), shopName: shop.shopName };
    return {
      settings,
      credentials,
      connect: (ctx) => etsyPlugin.create(ctx, etsyPlugin.settingsSchema.parse(settings), etsyPlugin.credentialsSchema.parse(credentials)),
      knownSkus: CATALOG,
      seedOrdersInOneGo(count) {
        for (let i = 0; i < count; i++) shop.addReceipt({ lines: linesFor(++seeded) });
      },
      seedOrders(count) {
        for (let i = 0; i < count; i++) shop.addReceipt({ lines: linesFor(++seeded) });
      },
      seedOrdersCreatedAt(count, createdAt) {
        for (let i = 0; i < count; i++) shop.addReceipt({ lines: linesFor(++seeded), createdAt: Math.floor(Date.parse(createdAt) / 1000) });
      },
      changeOrder(cartOrderId) {
        // Etsy keeps times to the second: the change is made a second later, as a person would.
        shop.advance(1);
        const receipt = shop.modifyReceipt(Number(cartOrderId), (r) => (r.message_from_buyer = 'Changed by the conformance suite'));
        return new Date(receipt.update_timestamp * 1000).toISOString();
      },
      pageSize: ETSY_RECEIPTS_PAGE_SIZE,
      rateLimitNext: () => etsy.rateLimitNext(1, 2),
      rateLimitAnswers: () => etsy.stats.rateLimited,
      failNext: (count) => etsy.failNext(count, 503),
      malformPage: (which) => etsy.malformNthReceiptsPage(which === 'first' ? 1 : 2),
      seedMalformedOrder() {
        const receipt = shop.addReceipt({ lines: linesFor(++seeded) });
        shop.corrupted.set(receipt.receipt_id, { ...(shop.receiptView(receipt) as object), grandtotal: 'twelve dollars' });
      },
      healthy: () => etsy.healthy(),
      // The shop's name is not a secret, and it is in every message: only the refused token is checked.
      wrongCredentials: () => ({ keystring: etsy.keystring, refreshToken: `${shop.userId}.refused-by-the-fake-0000000000`, shopId: String(shop.shopId) }),
      close: () => etsy.close(),
    };
  },
};
