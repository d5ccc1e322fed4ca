import type { MagentoAddress, MagentoOrder, MagentoOrderItem } from './fake-model.js';

/**
 * Builds whole Magento orders from a short description, so tests say only what matters to them. A
 * configurable line becomes what Magento stores: a parent item (product_type "configurable", carrying the
 * chosen child's SKU and the price) and a child item (product_type "simple", price 0, parent_item_id
 * pointing at the parent).
 */

export interface LineSeed {
  sku: string;
  qty: number;
  price: number;
  name?: string;
  /** Makes the line a configurable product: the parent item carries this SKU's child as its option. */
  configurable?: { parentSku: string; parentName?: string };
  qtyShipped?: number;
  qtyCanceled?: number;
}

export interface OrderSeed {
  lines?: LineSeed[];
  status?: string;
  state?: string;
  currency?: string;
  shippingMethod?: string;
  shippingAmount?: number;
  /** Ship-to country; billing mirrors it. */
  country?: string;
  createdAt?: string;
}

export interface IdSource {
  nextItemId(): number;
  nextAddressId(): number;
}

export function buildOrder(entityId: number, seed: OrderSeed, now: string, ids: IdSource): MagentoOrder {
  const items: MagentoOrderItem[] = [];
  const lines = seed.lines ?? [{ sku: `SKU-${entityId}`, qty: 1, price: 20 }];
  for (const line of lines) {
    const common = {
      order_id: entityId,
      qty_ordered: line.qty,
      qty_shipped: line.qtyShipped ?? 0,
      qty_canceled: line.qtyCanceled ?? 0,
      qty_refunded: 0,
      discount_amount: 0,
      tax_amount: 0,
      created_at: seed.createdAt ?? now,
      updated_at: now,
    };
    if (line.configurable) {
      const parentId = ids.nextItemId();
      // Magento stores the chosen child's SKU on the configurable parent item too; the child carries the
      // product it really is. Prices live on the parent, the child says 0.
      items.push({
        ...common,
        item_id: parentId,
        sku: line.sku,
        name: line.configurable.parentName ?? line.configurable.parentSku,
        product_id: 1000 + parentId,
        product_type: 'configurable',
        price: line.price,
        base_price: line.price,
        original_price: line.price,
        row_total: round(line.price * line.qty),
      });
      items.push({
        ...common,
        item_id: ids.nextItemId(),
        parent_item_id: parentId,
        sku: line.sku,
        name: line.name ?? line.sku,
        product_id: 2000 + parentId,
        product_type: 'simple',
        price: 0,
        base_price: 0,
        original_price: 0,
        row_total: 0,
      });
    } else {
      const id = ids.nextItemId();
      items.push({
        ...common,
        item_id: id,
        sku: line.sku,
        name: line.name ?? line.sku,
        product_id: 1000 + id,
        product_type: 'simple',
        price: line.price,
        base_price: line.price,
        original_price: line.price,
        row_total: round(line.price * line.qty),
      });
    }
  }
  const subtotal = round(items.reduce((sum, item) => sum + item.row_total, 0));
  const shippingAmount = seed.shippingAmount ?? 5;
  const address = (type: 'shipping' | 'billing'): MagentoAddress => ({
    address_type: type,
    entity_id: ids.nextAddressId(),
    parent_id: entityId,
    firstname: 'Veronica',
    lastname: 'Costello',
    street: ['6146 Honey Bluff Parkway', 'Suite 2'],
    city: 'Calder',
    region: 'Michigan',
    region_code: 'MI',
    postcode: '49628-7978',
    country_id: seed.country ?? 'US',
    telephone: '(555) 229-3326',
    email: 'roni_cost@example.com',
  });
  const method = seed.shippingMethod ?? 'flatrate_flatrate';
  return {
    entity_id: entityId,
    increment_id: String(entityId).padStart(9, '0'),
    created_at: seed.createdAt ?? now,
    updated_at: now,
    state: seed.state ?? 'processing',
    status: seed.status ?? 'processing',
    customer_email: 'roni_cost@example.com',
    customer_firstname: 'Veronica',
    customer_lastname: 'Costello',
    order_currency_code: seed.currency ?? 'USD',
    base_currency_code: seed.currency ?? 'USD',
    subtotal,
    discount_amount: 0,
    tax_amount: 0,
    shipping_amount: shippingAmount,
    grand_total: round(subtotal + shippingAmount),
    base_grand_total: round(subtotal + shippingAmount),
    total_qty_ordered: lines.reduce((n, l) => n + l.qty, 0),
    shipping_description: method === 'flatrate_flatrate' ? 'Flat Rate - Fixed' : method,
    items,
    billing_address: address('billing'),
    payment: { method: 'checkmo', amount_ordered: round(subtotal + shippingAmount) },
    status_histories: [],
    extension_attributes: {
      shipping_assignments: [
        { shipping: { address: address('shipping'), method, total: { shipping_amount: shippingAmount } }, items: [] },
      ],
    },
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
