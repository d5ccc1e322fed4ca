import {
  confirmationFileProfileSchema,
  inventoryFileProfileSchema,
  type ConfirmationFileProfile,
  type InventoryFileProfile,
  type OrderColumn,
  type OrderFieldName,
  type OrderFileProfile,
} from './schemas/csv-profile.js';
import type { CsvWmsSettings, TransportSettings } from './schemas/wms.js';

/**
 * The CSV formats a new CSV-file WMS setup starts with: plain, headed, comma-separated files that a
 * typical WMS order import accepts as they are, and that the format designer can edit later.
 * Dates go out as YYYY-MM-DD in UTC; addresses are not cut (cutting loses data silently: a WMS with
 * field limits gets a `cut` transform in its own profile, where someone chose it).
 */

const field = (header: string, name: OrderFieldName, transforms: OrderColumn['transforms'] = []): OrderColumn => ({
  header,
  source: { kind: 'field', field: name },
  transforms,
});

export const DEFAULT_ORDER_PROFILE: OrderFileProfile = {
  name: 'Standard orders (one row per line item)',
  delimiter: ',',
  headerRow: true,
  layout: 'vertical',
  maxItemsPerRow: 10,
  lineEnding: 'crlf',
  formulaGuard: true,
  encoding: 'utf-8',
  columns: [
    field('Order Number', 'orderNumber'),
    field('Order Date', 'orderDate', [{ kind: 'date', format: 'YYYY-MM-DD', timeZone: 'UTC' }]),
    field('PO Number', 'poNumber'),
    field('Order Source', 'orderSource'),
    field('Ship Method', 'shipCode'),
    field('Carrier', 'carrier'),
    field('Ship To Name', 'shipTo.firstName', [{ kind: 'join', fields: ['shipTo.lastName'], separator: ' ' }]),
    field('Ship To Company', 'shipTo.company'),
    field('Ship To Address 1', 'shipTo.address1'),
    field('Ship To Address 2', 'shipTo.address2'),
    field('Ship To Address 3', 'shipTo.address3'),
    field('Ship To City', 'shipTo.city'),
    field('Ship To State', 'shipTo.state'),
    field('Ship To Zip', 'shipTo.zip'),
    field('Ship To Country', 'shipTo.country'),
    field('Ship To Phone', 'shipTo.phone'),
    field('Ship To Email', 'shipTo.email'),
    field('Line No', 'line.lineNo'),
    field('SKU', 'line.sku'),
    field('Description', 'line.name'),
    field('Quantity', 'line.quantity'),
    field('Unit Price', 'line.price'),
    field('Gift Message', 'giftMessage'),
    field('Instructions', 'shippingInstructions'),
    field('Requested Ship Date', 'requestedShipDate', [{ kind: 'date', format: 'YYYY-MM-DD' }]),
    field('Client', 'merchantCode'),
    field('Batch', 'batchId'),
  ],
};

/**
 * Columns named by header; the ship date column has no date transform, so it reads the shapes profiles
 * always read (the LEGACY_COMMON format, in UTC): installations made from this default keep reading
 * their warehouse's files. A preset for a known warehouse names its exact format instead.
 */
export const DEFAULT_CONFIRMATION_PROFILE: ConfirmationFileProfile = confirmationFileProfileSchema.parse({
  delimiter: ',',
  headerRow: true,
  columns: {
    // The order file's own "Order Source" header: a WMS that echoes it back names the cart of each row.
    orderSource: 'Order Source',
    orderNumber: 'Order Number',
    sku: 'SKU',
    quantity: 'Quantity',
    carrier: 'Carrier',
    service: 'Service',
    trackingNumber: 'Tracking Number',
    shipDate: 'Ship Date',
    cost: 'Cost',
    weight: 'Weight',
  },
  timeZone: 'UTC',
});

export const DEFAULT_INVENTORY_PROFILE: InventoryFileProfile = inventoryFileProfileSchema.parse({
  delimiter: ',',
  headerRow: true,
  columns: { sku: 'SKU', quantity: 'Quantity', location: 'Location' },
});

/** A complete CSV WMS setup around a transport, with the default folders and formats. */
export function defaultCsvWmsSettings(transport: TransportSettings): CsvWmsSettings {
  return {
    kind: 'csv',
    transport,
    folderOrder: 'client_then_wms',
    folders: { orders: 'orders', confirmations: 'confirmations', inventory: 'inventory' },
    orderProfile: structuredClone(DEFAULT_ORDER_PROFILE),
    confirmationProfile: structuredClone(DEFAULT_CONFIRMATION_PROFILE),
    inventoryProfile: structuredClone(DEFAULT_INVENTORY_PROFILE),
  };
}
