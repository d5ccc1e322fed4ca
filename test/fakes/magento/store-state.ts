import { magentoTime, type MagentoOrder, type MagentoProduct, type MagentoShipmentRecord, type MagentoTrack } from './fake-model.js';
import { buildOrder, type OrderSeed } from './order-builder.js';
import { MESSAGES } from './error-pages.js';

/**
 * What the fake store holds and how its data endpoints behave, apart from HTTP: orders, products, the
 * shipments created through the API, and its own clock (Magento keeps times to the second, so tests move
 * the clock to make updated_at move).
 */

export class MagentoRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly parameters?: unknown,
  ) {
    super(message);
  }
}

export class FakeMagentoState {
  readonly orders = new Map<number, MagentoOrder>();
  readonly products = new Map<string, MagentoProduct>();
  readonly shipments: MagentoShipmentRecord[] = [];
  /** Orders whose reply is replaced by a malformed one (a broken extension, a bad import). */
  readonly malformed = new Map<number, unknown>();
  readonly sourceCodes = new Set(['default']);
  /** Source items saved for SKUs the catalog does not have ("sku|source_code"). */
  readonly orphanSourceItems = new Map<string, { quantity: number; status: number }>();
  /** Every stock level written through the API, in order (MSI and legacy alike). */
  readonly inventoryWrites: { sku: string; quantity: number }[] = [];
  private offsetMs = 0;
  private ids = { order: 0, item: 0, address: 0, shipment: 0, product: 0 };

  /**
   * A Date is a fixed start (tests then move time with advance()); a clock makes the store's time follow
   * one shared with the connector (the conformance suite's virtual clock), advance() adding to it.
   */
  constructor(private readonly start: Date | { now(): Date }) {}

  nowDate(): Date {
    const base = this.start instanceof Date ? this.start : this.start.now();
    return new Date(Math.floor((base.getTime() + this.offsetMs) / 1000) * 1000);
  }

  now(): string {
    return magentoTime(this.nowDate());
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }

  addOrder(seed: OrderSeed = {}): MagentoOrder {
    const id = ++this.ids.order;
    const order = buildOrder(id, seed, this.now(), {
      nextItemId: () => ++this.ids.item,
      nextAddressId: () => ++this.ids.address,
    });
    this.orders.set(id, order);
    return order;
  }

  /** A change in the admin (a comment, a status): updated_at moves to the store's current time. */
  modifyOrder(id: number, change: (order: MagentoOrder) => void = () => {}): MagentoOrder {
    const order = this.requireOrder(id);
    change(order);
    order.updated_at = this.now();
    return order;
  }

  addProduct(sku: string, qty = 0): MagentoProduct {
    const id = ++this.ids.product;
    const product: MagentoProduct = {
      id,
      sku,
      type_id: 'simple',
      stock_item: { item_id: id, product_id: id, stock_id: 1, qty, is_in_stock: qty > 0 },
      sources: new Map([['default', { quantity: qty, status: qty > 0 ? 1 : 0 }]]),
    };
    this.products.set(sku, product);
    return product;
  }

  requireOrder(id: number): MagentoOrder {
    const order = this.orders.get(id);
    if (!order) throw new MagentoRequestError(404, MESSAGES.noSuchOrder);
    return order;
  }

  /** The order as GET /V1/orders answers it: children carry their parent item, as Magento nests it. */
  view(order: MagentoOrder): unknown {
    if (this.malformed.has(order.entity_id)) return this.malformed.get(order.entity_id);
    const byId = new Map(order.items.map((item) => [item.item_id, item]));
    const items = order.items.map((item) =>
      item.parent_item_id !== undefined ? { ...item, parent_item: { ...byId.get(item.parent_item_id)! } } : { ...item },
    );
    return structuredClone({ ...order, items });
  }

  /**
   * POST /V1/shipment/track: adds a track to an existing shipment of the order (the shipment's other
   * tracks stay). Answers the saved track. A shipment that does not exist, or is another order's, is
   * refused as Magento's track repository does.
   */
  addTrack(entity: unknown): MagentoTrack & { entity_id: number; parent_id: number; order_id: number } {
    if (typeof entity !== 'object' || entity === null) throw new MagentoRequestError(400, '"entity" is required. Enter and try again.');
    const e = entity as { order_id?: unknown; parent_id?: unknown; track_number?: unknown; title?: unknown; carrier_code?: unknown };
    const shipment = this.shipments.find((s) => s.entity_id === Number(e.parent_id));
    if (!shipment || shipment.order_id !== Number(e.order_id)) throw new MagentoRequestError(400, MESSAGES.trackNotSaved);
    if (typeof e.track_number !== 'string' || e.track_number === '') throw new MagentoRequestError(400, MESSAGES.trackNotSaved);
    const track = { track_number: e.track_number, title: String(e.title ?? ''), carrier_code: String(e.carrier_code ?? 'custom') };
    shipment.tracks.push(track);
    const order = this.orders.get(shipment.order_id);
    if (order) order.updated_at = this.now();
    return { ...track, entity_id: shipment.entity_id * 100 + shipment.tracks.length - 1, parent_id: shipment.entity_id, order_id: shipment.order_id };
  }

