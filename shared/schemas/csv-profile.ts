import { z } from 'zod';

/**
 * CSV file formats, as data: the no-code designer edits these objects; the file code
 * (main/engine/files) reads and writes files from them. One order profile (files we write) and two
 * inbound profiles (shipment confirmations and inventory files we read). A column, outbound or inbound,
 * is a source and a chain of transforms (the registry below). Profiles saved by earlier versions parse
 * unchanged and produce the same files (test/main/engine/files/old-profiles.test.ts).
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

/**
 * The date formats of the first profiles (and of the CSV order source's mapping, shared/platforms/csv.ts).
 * Each is also a valid format of the date transform below, with the same meaning.
 */
export const DATE_FORMATS = ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY', 'YYYYMMDD', 'ISO'] as const;

/**
 * Date format tokens: a format is literal text with these in it ("YYYY-MM-DD HH:mm:ss.SSS",
 * "DD.MM.YYYY", "YYYYMMDDHHmmss"). Everything that is not a token is written and read as it is.
 */
export const DATE_TOKENS = ['YYYY', 'SSS', 'MM', 'DD', 'HH', 'mm', 'ss'] as const;
export type DateToken = (typeof DATE_TOKENS)[number];

/**
 * Whole-value formats with a name:
 * - ISO: ISO 8601. Out: the instant with the zone's offset ("2026-11-27T00:54:44-05:00"; a calendar date
 *   alone stays "2026-11-27"). In: YYYY-MM-DD, optionally with T or a space and HH:mm[:ss[.fraction]], and
 *   an optional Z or offset; a time without one is a wall-clock time in the transform's zone.
 * - UNIX_SECONDS / UNIX_MS: seconds or milliseconds since 1970-01-01 UTC (the zone does not apply).
 * - LEGACY_COMMON: only for inbound files of profiles saved before formats were explicit: what those
 *   profiles read (YYYY-MM-DD, YYYYMMDD, MM/DD/YYYY or DD/MM/YYYY when the first number cannot be a
 *   month, each with an optional time, and ISO 8601). Kept so those installations read their files as
 *   before; a new profile names its format. Written out, it is ISO.
 */
export const DATE_PRESETS = ['ISO', 'UNIX_SECONDS', 'UNIX_MS', 'LEGACY_COMMON'] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

/** Formats a designer offers first (any token string is accepted). */
export const SUGGESTED_DATE_FORMATS = [
  'YYYY-MM-DD',
  'MM/DD/YYYY',
  'DD/MM/YYYY',
  'DD.MM.YYYY',
  'YYYYMMDD',
  'YYYY-MM-DD HH:mm:ss',
  'YYYY-MM-DD HH:mm:ss.SSS',
  'ISO',
  'UNIX_SECONDS',
  'UNIX_MS',
] as const;

export type DateFormatPart = { token: DateToken } | { literal: string };

/** A token format split into tokens and literal text; the longest token wins at each place. */
export function dateFormatParts(format: string): DateFormatPart[] {
  const parts: DateFormatPart[] = [];
  let literal = '';
  for (let i = 0; i < format.length; ) {
    const token = DATE_TOKENS.find((t) => format.startsWith(t, i));
    if (token) {
      if (literal) parts.push({ literal });
      literal = '';
      parts.push({ token });
      i += token.length;
    } else {
      literal += format[i];
      i++;
    }
  }
  if (literal) parts.push({ literal });
  return parts;
}

export function isDatePreset(format: string): format is DatePreset {
  return (DATE_PRESETS as readonly string[]).includes(format);
}

/** A preset, or text with at least one token (each token at most once). */
export const dateFormatSchema = z
  .string()
  .min(1)
  .max(60)
  .refine((format) => {
    if (isDatePreset(format)) return true;
    const tokens = dateFormatParts(format).flatMap((p) => ('token' in p ? [p.token] : []));
    return tokens.length > 0 && new Set(tokens).size === tokens.length;
  }, 'A date format is ISO, UNIX_SECONDS, UNIX_MS or text with the tokens YYYY MM DD HH mm ss SSS, each at most once');

const TIME_ZONE_TEXT = z.string().min(1).max(64);

