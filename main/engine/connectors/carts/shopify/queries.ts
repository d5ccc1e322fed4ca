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

const LINE_ITEM = `id sku name quantity currentQuantity
  originalUnitPriceSet { shopMoney { amount } }
  totalDiscountSet { shopMoney { amount } }`;

export const ORDER_FIELDS = `id name createdAt updatedAt processedAt cancelledAt closedAt
  email phone poNumber note currencyCode displayFinancialStatus displayFulfillmentStatus
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

/** Shopify caps input arrays at 250 items. */
export const INVENTORY_SET_CHUNK = 250;

export const INVENTORY_SET_MUTATION = `mutation DockhandInventorySet($input: InventorySetQuantitiesInput!) {
  inventorySetQuantities(input: $input) {
    inventoryAdjustmentGroup { id }
    userErrors { code field message }
  }
}`;
