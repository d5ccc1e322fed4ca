/**
 * The fake seller's orders in the field names of Orders API v0 (ordersV0.json): an order header as
 * getOrders lists it and its items as getOrderItems lists them. Money is a decimal string with its
 * currency; times are ISO 8601 to the second, in UTC ("2026-11-20T10:00:00Z"). Deterministic: the
 * same number gives the same order, so bench volumes are reproducible.
 */

export interface LineSeed {
  sku: string;
  qty: number;
  /** Unit price in cents. */
  priceCents: number;
  /** Units shipped already (a part-shipped order). */
  shipped?: number;
}

export interface OrderSeed {
  lines?: LineSeed[];
  /** ISO; the order's PurchaseDate (and first LastUpdateDate). Default: the fake's now. */
  purchasedAt?: string;
  fulfillmentChannel?: 'MFN' | 'AFN';
  status?: 'Pending' | 'Unshipped' | 'PartiallyShipped' | 'Shipped' | 'Canceled';
  isPrime?: boolean;
  marketplaceId?: string;
  /** ShipmentServiceLevelCategory; ShipServiceLevel follows from it. */
  category?: 'Standard' | 'Expedited' | 'SecondDay' | 'NextDay';
}

export interface FakeAmazonAddress {
  Name: string;
  AddressLine1: string;
  AddressLine2?: string;
  City: string;
  StateOrRegion: string;
  PostalCode: string;
  CountryCode: string;
  Phone: string;
  AddressType: 'Residential' | 'Commercial';
}

export interface FakeAmazonOrder {
  AmazonOrderId: string;
  SellerOrderId: string;
  PurchaseDate: string;
  LastUpdateDate: string;
  OrderStatus: string;
  FulfillmentChannel: 'MFN' | 'AFN';
  SalesChannel: string;
  ShipServiceLevel: string;
  ShipmentServiceLevelCategory: string;
  OrderTotal: { CurrencyCode: string; Amount: string };
  NumberOfItemsShipped: number;
  NumberOfItemsUnshipped: number;
  PaymentMethod: string;
  MarketplaceId: string;
  EarliestShipDate: string;
  LatestShipDate: string;
  IsPrime: boolean;
  IsBusinessOrder: boolean;
  /** Restricted: served whole only with a Restricted Data Token. */
  ShippingAddress: FakeAmazonAddress;
  BuyerInfo: { BuyerEmail: string; BuyerName: string };
}

export interface FakeAmazonItem {
  ASIN: string;
  SellerSKU: string;
  OrderItemId: string;
  Title: string;
  QuantityOrdered: number;
  QuantityShipped: number;
  ItemPrice: { CurrencyCode: string; Amount: string };
  ItemTax: { CurrencyCode: string; Amount: string };
  ShippingPrice: { CurrencyCode: string; Amount: string };
  ShippingTax: { CurrencyCode: string; Amount: string };
  PromotionDiscount: { CurrencyCode: string; Amount: string };
}

export const US_MARKETPLACE = 'ATVPDKIKX0DER';
const SALES_CHANNEL: Record<string, string> = { ATVPDKIKX0DER: 'Amazon.com', A2EUQ1WTGCTBG2: 'Amazon.ca', A1AM78C64UM0Y8: 'Amazon.com.mx' };
const SERVICE_LEVEL: Record<string, string> = { Standard: 'Std US D2D Dom', Expedited: 'Exp US D2D Dom', SecondDay: 'Second US D2D Dom', NextDay: 'Next US D2D Dom' };

/** Cents -> "12.34". */
export function amount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** ISO to the second: "2026-11-20T10:00:00Z". */
export function amazonTime(at: Date | number): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** "113-0000042-5838401": Amazon's 3-7-7 order id, unique per n. */
export function orderIdFor(n: number): string {
  return `113-${String(n).padStart(7, '0')}-${String((n * 7919) % 10_000_000).padStart(7, '0')}`;
}

