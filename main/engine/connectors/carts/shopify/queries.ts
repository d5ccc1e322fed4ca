/**
 * The GraphQL documents the connector sends (Admin API field names). Page sizes are chosen from Shopify's
 * cost model (object = 1, connection = 2 + first x node cost, scalars free; one query may request at most
 * 1000 points): an order node below requests 42 points (5 lines of 5 points, 5 MoneyBags of 2, addresses,
 * shipping line), so 23 orders (968 points) fit one query; the actual cost of typical orders (1-4 lines)
 * is lower and the difference is refunded after the query.
 */

/** Lines fetched with each order; orders with more lines get the rest with ORDER_LINE_ITEMS_QUERY. */
export const LINE_ITEMS_PER_ORDER = 5;
/** Requested cost of one order node of ORDER_FIELDS. */
export const ORDER_NODE_COST = 42;
export const ORDERS_PAGE_SIZE = 23;
export const MAX_QUERY_COST = 1000;

const MONEY = 'shopMoney { amount currencyCode }';

const ADDRESS = `firstName lastName company address1 address2 city province provinceCode zip country countryCodeV2 phone`;

/**
 * unfulfilledQuantity: what the cart still has to ship of the line (units fulfilled in Shopify before the
 * download are not asked of the warehouse again); currentQuantity: ordered less removed units.
 */
const LINE_ITEM = `id sku name quantity currentQuantity unfulfilledQuantity
  originalUnitPriceSet { shopMoney { amount } }
  totalDiscountSet { shopMoney { amount } }`;

export const ORDER_FIELDS = `id name createdAt updatedAt processedAt cancelledAt closedAt
  email phone poNumber note test currencyCode displayFinancialStatus displayFulfillmentStatus
  customAttributes { key value }
  subtotalPriceSet { ${MONEY} }
  totalDiscountsSet { ${MONEY} }
  totalTaxSet { ${MONEY} }
  totalShippingPriceSet { ${MONEY} }
  totalPriceSet { ${MONEY} }
  shippingAddress { ${ADDRESS} }
  billingAddress { ${ADDRESS} }
  shippingLine { code title source carrierIdentifier }
  lineItems(first: ${LINE_ITEMS_PER_ORDER}) { pageInfo { hasNextPage endCursor } nodes { ${LINE_ITEM} } }`;

export const ORDERS_QUERY = `query DockhandOrders($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, sortKey: UPDATED_AT, query: $query) {
    pageInfo { hasNextPage endCursor }
    nodes { ${ORDER_FIELDS} }
  }
}`;

export const ORDER_LINE_ITEMS_QUERY = `query DockhandOrderLines($id: ID!, $after: String) {
  order(id: $id) {
    lineItems(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${LINE_ITEM} } }
  }
}`;

export const SHOP_QUERY = `query DockhandShop {
  shop { name myshopifyDomain plan { publicDisplayName } }
  currentAppInstallation { accessScopes { handle } }
}`;

/** What shipment upload needs: existing fulfillments (idempotency) and fulfillment orders to fulfil. */
export const ORDER_FULFILLMENT_QUERY = `query DockhandOrderFulfillment($id: ID!) {
  order(id: $id) {
    id name
    fulfillments(first: 20) { id status trackingInfo(first: 5) { company number url } }
    fulfillmentOrders(first: 5) {
      nodes {
        id status
        supportedActions { action }
        lineItems(first: 50) { nodes { id remainingQuantity totalQuantity sku lineItem { id } } }
      }
    }
  }
}`;

export const FULFILLMENT_CREATE_MUTATION = `mutation DockhandFulfillmentCreate($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) {
    fulfillment { id status }
    userErrors { field message }
  }
}`;

export const LOCATIONS_QUERY = `query DockhandLocations {
  locations(first: 50) { nodes { id name isActive } }
}`;

/** SKUs searched per productVariants query ("sku:A OR sku:B ..."). */
export const SKUS_PER_VARIANT_QUERY = 50;

