/**
 * The fake Etsy shop's data: receipts with their transactions and shipments, and listings with their
 * inventories, in the shapes of Open API v3 (etsy/open-api openapi.json: ShopReceipt,
 * ShopReceiptTransaction, ShopReceiptShipment, ListingInventory). Times are unix seconds on the clock
 * the fake shares with the connector under test.
 */

export interface Money {
  amount: number;
  divisor: number;
  currency_code: string;
}

export interface FakeTransaction {
  transaction_id: number;
  listing_id: number;
  product_id: number;
  sku: string;
  title: string;
  quantity: number;
  price: Money;
  shipping_cost: Money;
  shipping_method: string | null;
  shipping_upgrade: string | null;
}

export interface FakeShipment {
  receipt_shipping_id: number;
  shipment_notification_timestamp: number;
  carrier_name: string;
  tracking_code: string;
}

export interface FakeReceipt {
  receipt_id: number;
  receipt_type: number;
  seller_user_id: number;
  buyer_user_id: number;
  buyer_email: string;
  name: string;
  first_line: string;
  second_line: string | null;
  city: string;
  state: string;
  zip: string;
  country_iso: string;
  status: string;
  message_from_buyer: string | null;
  gift_message: string;
  is_paid: boolean;
  is_shipped: boolean;
  create_timestamp: number;
  update_timestamp: number;
  grandtotal: Money;
  subtotal: Money;
  total_price: Money;
  total_shipping_cost: Money;
  total_tax_cost: Money;
  discount_amt: Money;
  shipments: FakeShipment[];
  transactions: FakeTransaction[];
}

export interface FakeOffering {
  product_offering_id: number;
  price: Money;
  quantity: number;
  is_enabled: boolean;
  is_deleted: boolean;
}

export interface FakePropertyValue {
  property_id: number;
  property_name: string;
  scale_id: number | null;
  scale_name: string | null;
  value_ids: number[];
  values: string[];
}

export interface FakeProduct {
  product_id: number;
  sku: string;
  is_deleted: boolean;
  offerings: FakeOffering[];
  property_values: FakePropertyValue[];
}

export interface FakeInventory {
  products: FakeProduct[];
  price_on_property: number[];
  quantity_on_property: number[];
  sku_on_property: number[];
}

export interface FakeListing {
  listing_id: number;
  shop_id: number;
  title: string;
  state: 'active' | 'inactive' | 'sold_out' | 'draft' | 'expired';
  inventory: FakeInventory;
}

export interface LineSeed {
  sku: string;
  quantity: number;
  /** Unit price in cents. */
  cents: number;
}

const usd = (amount: number): Money => ({ amount, divisor: 100, currency_code: 'USD' });

/** The Size property (Etsy's property id 513 in the US taxonomy's examples). */
const SIZE_PROPERTY = 513;

export class FakeEtsyShop {
  readonly receipts = new Map<number, FakeReceipt>();
  readonly listings = new Map<number, FakeListing>();
  /** Receipts whose reply is replaced (a malformed one). */
  readonly corrupted = new Map<number, unknown>();
  /** Every quantity a PUT changed, in order. */
  readonly inventoryWrites: { sku: string; quantity: number }[] = [];
  private nextReceipt = 2_000_000_001;
  private nextTransaction = 3_000_000_001;
  private nextListing = 1_000_000_001;
  private nextProduct = 4_000_000_001;
  private nextShipment = 5_000_000_001;
  private seeded = 0;
  /** Seconds added to the clock by advance() (a person's edit a second later). */
  private offsetSeconds = 0;

  constructor(
    readonly shopId: number,
    readonly shopName: string,
    readonly userId: number,
    private readonly nowMs: () => number,
  ) {}

  /** Now, in unix seconds. */
  now(): number {
    return Math.floor(this.nowMs() / 1000) + this.offsetSeconds;
  }

  advance(seconds: number): void {
    this.offsetSeconds += seconds;
  }

  /** A listing selling `skus`; more than one SKU makes them sizes (property values of one listing). */
  addListing(skus: { sku: string; quantity: number; cents?: number }[], state: FakeListing['state'] = 'active'): FakeListing {
    const varied = skus.length > 1;
    const listing: FakeListing = {
      listing_id: this.nextListing++,
      shop_id: this.shopId,
      title: `Listing of ${skus.map((s) => s.sku).join(', ')}`,
      state,
      inventory: {
        products: skus.map((s, i) => ({
          product_id: this.nextProduct++,
          sku: s.sku,
          is_deleted: false,
          offerings: [{ product_offering_id: this.nextProduct++, price: usd(s.cents ?? 1250), quantity: s.quantity, is_enabled: true, is_deleted: false }],
          property_values: varied
            ? [{ property_id: SIZE_PROPERTY, property_name: 'Size', scale_id: null, scale_name: null, value_ids: [1000 + i], values: [`Size ${i + 1}`] }]
            : [],
        })),
        price_on_property: [],
        quantity_on_property: varied ? [SIZE_PROPERTY] : [],
        sku_on_property: varied ? [SIZE_PROPERTY] : [],
      },
    };
    this.listings.set(listing.listing_id, listing);
    return listing;
  }

