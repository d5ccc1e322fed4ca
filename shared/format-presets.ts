import { DEFAULT_CONFIRMATION_PROFILE, DEFAULT_INVENTORY_PROFILE, DEFAULT_ORDER_PROFILE } from './csv-defaults.js';
import type { z } from 'zod';
import type { OrderFieldName, orderColumnSchema } from './schemas/csv-profile.js';
import { FORMAT_PROFILE_SCHEMAS, type FormatKind, type FormatProfileInputs, type FormatProfiles } from './schemas/file-format.js';

/**
 * Read-only starting points for the layouts a 3PL meets most: the defaults every install started with,
 * plus common variants. A preset is never edited or chosen directly: "Use this preset" copies it into a
 * new saved format (formats.copy), which is then the one that is edited and chosen.
 */
export interface FormatPreset<K extends FormatKind = FormatKind> {
  /** Stable key, recorded on the copy ("copied from"); never reused for another layout. */
  key: string;
  kind: K;
  name: string;
  /** One sentence a warehouse manager recognises the layout by. */
  description: string;
  /** As written (the schema's input): read it through `presetProfile`, which fills the schema's defaults. */
  profile: FormatProfileInputs[K];
}

type ColumnInput = z.input<typeof orderColumnSchema>;

const field = (header: string, name: OrderFieldName, transforms: ColumnInput['transforms'] = []): ColumnInput => ({
  header,
  source: { kind: 'field', field: name },
  transforms,
});

const ISO_DAY = [{ kind: 'date' as const, format: 'YYYY-MM-DD' as const, timeZone: 'UTC' }];

const lineRowsSeparateShipTo: FormatPreset<'order'> = {
  key: 'order-line-rows-ship-to-columns',
  kind: 'order',
  name: 'One row per line, ship-to in separate columns',
  description: 'Order header repeated on every line; first and last name, each address part, phone and e-mail in columns of their own.',
  profile: {
    name: 'One row per line, ship-to in separate columns',
    delimiter: ',',
    headerRow: true,
    layout: 'vertical',
    maxItemsPerRow: 10,
    lineEnding: 'crlf',
    columns: [
      field('order_number', 'orderNumber'),
      field('order_date', 'orderDate', ISO_DAY),
      field('ship_method', 'shipCode'),
      field('first_name', 'shipTo.firstName'),
      field('last_name', 'shipTo.lastName'),
      field('company', 'shipTo.company'),
      field('address1', 'shipTo.address1'),
      field('address2', 'shipTo.address2'),
      field('city', 'shipTo.city'),
      field('state', 'shipTo.state'),
      field('postal_code', 'shipTo.zip'),
      field('country', 'shipTo.country'),
      field('phone', 'shipTo.phone'),
      field('email', 'shipTo.email'),
      field('sku', 'line.sku'),
      field('quantity', 'line.quantity'),
      field('unit_price', 'line.price'),
    ],
  },
};

const horizontalTenItems: FormatPreset<'order'> = {
  key: 'order-horizontal-10-items',
  kind: 'order',
  name: 'One row per order, 10 item slots',
  description: 'Each order on one row; SKU, quantity and price repeat for up to 10 items (an order with more is held with a reason).',
  profile: {
    name: 'One row per order, 10 item slots',
    delimiter: ',',
    headerRow: true,
    layout: 'horizontal',
    maxItemsPerRow: 10,
    lineEnding: 'crlf',
    columns: [
      field('Order Number', 'orderNumber'),
      field('Order Date', 'orderDate', ISO_DAY),
      field('Ship Method', 'shipCode'),
      field('Name', 'shipTo.firstName', [{ kind: 'join', fields: ['shipTo.lastName'], separator: ' ' }]),
      field('Company', 'shipTo.company'),
      field('Address 1', 'shipTo.address1'),
      field('Address 2', 'shipTo.address2'),
      field('City', 'shipTo.city'),
      field('State', 'shipTo.state'),
      field('Zip', 'shipTo.zip'),
      field('Country', 'shipTo.country'),
      field('Phone', 'shipTo.phone'),
      field('SKU {n}', 'line.sku'),
      field('Qty {n}', 'line.quantity'),
      field('Price {n}', 'line.price'),
    ],
  },
};