/**
 * The transforms a column's value passes through, in order. Each has one file in
 * main/engine/files/transforms/. Outbound (order files) a transform turns the stored value into the
 * text of the file; inbound (confirmation and inventory files) it turns the file's text into the value
 * Dockhand stores. Most work the same both ways; where they differ it is said here.
 */
export const transformSchemas = {
  /** The value becomes this text. */
  constant: z.object({ kind: z.literal('constant'), value: z.string().max(1000) }),
  /**
   * Outbound only: the value becomes this order field's; with `onlyWhenEmpty`, only when the value is
   * empty (e.g. the bill-to phone when the ship-to has none).
   */
  field: z.object({ kind: z.literal('field'), field: orderFieldSchema, onlyWhenEmpty: z.boolean().default(false) }),
  /**
   * Outbound only: the value followed by the listed fields, empty ones skipped, with the separator. A list
   * starting with the column's own field does not repeat it.
   */
  join: z.object({ kind: z.literal('join'), fields: z.array(orderFieldSchema).min(1), separator: z.string().max(10) }),
  /** At most `length` characters (whole characters, never half an emoji): WMS field limits. */
  cut: z.object({ kind: z.literal('cut'), length: z.number().int().min(1).max(10_000) }),
  /**
   * Out: padded with `char` on `side` to at least `length` characters ("42" -> "00042"); never cut.
   * In: that character taken off that side ("00042" -> "42").
   */
  pad: z.object({
    kind: z.literal('pad'),
    length: z.number().int().min(1).max(1000),
    char: z.string().length(1).default(' '),
    side: z.enum(['left', 'right']).default('left'),
  }),
  /** Upper or lower case. */
  case: z.object({ kind: z.literal('case'), to: z.enum(['upper', 'lower']) }),
  /** This text when the value is empty. */
  default: z.object({ kind: z.literal('default'), value: z.string().max(1000) }),
  /**
   * A lookup table: a value equal to an entry's `from` (exactly, or ignoring case when `ignoreCase`)
   * becomes its `to`; any other value becomes `fallback`, or stays as it is when there is no fallback.
   */
  map: z.object({
    kind: z.literal('map'),
    entries: z.array(z.object({ from: z.string().max(200), to: z.string().max(1000) })).max(1000),
    ignoreCase: z.boolean().default(false),
    fallback: z.string().max(1000).optional(),
  }),
  /**
   * A decimal number. Out: rounded (half away from zero) to `decimals` when given, written with the
   * decimal separator and thousands separator ("1234.5" -> "1.234,50"). In: read with those separators
   * into plain decimal text ("1.234,50" -> "1234.50"). A value that is not a number is left as it is out,
   * and is a row problem in.
   */
  number: z.object({
    kind: z.literal('number'),
    decimals: z.number().int().min(0).max(10).optional(),
    decimalSeparator: z.enum(['.', ',']).default('.'),
    thousands: z.enum(['', ',', '.', ' ', "'"]).default(''),
  }),
  /** A number with `decimals` (2 unless set) and a currency symbol or code before or after it ("$ 12.50", "12,50 EUR"). */
  money: z.object({
    kind: z.literal('money'),
    decimals: z.number().int().min(0).max(4).default(2),
    decimalSeparator: z.enum(['.', ',']).default('.'),
    thousands: z.enum(['', ',', '.', ' ', "'"]).default(''),
    symbol: z.string().max(5).default(''),
    symbolAt: z.enum(['start', 'end']).default('start'),
  }),
  /**
   * A date in an explicit format (dateFormatSchema) and IANA zone (UTC unless set). Out: a stored instant
   * is written as its wall-clock time in the zone; a calendar date alone ("2026-12-01") is never shifted.
   * In: the text must match the format exactly (never guessed) and is stored as an ISO UTC instant.
   */
  date: z.object({ kind: z.literal('date'), format: dateFormatSchema, timeZone: TIME_ZONE_TEXT.optional() }),
  /** Adds `value` in front (unless the value is empty or already starts with it), or strips it when there. */
  prefix: z.object({ kind: z.literal('prefix'), action: z.enum(['add', 'strip']), value: z.string().min(1).max(20) }),
} as const;