export function defaultLines(n: number): LineSeed[] {
  const lines: LineSeed[] = [{ sku: n % 2 === 0 ? 'AZ-MUG' : 'AZ-TOTE', qty: 2, priceCents: 1250 }];
  if (n % 3 === 0) lines.push({ sku: 'AZ-TEE-M', qty: 1, priceCents: 2599 });
  return lines;
}

export function buildOrder(n: number, seed: OrderSeed, now: string): { order: FakeAmazonOrder; items: FakeAmazonItem[] } {
  const currency = 'USD';
  const money = (cents: number) => ({ CurrencyCode: currency, Amount: amount(cents) });
  const lines = seed.lines ?? defaultLines(n);
  const items: FakeAmazonItem[] = lines.map((line, i) => {
    const price = line.priceCents * line.qty;
    return {
      ASIN: `B0${String(n * 10 + i).padStart(8, '0')}`,
      SellerSKU: line.sku,
      OrderItemId: String(10_000_000_000_000 + n * 100 + i),
      Title: `Dockhand ${line.sku.toLowerCase()}`,
      QuantityOrdered: line.qty,
      QuantityShipped: line.shipped ?? 0,
      ItemPrice: money(price),
      // 8.25% tax, rounded to the cent.
      ItemTax: money(Math.round(price * 0.0825)),
      ShippingPrice: money(i === 0 ? 499 : 0),
      ShippingTax: money(0),
      PromotionDiscount: money(i === 0 && n % 4 === 0 ? 100 : 0),
    };
  });
  const sum = (pick: (i: FakeAmazonItem) => string) => items.reduce((t, i) => t + Math.round(Number(pick(i)) * 100), 0);
  const total = sum((i) => i.ItemPrice.Amount) + sum((i) => i.ItemTax.Amount) + sum((i) => i.ShippingPrice.Amount) - sum((i) => i.PromotionDiscount.Amount);
  const purchased = seed.purchasedAt ? amazonTime(Date.parse(seed.purchasedAt)) : now;
  const category = seed.category ?? (n % 5 === 0 ? 'Expedited' : 'Standard');
  const marketplace = seed.marketplaceId ?? US_MARKETPLACE;
  const shipped = items.reduce((t, i) => t + i.QuantityShipped, 0);
  const ordered = items.reduce((t, i) => t + i.QuantityOrdered, 0);
  const order: FakeAmazonOrder = {
    AmazonOrderId: orderIdFor(n),
    SellerOrderId: orderIdFor(n),
    PurchaseDate: purchased,
    LastUpdateDate: purchased,
    OrderStatus: seed.status ?? (shipped > 0 ? 'PartiallyShipped' : 'Unshipped'),
    FulfillmentChannel: seed.fulfillmentChannel ?? 'MFN',
    SalesChannel: SALES_CHANNEL[marketplace] ?? 'Amazon.com',
    ShipServiceLevel: SERVICE_LEVEL[category],
    ShipmentServiceLevelCategory: category,
    OrderTotal: money(total),
    NumberOfItemsShipped: shipped,
    NumberOfItemsUnshipped: ordered - shipped,
    PaymentMethod: 'Other',
    MarketplaceId: marketplace,
    EarliestShipDate: purchased,
    LatestShipDate: amazonTime(Date.parse(purchased) + 2 * 86_400_000),
    IsPrime: seed.isPrime ?? n % 7 === 0,
    IsBusinessOrder: false,
    ShippingAddress: {
      Name: `Buyer ${n} Example`,
      AddressLine1: `${100 + (n % 900)} Harbor Way`,
      ...(n % 2 === 0 ? { AddressLine2: `Unit ${n % 50}` } : {}),
      City: 'Seattle',
      StateOrRegion: 'WA',
      PostalCode: '98109',
      CountryCode: 'US',
      Phone: '+1 206-555-0100',
      AddressType: 'Residential',
    },
    BuyerInfo: { BuyerEmail: `buyer${n}@marketplace.amazon.com`, BuyerName: `Buyer ${n} Example` },
  };
  return { order, items };
}