export const FORMAT_PRESETS: readonly FormatPreset[] = [
  {
    key: 'order-standard',
    kind: 'order',
    name: DEFAULT_ORDER_PROFILE.name,
    description: 'The layout a new Dockhand starts with: headed, comma-separated, one row per line item.',
    profile: DEFAULT_ORDER_PROFILE,
  },
  lineRowsSeparateShipTo,
  horizontalTenItems,
  {
    key: 'confirmation-standard',
    kind: 'confirmation',
    name: 'Standard confirmations (one row per shipped line)',
    description: 'The layout a new Dockhand starts with: order number, SKU, quantity, carrier, tracking number and ship date per row.',
    profile: DEFAULT_CONFIRMATION_PROFILE,
  },
  {
    key: 'confirmation-short-headers',
    kind: 'confirmation',
    name: 'order, sku, qty, tracking, carrier, ship date',
    description: 'Short lower-case headers: order,sku,qty,tracking,carrier,ship_date, one row per shipped line.',
    profile: {
      delimiter: ',',
      headerRow: true,
      columns: { orderNumber: 'order', sku: 'sku', quantity: 'qty', trackingNumber: 'tracking', carrier: 'carrier', shipDate: 'ship_date' },
      timeZone: 'UTC',
    },
  },
  {
    key: 'confirmation-no-header-semicolon',
    kind: 'confirmation',
    name: 'No header row, semicolons',
    description: 'Columns by position: order number; SKU; quantity; carrier; tracking number; ship date.',
    profile: {
      delimiter: ';',
      headerRow: false,
      columns: { orderNumber: 1, sku: 2, quantity: 3, carrier: 4, trackingNumber: 5, shipDate: 6 },
      timeZone: 'UTC',
    },
  },
  {
    key: 'inventory-standard',
    kind: 'inventory',
    name: 'Standard inventory (SKU, Quantity, Location)',
    description: 'The layout a new Dockhand starts with: headed, comma-separated SKU, Quantity and Location.',
    profile: DEFAULT_INVENTORY_PROFILE,
  },
  {
    key: 'inventory-sku-quantity',
    kind: 'inventory',
    name: 'sku,quantity',
    description: 'Two columns with a header row: sku,quantity.',
    profile: { delimiter: ',', headerRow: true, columns: { sku: 'sku', quantity: 'quantity' } },
  },
  {
    key: 'inventory-semicolon-location',
    kind: 'inventory',
    name: 'sku;on_hand;location',
    description: 'Semicolon-separated with a header row: sku;on_hand;location.',
    profile: { delimiter: ';', headerRow: true, columns: { sku: 'sku', quantity: 'on_hand', location: 'location' } },
  },
];

export function presetByKey(key: string): FormatPreset | undefined {
  return FORMAT_PRESETS.find((p) => p.key === key);
}

/** A preset's profile as its kind's schema reads it today (a fresh copy: presets are never edited). */
export function presetProfile<K extends FormatKind>(preset: FormatPreset<K>): FormatProfiles[K] {
  return FORMAT_PROFILE_SCHEMAS[preset.kind].parse(structuredClone(preset.profile)) as FormatProfiles[K];
}

/** The preset a kind falls back to when nothing is chosen: the layout every install started with. */
export const STANDARD_PRESET_KEY: Record<FormatKind, string> = {
  order: 'order-standard',
  confirmation: 'confirmation-standard',
  inventory: 'inventory-standard',
};

/** Default name of the record a WMS setup's own format becomes (migration 013, a WMS saved with embedded formats). */
export const WAREHOUSE_FORMAT_NAMES: Record<FormatKind, string> = {
  order: 'Warehouse order file',
  confirmation: 'Warehouse confirmation file',
  inventory: 'Warehouse inventory file',
};