  /** The listing and product selling a SKU, if any. */
  productOf(sku: string): { listing: FakeListing; product: FakeProduct } | undefined {
    for (const listing of this.listings.values()) {
      const product = listing.inventory.products.find((p) => p.sku === sku && !p.is_deleted);
      if (product) return { listing, product };
    }
    return undefined;
  }

  quantityOf(sku: string): number | undefined {
    return this.productOf(sku)?.product.offerings[0]?.quantity;
  }

  /** A paid, unshipped receipt (Etsy's "ready to ship") of `lines`, created and modified now (or at createdAt). */
  addReceipt(options: { lines?: LineSeed[]; createdAt?: number } = {}): FakeReceipt {
    const n = ++this.seeded;
    const lines = options.lines ?? this.defaultLines(n);
    const created = options.createdAt ?? this.now();
    const subtotal = lines.reduce((sum, l) => sum + l.cents * l.quantity, 0);
    const shipping = 499;
    const tax = Math.round(subtotal * 0.0825);
    const discount = n % 3 === 0 ? 100 : 0;
    const receipt: FakeReceipt = {
      receipt_id: this.nextReceipt++,
      receipt_type: 0,
      seller_user_id: this.userId,
      buyer_user_id: 70_000_000 + n,
      buyer_email: `buyer${n}@example.com`,
      name: `Buyer Number${n}`,
      first_line: `${n} Main Street`,
      second_line: n % 2 === 0 ? 'Apt 2' : null,
      city: 'Brooklyn',
      state: 'NY',
      zip: '11201',
      country_iso: 'US',
      status: 'Paid',
      message_from_buyer: n % 4 === 0 ? 'Please leave at the door' : null,
      gift_message: '',
      is_paid: true,
      is_shipped: false,
      create_timestamp: created,
      update_timestamp: options.createdAt ?? this.now(),
      grandtotal: usd(subtotal + shipping + tax - discount),
      subtotal: usd(subtotal),
      total_price: usd(subtotal),
      total_shipping_cost: usd(shipping),
      total_tax_cost: usd(tax),
      discount_amt: usd(discount),
      shipments: [],
      transactions: lines.map((l) => {
        const sold = this.productOf(l.sku);
        return {
          transaction_id: this.nextTransaction++,
          listing_id: sold?.listing.listing_id ?? 1,
          product_id: sold?.product.product_id ?? 1,
          sku: l.sku,
          title: `Item ${l.sku}`,
          quantity: l.quantity,
          price: usd(l.cents),
          shipping_cost: usd(0),
          shipping_method: null,
          shipping_upgrade: n % 5 === 0 ? 'Priority' : null,
        };
      }),
    };
    this.receipts.set(receipt.receipt_id, receipt);
    return receipt;
  }

  /** Two units of one SKU and, every other receipt, one of a second (deterministic for bench volumes). */
  private defaultLines(n: number): LineSeed[] {
    const skus = [...this.listings.values()].flatMap((l) => l.inventory.products.map((p) => p.sku));
    const pick = (i: number) => skus[i % Math.max(1, skus.length)] ?? `ETSY-SKU-${i % 7}`;
    const lines: LineSeed[] = [{ sku: pick(n), quantity: 2, cents: 1250 + (n % 7) * 100 }];
    if (n % 2 === 0) lines.push({ sku: pick(n + 1), quantity: 1, cents: 2599 });
    return lines;
  }

  /** Changes a receipt as the seller would (a note), stamping it modified now. */
  modifyReceipt(id: number, change: (r: FakeReceipt) => void = () => undefined): FakeReceipt {
    const receipt = this.receipts.get(id);
    if (!receipt) throw new Error(`no receipt ${id}`);
    change(receipt);
    receipt.update_timestamp = this.now();
    return receipt;
  }

  addShipment(receipt: FakeReceipt, trackingCode: string, carrierName: string): FakeShipment {
    const shipment = { receipt_shipping_id: this.nextShipment++, shipment_notification_timestamp: this.now(), carrier_name: carrierName, tracking_code: trackingCode };
    receipt.shipments.push(shipment);
    receipt.is_shipped = true;
    receipt.status = 'Completed';
    receipt.update_timestamp = this.now();
    return shipment;
  }

  /** A receipt as the API shows it (newer versions give both update_timestamp and updated_timestamp). */
  receiptView(receipt: FakeReceipt): unknown {
    return this.corrupted.get(receipt.receipt_id) ?? { ...receipt, updated_timestamp: receipt.update_timestamp, created_timestamp: receipt.create_timestamp };
  }

  /** getListingInventory's reply: products and offerings not deleted. */
  inventoryView(listing: FakeListing): FakeInventory {
    const inv = listing.inventory;
    return {
      ...inv,
      products: inv.products.filter((p) => !p.is_deleted).map((p) => ({ ...p, offerings: p.offerings.filter((o) => !o.is_deleted) })),
    };
  }
}
