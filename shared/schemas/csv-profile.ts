import { z } from 'zod';

/**
 * CSV file formats, as data: the no-code designer (a later issue) edits these objects; the CSV WMS
 * connector reads and writes files from them. One order profile (files we write) and two inbound
 * profiles (shipment confirmations and inventory files we read).
 */

/** The fields of an Address (shared/domain.ts), in file order. */
export const ADDRESS_FIELDS = [
  'firstName',
  'lastName',
  'company',
  'address1',
  'address2',
  'address3',
  'city',
  'state',
  'zip',
  'country',
  'phone',
  'email',
] as const;

/** Order-level fields an order-file column can carry (PRODUCT.md canonical names in comments). */
export const ORDER_FIELDS = [
  'batchId',
  'merchantCode',
  'orderSource',
  'orderNumber', // cust_ref
  'poNumber', // cust_po_no
  'orderDate',
  'shipCode', // mapped WMS code (the received one is shipCodeReceived)
  'shipCodeReceived',
  'carrier',
  'currency',
  'subtotal',
  'discount',
  'tax',
  'shipping',
  'total',
  'giftMessage',
  'shippingInstructions',
  'requestedShipDate',
  'customField1',
  'customField2',
  'customField3',
  'customField4',
  'customField5',
  ...(['shipTo', 'billTo'] as const).flatMap((who) => ADDRESS_FIELDS.map((f) => `${who}.${f}` as const)),
] as const;

/** Line-level fields: a column with one of these repeats per line (vertical) or per item slot (horizontal). */
export const LINE_FIELDS = [
  'line.lineNo',
  'line.sku',
  'line.name',
  'line.quantity', // the quantity to ship
  'line.orderedQuantity', // as ordered, for reference (the cart may have fulfilled part of it)
  'line.price',
  'line.discount',
  'line.cartLineId',
  'line.comment',
  'line.lot',
] as const;

export const orderFieldSchema = z.enum([...ORDER_FIELDS, ...LINE_FIELDS] as [string, ...string[]]);
export type OrderFieldName = (typeof ORDER_FIELDS)[number] | (typeof LINE_FIELDS)[number];

export const DATE_FORMATS = ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY', 'YYYYMMDD', 'ISO'] as const;

export const columnTransformSchema = z.discriminatedUnion('kind', [
  /** Render a date field in this format, in the given IANA zone (default UTC). */
  z.object({ kind: z.literal('date'), format: z.enum(DATE_FORMATS), timeZone: z.string().optional() }),
  /** Cut to at most `length` characters (WMS field limits, e.g. 35-character address lines). */
  z.object({ kind: z.literal('cut'), length: z.number().int().min(1).max(10_000) }),
  /** Join several fields with a separator (e.g. first and last name into one column). */
  z.object({ kind: z.literal('join'), fields: z.array(orderFieldSchema).min(1), separator: z.string().max(10) }),
]);
export type ColumnTransform = z.infer<typeof columnTransformSchema>;

export const columnSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field'), field: orderFieldSchema }),
  z.object({ kind: z.literal('constant'), value: z.string().max(1000) }),
]);

export const orderColumnSchema = z.object({
  /** Header text; in horizontal layout a line column's header may hold `{n}` for the item slot (1-based). */
  header: z.string().max(200),
  source: columnSourceSchema,
  transforms: z.array(columnTransformSchema).max(5).default([]),
});
export type OrderColumn = z.infer<typeof orderColumnSchema>;

export const delimiterSchema = z.enum([',', ';', '\t', '|']);

export const orderFileProfileSchema = z.object({
  name: z.string().min(1).max(100),
  delimiter: delimiterSchema.default(','),
  headerRow: z.boolean().default(true),
  /** vertical: one line item per row, order header repeated; horizontal: item columns repeat on one row. */
  layout: z.enum(['vertical', 'horizontal']).default('vertical'),
  /** Horizontal layout: how many item slots a row has; an order with more lines is held with a reason. */
  maxItemsPerRow: z.number().int().min(1).max(100).default(10),
  lineEnding: z.enum(['crlf', 'lf']).default('crlf'),
  columns: z.array(orderColumnSchema).min(1).max(500),
});
export type OrderFileProfile = z.infer<typeof orderFileProfileSchema>;

/** A column reference in an inbound file: its header text, or its 1-based position when there is no header row. */
export const columnRefSchema = z.union([z.string().min(1).max(200), z.number().int().min(1).max(500)]);

export const CONFIRMATION_FIELDS = [
  'orderSource',
  'orderNumber',
  'sku',
  'quantity',
  'carrier',
  'service',
  'trackingNumber',
  'shipDate',
  'cost',
  'weight',
] as const;

export const confirmationFileProfileSchema = z.object({
  delimiter: delimiterSchema.default(','),
  headerRow: z.boolean().default(true),
  columns: z.object({
    /**
     * The order source Dockhand wrote into the order file, echoed back: it names the cart when two carts
     * of a merchant use the same order numbers. Optional; a file without the column is matched by SKU.
     */
    orderSource: columnRefSchema.optional(),
    orderNumber: columnRefSchema,
    sku: columnRefSchema,
    quantity: columnRefSchema,
    carrier: columnRefSchema,
    service: columnRefSchema.optional(),
    trackingNumber: columnRefSchema,
    shipDate: columnRefSchema,
    cost: columnRefSchema.optional(),
    weight: columnRefSchema.optional(),
  }),
  /** How ship dates in the file read when they carry no zone: parsed in this IANA zone. */
  timeZone: z.string().default('UTC'),
});
export type ConfirmationFileProfile = z.infer<typeof confirmationFileProfileSchema>;

export const inventoryFileProfileSchema = z.object({
  delimiter: delimiterSchema.default(','),
  headerRow: z.boolean().default(true),
  columns: z.object({
    sku: columnRefSchema,
    quantity: columnRefSchema,
    location: columnRefSchema.optional(),
  }),
});
export type InventoryFileProfile = z.infer<typeof inventoryFileProfileSchema>;