export type TransformKind = keyof typeof transformSchemas;
export const TRANSFORM_KINDS = Object.keys(transformSchemas) as TransformKind[];
/** Transforms that read other order fields, so only an order file's columns can use them. */
export const OUTBOUND_ONLY_TRANSFORMS = ['field', 'join'] as const satisfies readonly TransformKind[];

export const columnTransformSchema = z.discriminatedUnion('kind', [
  transformSchemas.constant,
  transformSchemas.field,
  transformSchemas.join,
  transformSchemas.cut,
  transformSchemas.pad,
  transformSchemas.case,
  transformSchemas.default,
  transformSchemas.map,
  transformSchemas.number,
  transformSchemas.money,
  transformSchemas.date,
  transformSchemas.prefix,
]);
export type ColumnTransform = z.infer<typeof columnTransformSchema>;
export type TransformOf<K extends TransformKind> = Extract<ColumnTransform, { kind: K }>;

/** Whether a date format can read a date back: a preset, or tokens naming the year, month and day. */
export function isReadableDateFormat(format: string): boolean {
  if (isDatePreset(format)) return true;
  const tokens = new Set(dateFormatParts(format).flatMap((p) => ('token' in p ? [p.token] : [])));
  return tokens.has('YYYY') && tokens.has('MM') && tokens.has('DD');
}

/** The transforms an inbound column may use (all but those that read order fields; dates that name a day). */
export const inboundTransformSchema = z.discriminatedUnion('kind', [
  transformSchemas.constant,
  transformSchemas.cut,
  transformSchemas.pad,
  transformSchemas.case,
  transformSchemas.default,
  transformSchemas.map,
  transformSchemas.number,
  transformSchemas.money,
  transformSchemas.date.refine((t) => isReadableDateFormat(t.format), {
    message: 'An inbound date format needs YYYY, MM and DD (or ISO, UNIX_SECONDS, UNIX_MS) to read a day',
    path: ['format'],
  }),
  transformSchemas.prefix,
]);
export type InboundTransform = z.infer<typeof inboundTransformSchema>;

/** A transform chain is at most this long. */
export const MAX_TRANSFORMS = 20;

export const columnSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field'), field: orderFieldSchema }),
  z.object({ kind: z.literal('constant'), value: z.string().max(1000) }),
]);

export const orderColumnSchema = z.object({
  /** Header text; in horizontal layout a line column's header may hold `{n}` for the item slot (1-based). */
  header: z.string().max(200),
  source: columnSourceSchema,
  transforms: z.array(columnTransformSchema).max(MAX_TRANSFORMS).default([]),
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
  /**
   * The spreadsheet formula guard (main/engine/files/writer/formula-guard.ts): a cell that a spreadsheet
   * would run as a formula (=SUM(...), @cmd) gets a leading quote. On unless the WMS never opens the file
   * in a spreadsheet and imports the quote as data. Plain data (+14155550100, -12.50) is never quoted.
   */
  formulaGuard: z.boolean().default(true),
  /** The bytes of the file: UTF-8, UTF-8 with a BOM (Excel shows accents right), or Windows-1252. */
  encoding: z.enum(['utf-8', 'utf-8-bom', 'windows-1252']).default('utf-8'),
  columns: z.array(orderColumnSchema).min(1).max(500),
});
export type OrderFileProfile = z.infer<typeof orderFileProfileSchema>;

/** A column reference in an inbound file: its header text, or its 1-based position when there is no header row. */
export const columnRefSchema = z.union([z.string().min(1).max(200), z.number().int().min(1).max(500)]);
export type ColumnRef = z.infer<typeof columnRefSchema>;

const inboundColumnObjectSchema = z.object({
  /** Where the value comes from: a column of the file, or the same text on every row. */
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('column'), column: columnRefSchema }),
    z.object({ kind: z.literal('constant'), value: z.string().max(1000) }),
  ]),
  transforms: z.array(inboundTransformSchema).max(MAX_TRANSFORMS).default([]),
});
export type InboundColumn = z.infer<typeof inboundColumnObjectSchema>;

/**
 * One value of an inbound row: a source and a transform chain, as an order file's column is. A bare
 * column reference (how profiles were saved before) reads as that column with no transforms.
 */
