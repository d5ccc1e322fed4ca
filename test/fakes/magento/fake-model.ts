/**
 * The records the fake Magento store keeps, in the field names of Magento's REST API
 * (Magento\Sales\Api\Data\OrderInterface and friends, as AdobeDocs' order tutorials show them).
 * Numbers are JSON numbers and times are "YYYY-MM-DD HH:MM:SS" in UTC without a zone, as Magento sends them.
 */

export interface MagentoAddress {
  address_type: 'shipping' | 'billing';
  entity_id: number;
  parent_id: number;
  firstname: string;
  lastname: string;
  company?: string;
  street: string[];
  city: string;
  region?: string;
  region_code?: string;
  postcode: string;
  country_id: string;
  telephone: string;
  email: string;
}

export interface MagentoOrderItem {
  item_id: number;
  order_id: number;
  parent_item_id?: number;
  sku: string;
  name: string;
  product_id: number;
  product_type: 'simple' | 'configurable' | 'virtual' | 'bundle';
  qty_ordered: number;
  qty_shipped: number;
  qty_canceled: number;
  qty_refunded: number;
  price: number;
  base_price: number;
  original_price: number;
  row_total: number;
  discount_amount: number;
  tax_amount: number;
  created_at: string;
  updated_at: string;
  /** Magento nests the whole parent item in a child item's reply. Filled in when the order is served. */
  parent_item?: MagentoOrderItem;
}

export interface MagentoTrack {
  track_number: string;
  title: string;
  carrier_code: string;
}

export interface MagentoShipmentRecord {
  entity_id: number;
  order_id: number;
  items: { order_item_id: number; qty: number }[];
  tracks: MagentoTrack[];
  created_at: string;
}

export interface MagentoOrder {
  entity_id: number;
  increment_id: string;
  created_at: string;
  updated_at: string;
  state: string;
  status: string;
  customer_email: string;
  customer_firstname: string;
  customer_lastname: string;
  customer_note?: string;
  order_currency_code: string;
  base_currency_code: string;
  subtotal: number;
  discount_amount: number;
  tax_amount: number;
  shipping_amount: number;
  grand_total: number;
  base_grand_total: number;
  total_qty_ordered: number;
  shipping_description: string;
  items: MagentoOrderItem[];
  billing_address: MagentoAddress;
  payment: { method: string; amount_ordered: number };
  status_histories: { comment: string; created_at: string }[];
  extension_attributes: {
    shipping_assignments: {
      shipping: { address: MagentoAddress; method: string; total: { shipping_amount: number } };
      items: MagentoOrderItem[];
    }[];
  };
}

/** A catalog product as far as stock goes: the legacy stock item and, with MSI, its source items. */
export interface MagentoProduct {
  id: number;
  sku: string;
  type_id: 'simple' | 'configurable';
  stock_item: { item_id: number; product_id: number; stock_id: number; qty: number; is_in_stock: boolean };
  /** source_code -> quantity and status (1 in stock, 0 out of stock). Used when MSI is installed. */
  sources: Map<string, { quantity: number; status: number }>;
}

/** "2026-11-20T10:32:00.000Z" -> "2026-11-20 10:32:00", Magento's UTC format. */
export function magentoTime(at: Date): string {
  return at.toISOString().slice(0, 19).replace('T', ' ');
}