export const VARIANTS_BY_SKU_QUERY = `query DockhandVariants($query: String!, $after: String, $locationId: ID!) {
  productVariants(first: 100, after: $after, query: $query) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id sku
      inventoryItem { id inventoryLevel(locationId: $locationId) { quantities(names: ["available"]) { name quantity } } }
    }
  }
}`;

/** Shopify caps input arrays at 250 items. The mutation itself depends on the version: inventory-set-request.ts. */
export const INVENTORY_SET_CHUNK = 250;

/**
 * The fulfillment state of many orders in one query (batched shipment upload), with smaller pages than
 * ORDER_FULFILLMENT_QUERY so that a batch fits the 1000-point single-query limit. Requested cost of one
 * order: 1 + fulfillments 5 x (1 + 2 tracking) + fulfillmentOrders (2 + 1 x (1 + 1 actions + 2 + 8 x 2))
 * = 38, so 25 orders request 950 points. An order whose state does not fit these pages (more
 * fulfillments, fulfillment orders or lines) is loaded again with ORDER_FULFILLMENT_QUERY.
 */
export const BATCH_PAGES = { fulfillments: 5, trackingNumbers: 2, fulfillmentOrders: 1, lines: 8 } as const;
export const BATCH_ORDER_COST = 38;
export const ORDERS_PER_FULFILLMENT_BATCH = 25;

export const ORDERS_FULFILLMENT_BATCH_QUERY = `query DockhandOrdersFulfillment($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Order {
      id name
      fulfillments(first: ${BATCH_PAGES.fulfillments}) { id status trackingInfo(first: ${BATCH_PAGES.trackingNumbers}) { number } }
      fulfillmentOrders(first: ${BATCH_PAGES.fulfillmentOrders}) {
        pageInfo { hasNextPage }
        nodes {
          id status
          supportedActions { action }
          lineItems(first: ${BATCH_PAGES.lines}) { pageInfo { hasNextPage } nodes { id remainingQuantity sku lineItem { id } } }
        }
      }
    }
  }
}`;

/** Requested cost of each fulfillmentCreate in a document (Shopify charges every mutation field). */
export const FULFILLMENT_CREATE_COST = 10;

const batchMutations = new Map<number, string>();

/**
 * One document creating `count` fulfillments: aliased fields f0..f<count-1>, each with its own variable
 * $f0..; Shopify runs them in order and reports each one's userErrors under its alias.
 */
export function fulfillmentCreateBatchMutation(count: number): string {
  let doc = batchMutations.get(count);
  if (doc) return doc;
  const aliases = Array.from({ length: count }, (_, k) => `f${k}`);
  doc = `mutation DockhandFulfillmentCreateBatch(${aliases.map((a) => `$${a}: FulfillmentInput!`).join(', ')}) {
${aliases.map((a) => `  ${a}: fulfillmentCreate(fulfillment: $${a}) { fulfillment { id status } userErrors { field message } }`).join('\n')}
}`;
  batchMutations.set(count, doc);
  return doc;
}

/**
 * An order's fulfillments with every tracking number each holds (trackingInfo unpaged: adding a number
 * rewrites the whole list, so none may be left unread).
 */
export const ORDER_TRACKING_QUERY = `query DockhandOrderTracking($id: ID!) {
  order(id: $id) {
    id name
    fulfillments(first: 50) { id status trackingInfo { company number url } }
  }
}`;

/** Replaces a fulfillment's tracking info (Shopify keeps only what the input lists). */
export const FULFILLMENT_TRACKING_UPDATE_MUTATION = `mutation DockhandFulfillmentTrackingUpdate($fulfillmentId: ID!, $trackingInfoInput: FulfillmentTrackingInput!, $notifyCustomer: Boolean) {
  fulfillmentTrackingInfoUpdate(fulfillmentId: $fulfillmentId, trackingInfoInput: $trackingInfoInput, notifyCustomer: $notifyCustomer) {
    fulfillment { id }
    userErrors { field message }
  }
}`;