export const inboundColumnSchema = z.union([
  columnRefSchema.transform((column): InboundColumn => ({ source: { kind: 'column', column }, transforms: [] })),
  inboundColumnObjectSchema,
]);

/** The column an inbound value is read from, if it is read from one. */
export function inboundColumnRef(column: InboundColumn | undefined): ColumnRef | undefined {
  return column?.source.kind === 'column' ? column.source.column : undefined;
}

/**
 * How inbound bytes become text. auto: UTF-8 (a BOM is dropped) unless the bytes are not valid UTF-8,
 * then Windows-1252 (what Excel and most Windows tools write); a UTF-16 BOM is honoured.
 */
export const encodingSchema = z.enum(['auto', 'utf-8', 'windows-1252']);

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
  'shipmentId',
] as const;

export const confirmationFileProfileSchema = z
  .object({
    delimiter: delimiterSchema.default(','),
    headerRow: z.boolean().default(true),
    encoding: encodingSchema.default('auto'),
    /**
     * items: each row is one SKU of a shipment (SKU and quantity columns). packages: each row is one
     * package (tracking number) of an order, which ships every line the order still has to ship.
     */
    rowsAre: z.enum(['items', 'packages']).default('items'),
    /**
     * Which rows make one shipment: those with the same order (and order source) and tracking number, or
     * those with the same value in the shipment id column.
     */
    groupBy: z.enum(['orderAndTracking', 'shipmentId']).default('orderAndTracking'),
    columns: z.object({
      /**
       * Which cart the order number belongs to: the order source Dockhand wrote into the order file, or a
       * store column, echoed back. Tells apart two carts of a merchant that use the same order numbers;
       * without it, a number two carts share is matched by SKU.
       */
      orderSource: inboundColumnSchema.optional(),
      /** Any column (a PO column, a reference with a prefix: strip it with a prefix transform). */
      orderNumber: inboundColumnSchema,
      /** Required when rows are items. */
      sku: inboundColumnSchema.optional(),
      /** Required when rows are items. */
      quantity: inboundColumnSchema.optional(),
      /** Optional: a shipment without a carrier is saved with none. */
      carrier: inboundColumnSchema.optional(),
      service: inboundColumnSchema.optional(),
      /** Optional: a shipment without a tracking number still ships its lines. */
      trackingNumber: inboundColumnSchema.optional(),
      /**
       * Read by the date transform in its chain. A column without one (profiles saved before formats were
       * explicit) reads as `{ kind: 'date', format: 'LEGACY_COMMON', timeZone: <the profile's timeZone> }`.
       */
      shipDate: inboundColumnSchema,
      cost: inboundColumnSchema.optional(),
      weight: inboundColumnSchema.optional(),
      /** Required when shipments are grouped by shipment id. */
      shipmentId: inboundColumnSchema.optional(),
    }),
    /** The zone of a ship date column without a date transform (see shipDate). */
    timeZone: z.string().default('UTC'),
  })
  .superRefine((profile, ctx) => {
    if (profile.rowsAre === 'items') {
      for (const key of ['sku', 'quantity'] as const) {
        if (!profile.columns[key]) ctx.addIssue({ code: 'custom', path: ['columns', key], message: `A confirmation file of item rows needs a ${key === 'sku' ? 'SKU' : 'quantity'} column` });
      }
    }
    if (profile.groupBy === 'shipmentId' && !profile.columns.shipmentId) {
      ctx.addIssue({ code: 'custom', path: ['columns', 'shipmentId'], message: 'Grouping by shipment id needs a shipment id column' });
    }
  });
export type ConfirmationFileProfile = z.infer<typeof confirmationFileProfileSchema>;

export const inventoryFileProfileSchema = z.object({
  delimiter: delimiterSchema.default(','),
  headerRow: z.boolean().default(true),
  encoding: encodingSchema.default('auto'),
  columns: z.object({
    sku: inboundColumnSchema,
    quantity: inboundColumnSchema,
    location: inboundColumnSchema.optional(),
  }),
});
export type InventoryFileProfile = z.infer<typeof inventoryFileProfileSchema>;
