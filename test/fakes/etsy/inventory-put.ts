import type { FakeEtsyShop, FakeListing } from './shop-state.js';

/**
 * updateListingInventory as the fake judges it. Etsy replaces the listing's whole inventory with the
 * body, so a body that leaves out a product, an offering, a product's property values, a price or one
 * of the *_on_property lists would delete them: the fake refuses any such body (400, Etsy's error
 * envelope) instead of silently deleting, so a connector that drops something is caught. Only
 * quantities (and is_enabled) may differ from what the listing holds.
 */
export function applyInventoryPut(shop: FakeEtsyShop, listing: FakeListing, body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return 'products is required';
  const b = body as Record<string, unknown>;
  const inv = shop.inventoryView(listing);
  for (const key of ['price_on_property', 'quantity_on_property', 'sku_on_property'] as const) {
    const sent = b[key];
    if (!Array.isArray(sent)) return `${key} is missing: it would be cleared`;
    if (JSON.stringify([...sent].sort()) !== JSON.stringify([...inv[key]].sort())) return `${key} changed from [${inv[key].join(',')}] to [${sent.join(',')}]`;
  }
  if (!Array.isArray(b.products)) return 'products is required';
  const sent = b.products as Record<string, unknown>[];
  if (sent.length !== inv.products.length) return `products has ${sent.length} products, the listing ${inv.products.length}: a product would be deleted`;
  const updates: { offering: FakeListing['inventory']['products'][number]['offerings'][number]; quantity: number; isEnabled: boolean; sku: string }[] = [];
  for (const product of inv.products) {
    const match = sent.find((p) => p.sku === product.sku && samePropertyValues(p.property_values, product.property_values));
    if (!match) return `product ${product.sku} (with its property values) is missing: it would be deleted`;
    const offerings = match.offerings;
    if (!Array.isArray(offerings) || offerings.length !== product.offerings.length) return `product ${product.sku}: an offering would be deleted`;
    for (let i = 0; i < offerings.length; i++) {
      const o = offerings[i] as Record<string, unknown>;
      const held = product.offerings[i];
      if (typeof o.price !== 'number') return `product ${product.sku}: offering price must be a number`;
      if (Math.round(o.price * held.price.divisor) !== held.price.amount) return `product ${product.sku}: the price changed from ${held.price.amount / held.price.divisor} to ${o.price}`;
      if (typeof o.quantity !== 'number' || !Number.isInteger(o.quantity) || o.quantity < 0 || o.quantity > 999) return `product ${product.sku}: quantity must be a whole number from 0 to 999`;
      if (typeof o.is_enabled !== 'boolean') return `product ${product.sku}: is_enabled is required`;
      updates.push({ offering: held, quantity: o.quantity, isEnabled: o.is_enabled, sku: product.sku });
    }
  }
  for (const u of updates) {
    if (u.offering.quantity !== u.quantity) shop.inventoryWrites.push({ sku: u.sku, quantity: u.quantity });
    u.offering.quantity = u.quantity;
    u.offering.is_enabled = u.isEnabled;
  }
  return undefined;
}

function samePropertyValues(sent: unknown, held: { property_id: number; value_ids: number[] }[]): boolean {
  if (!Array.isArray(sent) || sent.length !== held.length) return false;
  return held.every((h) =>
    sent.some((s: unknown) => {
      const v = s as Record<string, unknown>;
      return v.property_id === h.property_id && JSON.stringify(v.value_ids) === JSON.stringify(h.value_ids);
    }),
  );
}