  /**
   * POST /V1/order/{id}/ship. Without items every remaining unit ships. Shipping a configurable parent
   * ships its child with it. Answers the new shipment's id.
   */
  ship(orderId: number, body: { items?: { order_item_id: number; qty: number }[]; tracks?: MagentoTrack[] }): number {
    const order = this.requireOrder(orderId);
    if (['complete', 'closed', 'canceled', 'holded'].includes(order.state)) {
      throw new MagentoRequestError(400, MESSAGES.shipmentNotAllowed);
    }
    const remaining = (item: MagentoOrder['items'][number]) => item.qty_ordered - item.qty_shipped - item.qty_canceled - item.qty_refunded;
    const shippable = order.items.filter((item) => item.parent_item_id === undefined);
    const requested = body.items?.length ? body.items : shippable.map((item) => ({ order_item_id: item.item_id, qty: remaining(item) }));
    const lines: { order_item_id: number; qty: number }[] = [];
    for (const want of requested) {
      const item = order.items.find((i) => i.item_id === want.order_item_id);
      if (!item || typeof want.qty !== 'number' || want.qty <= 0) continue;
      if (want.qty > remaining(item)) throw new MagentoRequestError(400, MESSAGES.shipmentTooMuch);
      lines.push({ order_item_id: item.item_id, qty: want.qty });
    }
    if (lines.length === 0) throw new MagentoRequestError(400, MESSAGES.shipmentTooMuch);
    for (const line of lines) {
      for (const item of order.items) {
        if (item.item_id === line.order_item_id || item.parent_item_id === line.order_item_id) item.qty_shipped += line.qty;
      }
    }
    const allShipped = shippable.every((item) => remaining(item) <= 0);
    order.state = allShipped ? 'complete' : 'processing';
    order.status = allShipped ? 'complete' : 'processing';
    order.updated_at = this.now();
    const id = ++this.ids.shipment;
    this.shipments.push({ entity_id: id, order_id: orderId, items: lines, tracks: body.tracks ?? [], created_at: this.now() });
    return id;
  }

  /**
   * MSI SourceItemsSaveInterface: all or nothing, like the real one's transaction. Its table has a foreign
   * key to the sources, none to the catalog: an unknown source code fails the save, an unknown SKU is
   * stored as a source item of no product (which is why a client must check SKUs before it pushes).
   */
  saveSourceItems(items: { sku?: unknown; source_code?: unknown; quantity?: unknown; status?: unknown }[]): void {
    for (const item of items) {
      if (typeof item.sku !== 'string' || item.sku === '' || typeof item.source_code !== 'string' || !this.sourceCodes.has(item.source_code) || typeof item.quantity !== 'number') {
        throw new MagentoRequestError(400, MESSAGES.sourceItemsInvalid);
      }
    }
    for (const item of items) {
      const product = this.products.get(item.sku as string);
      const quantity = item.quantity as number;
      const entry = { quantity, status: item.status === 0 ? 0 : 1 };
      this.inventoryWrites.push({ sku: item.sku as string, quantity });
      if (product) product.sources.set(item.source_code as string, entry);
      else this.orphanSourceItems.set(`${item.sku as string}|${item.source_code as string}`, entry);
    }
  }

  /** Legacy PUT /V1/products/{sku}/stockItems/{itemId}: answers the stock item id. */
  updateStockItem(sku: string, itemId: number, stockItem: { qty?: unknown; is_in_stock?: unknown }): number {
    const product = this.products.get(sku);
    if (!product) throw new MagentoRequestError(404, MESSAGES.noSuchProduct);
    if (product.stock_item.item_id !== itemId) throw new MagentoRequestError(400, 'The stock item was not found. Verify the stock item and try again.');
    if (typeof stockItem.qty === 'number') {
      product.stock_item.qty = stockItem.qty;
      this.inventoryWrites.push({ sku, quantity: stockItem.qty });
    }
    if (typeof stockItem.is_in_stock === 'boolean') product.stock_item.is_in_stock = stockItem.is_in_stock;
    return product.stock_item.item_id;
  }
}
