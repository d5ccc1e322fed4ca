import { buildSchema, type GraphQLSchema } from 'graphql';
import { dialectOf, FAKE_OLDEST_SERVED_VERSION, type FakeApiVersion, type FakeDialect } from './api-versions.js';

/**
 * The subset of the Shopify GraphQL Admin API that Dockhand uses, with the real type and field names, as
 * each version has it (api-versions.ts says what changed). Custom scalars pass values through unchanged,
 * as Shopify's do (Decimal and DateTime are strings), so tests can plant malformed values in an otherwise
 * valid reply.
 */
export function shopifySdl(d: FakeDialect): string {
  const when = (on: boolean, text: string) => (on ? text : '');
  return /* GraphQL */ `
  scalar DateTime
  scalar Decimal
  scalar URL

  enum OrderSortKeys { UPDATED_AT CREATED_AT ID PROCESSED_AT }
  enum ProductVariantSortKeys { ID SKU }
  enum CurrencyCode { USD CAD EUR GBP }
  enum OrderDisplayFinancialStatus { PENDING AUTHORIZED PARTIALLY_PAID PAID PARTIALLY_REFUNDED REFUNDED VOIDED EXPIRED }
  enum OrderDisplayFulfillmentStatus { UNFULFILLED PARTIALLY_FULFILLED FULFILLED RESTOCKED PENDING_FULFILLMENT OPEN IN_PROGRESS ON_HOLD SCHEDULED REQUEST_DECLINED ${when(d.fulfillmentNotRequired, 'FULFILLMENT_NOT_REQUIRED')} }
  enum FulfillmentOrderStatus { OPEN IN_PROGRESS CANCELLED INCOMPLETE CLOSED SCHEDULED ON_HOLD }
  enum FulfillmentOrderAction { CREATE_FULFILLMENT REQUEST_FULFILLMENT CANCEL_FULFILLMENT_ORDER REQUEST_CANCELLATION HOLD RELEASE_HOLD MOVE MARK_AS_OPEN EXTERNAL SPLIT MERGE }
  enum FulfillmentStatus { SUCCESS CANCELLED ERROR FAILURE OPEN PENDING }
  enum InventorySetQuantitiesUserErrorCode {
    INVALID_INVENTORY_ITEM INVALID_LOCATION INVALID_QUANTITY_NAME INVALID_REASON INVALID_QUANTITY_TOO_HIGH INVALID_QUANTITY_TOO_LOW
    NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR COMPARE_QUANTITY_REQUIRED COMPARE_QUANTITY_STALE
    ${when(!d.stockAtAnyLocation, 'ITEM_NOT_STOCKED_AT_LOCATION')}
    ${when(d.changeFromQuantity, 'CHANGE_FROM_QUANTITY_STALE IDEMPOTENCY_CONCURRENT_REQUEST IDEMPOTENCY_KEY_PARAMETER_MISMATCH')}
  }

  type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }

  type MoneyV2 { amount: Decimal! currencyCode: CurrencyCode! }
  type MoneyBag { shopMoney: MoneyV2! presentmentMoney: MoneyV2! }

  type MailingAddress {
    id: ID!
    firstName: String lastName: String name: String company: String
    address1: String address2: String city: String province: String provinceCode: String
    zip: String country: String countryCodeV2: String phone: String
  }

  type Attribute { key: String! value: String }

  type ShippingLine {
    id: ID code: String title: String! source: String carrierIdentifier: String
    originalPriceSet: MoneyBag!
  }

  type ProductVariant {
    id: ID! sku: String title: String! displayName: String! price: Decimal!
    inventoryItem: InventoryItem!
  }
  type ProductVariantEdge { node: ProductVariant! cursor: String! }
  type ProductVariantConnection { nodes: [ProductVariant!]! edges: [ProductVariantEdge!]! pageInfo: PageInfo! }

  type LineItem {
    id: ID! sku: String name: String! title: String! quantity: Int! currentQuantity: Int!
    unfulfilledQuantity: Int!
    fulfillableQuantity: Int! @deprecated(reason: "Use [FulfillmentOrderLineItem#remainingQuantity] instead.")
    nonFulfillableQuantity: Int!
    requiresShipping: Boolean!
    originalUnitPriceSet: MoneyBag! discountedUnitPriceSet: MoneyBag! totalDiscountSet: MoneyBag!
    variant: ProductVariant
  }
  type LineItemEdge { node: LineItem! cursor: String! }
  type LineItemConnection { nodes: [LineItem!]! edges: [LineItemEdge!]! pageInfo: PageInfo! }

  type FulfillmentOrderSupportedAction { action: FulfillmentOrderAction! }
  type Location { id: ID! name: String! isActive: Boolean! fulfillsOnlineOrders: Boolean! }
  type LocationEdge { node: Location! cursor: String! }
  type LocationConnection { nodes: [Location!]! edges: [LocationEdge!]! pageInfo: PageInfo! }
  type FulfillmentOrderAssignedLocation { name: String! location: Location }

  type FulfillmentOrderLineItem {
    id: ID! sku: String totalQuantity: Int! remainingQuantity: Int! lineItem: LineItem!
  }
  type FulfillmentOrderLineItemEdge { node: FulfillmentOrderLineItem! cursor: String! }
  type FulfillmentOrderLineItemConnection { nodes: [FulfillmentOrderLineItem!]! edges: [FulfillmentOrderLineItemEdge!]! pageInfo: PageInfo! }

  type FulfillmentOrder {
    id: ID! status: FulfillmentOrderStatus! supportedActions: [FulfillmentOrderSupportedAction!]!
    assignedLocation: FulfillmentOrderAssignedLocation!
    lineItems(first: Int, after: String): FulfillmentOrderLineItemConnection!
  }
  type FulfillmentOrderEdge { node: FulfillmentOrder! cursor: String! }
  type FulfillmentOrderConnection { nodes: [FulfillmentOrder!]! edges: [FulfillmentOrderEdge!]! pageInfo: PageInfo! }

  type FulfillmentTrackingInfo { company: String number: String url: URL }
  type Fulfillment {
    id: ID! name: String! status: FulfillmentStatus! createdAt: DateTime!
    trackingInfo(first: Int): [FulfillmentTrackingInfo!]!
  }

  interface Node { id: ID! }

  type Order implements Node {
    id: ID! legacyResourceId: String! name: String!
    createdAt: DateTime! updatedAt: DateTime! processedAt: DateTime! cancelledAt: DateTime cancelReason: String
    closed: Boolean! closedAt: DateTime
    email: String phone: String poNumber: String note: String tags: [String!]! test: Boolean!
    currencyCode: CurrencyCode!
    displayFinancialStatus: OrderDisplayFinancialStatus
    displayFulfillmentStatus: OrderDisplayFulfillmentStatus!
    customAttributes: [Attribute!]!
    subtotalPriceSet: MoneyBag totalDiscountsSet: MoneyBag totalTaxSet: MoneyBag
    totalShippingPriceSet: MoneyBag! totalPriceSet: MoneyBag! currentTotalPriceSet: MoneyBag!
    shippingAddress: MailingAddress billingAddress: MailingAddress
    shippingLine: ShippingLine
    lineItems(first: Int, after: String): LineItemConnection!
    fulfillmentOrders(first: Int, after: String): FulfillmentOrderConnection!
    fulfillments(first: Int): [Fulfillment!]!
  }
  type OrderEdge { node: Order! cursor: String! }
  type OrderConnection { nodes: [Order!]! edges: [OrderEdge!]! pageInfo: PageInfo! }

  type InventoryQuantity { name: String! quantity: Int! }
  type InventoryLevel { id: ID! location: Location! quantities(names: [String!]!): [InventoryQuantity!]! }
  type InventoryItem { id: ID! sku: String tracked: Boolean! inventoryLevel(locationId: ID!): InventoryLevel }

  type ShopPlan { displayName: String! publicDisplayName: String! partnerDevelopment: Boolean! shopifyPlus: Boolean! }
  type Shop { id: ID! name: String! myshopifyDomain: String! currencyCode: CurrencyCode! ianaTimezone: String! plan: ShopPlan! }
  type AccessScope { handle: String! description: String! }
  type AppInstallation { id: ID! accessScopes: [AccessScope!]! }

  type Query {
    shop: Shop!
    currentAppInstallation: AppInstallation!
    orders(first: Int, after: String, last: Int, before: String, sortKey: OrderSortKeys = ID, reverse: Boolean = false, query: String): OrderConnection!
    order(id: ID!): Order
    nodes(ids: [ID!]!): [Node]!
    productVariants(first: Int, after: String, query: String, sortKey: ProductVariantSortKeys = ID): ProductVariantConnection!
    locations(first: Int, after: String, includeInactive: Boolean = false): LocationConnection!
    inventoryItem(id: ID!): InventoryItem
  }

  type UserError { field: [String!] message: String! }
  type InventorySetQuantitiesUserError { code: InventorySetQuantitiesUserErrorCode field: [String!] message: String! }

  input FulfillmentOrderLineItemInput { id: ID! quantity: Int! }
  input FulfillmentOrderLineItemsInput { fulfillmentOrderId: ID! fulfillmentOrderLineItems: [FulfillmentOrderLineItemInput!] }
  input FulfillmentTrackingInput { company: String number: String url: URL numbers: [String!] urls: [URL!] }
  input FulfillmentInput {
    lineItemsByFulfillmentOrder: [FulfillmentOrderLineItemsInput!]!
    trackingInfo: FulfillmentTrackingInput
    notifyCustomer: Boolean = false
  }
  type FulfillmentCreatePayload { fulfillment: Fulfillment userErrors: [UserError!]! }
  type FulfillmentTrackingInfoUpdatePayload { fulfillment: Fulfillment userErrors: [UserError!]! }

  input InventoryQuantityInput {
    inventoryItemId: ID! locationId: ID! quantity: Int!
    ${when(!d.compareAndSwapRequired, 'compareQuantity: Int')}
    ${when(d.changeFromQuantity, 'changeFromQuantity: Int')}
  }
  input InventorySetQuantitiesInput {
    name: String! reason: String! referenceDocumentUri: String
    ${when(!d.compareAndSwapRequired, 'ignoreCompareQuantity: Boolean = false')}
    quantities: [InventoryQuantityInput!]!
  }
  ${when(d.idempotentDirective, 'directive @idempotent(key: String!) on FIELD')}
  type InventoryAdjustmentGroup { id: ID! reason: String! createdAt: DateTime! }
  type InventorySetQuantitiesPayload { inventoryAdjustmentGroup: InventoryAdjustmentGroup userErrors: [InventorySetQuantitiesUserError!]! }

  type Mutation {
    fulfillmentCreate(fulfillment: FulfillmentInput!, message: String): FulfillmentCreatePayload
    fulfillmentTrackingInfoUpdate(fulfillmentId: ID!, trackingInfoInput: FulfillmentTrackingInput!, notifyCustomer: Boolean): FulfillmentTrackingInfoUpdatePayload
    inventorySetQuantities(input: InventorySetQuantitiesInput!): InventorySetQuantitiesPayload
  }
`;
}

const cached = new Map<FakeApiVersion, GraphQLSchema>();

export function shopifySchema(version: FakeApiVersion = FAKE_OLDEST_SERVED_VERSION): GraphQLSchema {
  let schema = cached.get(version);
  if (!schema) {
    schema = buildSchema(shopifySdl(dialectOf(version)));
    cached.set(version, schema);
  }
  return schema;
}
