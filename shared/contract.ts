import { z } from 'zod';
import type * as Api from './api-types.js';
import { HEALTH_BUCKETS, ORDER_STATUSES, PARTIAL_SHIPMENT_MODES, SERVICE_NAMES } from './domain.js';
import { FREQUENCY_RANGE, frequencySchema } from './frequency.js';
import { CART_PLATFORMS, type CartCapabilities } from './platforms/index.js';
import { wmsSecretsSchema, wmsSettingsSchema } from './schemas/wms.js';
import { mailInputSchema } from './schemas/mail.js';
import { orderSortSchema } from './order-sort.js';
import { refuseUnknownKeys } from './unknown-keys.js';
import { formatIdsSchema, formatKindSchema, formatNameSchema, formatSaveSchema } from './schemas/file-format.js';
import { confirmationFileProfileSchema, inventoryFileProfileSchema, orderFileProfileSchema } from './schemas/csv-profile.js';

/**
 * The one contract between the screens and the engine: method name -> input schema (zod) and output
 * type. The engine's dispatcher validates every input with these schemas; the screens validate their
 * forms with the same ones; the HTTP host lists them as JSON Schema at GET /api.
 */

interface MethodDef<I extends z.ZodType, O> {
  input: I;
  description: string;
  /** Phantom: carries the output type for the typed client. */
  output?: O;
}

/** Every method's input refuses keys it does not know, at any depth (shared/unknown-keys.ts). */
function method<O>() {
  return <I extends z.ZodType>(input: I, description: string): MethodDef<I, O> => ({ input: refuseUnknownKeys(input), description });
}

const id = z.number().int().positive();
const byId = z.object({ id });
/** A sample file for the format designer, base64: at most 2 MB of file (4 base64 characters per 3 bytes). */
const sampleFileSchema = z.string().min(1, 'Choose a sample file').max(2_800_000, 'A sample file is at most 2 MB');
const empty = z.object({}).strict();
/**
 * The first day orders are downloaded from. A day in the future downloads nothing until then, which
 * looks like a broken connection: refused. A day of slack for a person east of UTC whose today is ours tomorrow.
 */
const earliestOrderDate = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'Enter a date as YYYY-MM-DD, such as 2025-01-31' })
  .refine((value) => Date.parse(value) <= Date.now() + 24 * 3_600_000, 'The earliest order date is in the future: choose today or an earlier day');
const paging = {
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
};

const merchantCode = z
  .string()
  .trim()
  .min(1, 'Enter a code')
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'Use letters, digits, - and _ only (it names the merchant\'s folders)');

const merchantFolders = z
  .object({
    orders: z.string().max(500).optional(),
    confirmations: z.string().max(500).optional(),
    inventory: z.string().max(500).optional(),
  })
  .nullable()
  .default(null);

export const merchantSchedulesSchema = z.object({
  order_delivery: frequencySchema('order_delivery').default(15),
  shipment_pickup: frequencySchema('shipment_pickup').default(30),
  inventory_pickup: frequencySchema('inventory_pickup').default(60),
});

export const merchantInputSchema = z.object({
  name: z.string().trim().min(1, 'Enter the merchant name').max(100),
  code: merchantCode,
  folders: merchantFolders,
  errorContacts: z.array(z.email('Enter a valid e-mail address')).max(20).default([]),
  schedules: merchantSchedulesSchema.default({ order_delivery: 15, shipment_pickup: 30, inventory_pickup: 60 }),
  /** Send each shipment as it comes (default, see PARTIAL_SHIPMENT_MODES) or wait until the whole order has shipped. */
  partialShipments: z.enum(PARTIAL_SHIPMENT_MODES).default('as_shipped'),
  /** Saved file formats this merchant's files use instead of the warehouse's (a kind left out: the warehouse's). Omitted: as saved (none for a new merchant). */
  fileFormats: formatIdsSchema.optional(),
});

export const cartSchedulesSchema = z.object({
  order_download: frequencySchema('order_download').default(15),
  shipment_upload: frequencySchema('shipment_upload').default(30),
  inventory_upload: frequencySchema('inventory_upload').default(60),
});

const cartCommon = {
  merchantId: id,
  name: z.string().trim().min(1, 'Enter a display name').max(100),
  /** The "order source" value sent to the WMS; defaults to the display name. */
  orderSource: z.string().trim().max(50).optional(),
  earliestOrderDate: earliestOrderDate,
  /** Hold orders whose ship code has no mapping. Omitted: on for a new cart, as saved for an existing one. */
  rejectUnmappedShipCodes: z.boolean().optional(),
  minInventoryLevel: z.number().int().min(0).max(1_000_000).default(0),
  /**
   * The cart's own names for the warehouse's carriers, over the platform's defaults: keyed by carrier
   * code ("FDX") or the text as the warehouse writes it. Omitted: as saved (none for a new cart).
   */
  carrierNames: z
    .record(
      z.string().trim().min(1, 'Enter the carrier as the warehouse writes it').max(60, 'Keep the carrier under 60 characters'),
      z.string().trim().max(100, 'Keep the name under 100 characters'),
    )
    .refine((names) => Object.keys(names).length <= 100, 'Name at most 100 carriers')
    .optional(),
  schedules: cartSchedulesSchema.default({ order_download: 15, shipment_upload: 30, inventory_upload: 60 }),
};

/** One platform's branch of the cart input: its own settings and credentials under the common fields. */
function cartBranch<P extends string, S extends z.ZodType, C extends z.ZodType>(platform: { platform: P; settingsSchema: S; credentialsSchema: C }) {
  return z.object({ ...cartCommon, platform: z.literal(platform.platform), settings: platform.settingsSchema, credentials: platform.credentialsSchema.optional() });
}
type CartBranches<T extends readonly { platform: string; settingsSchema: z.ZodType; credentialsSchema: z.ZodType }[]> = {
  -readonly [K in keyof T]: ReturnType<typeof cartBranch<T[K]['platform'], T[K]['settingsSchema'], T[K]['credentialsSchema']>>;
};

/**
 * A cart connection's input: one branch per platform of shared/platforms (adding a platform there adds
 * its branch). Credentials omitted on update keep the saved ones.
 */
export const cartInputSchema = z.discriminatedUnion('platform', CART_PLATFORMS.map((p: (typeof CART_PLATFORMS)[number]) => cartBranch<string, z.ZodType, z.ZodType>(p)) as unknown as CartBranches<typeof CART_PLATFORMS>);
export type CartInput = z.infer<typeof cartInputSchema>;

export const wmsInputSchema = z.object({
  settings: wmsSettingsSchema,
  /** Omit the password to keep the saved one. */
  secrets: wmsSecretsSchema.default({}),
});

const serviceName = z.enum(SERVICE_NAMES);
const jobRef = z.object({ service: serviceName, targetId: id });

export const contract = {
  'account.get': method<Api.AccountView>()(empty, 'Whether the account is set up, and its mode.'),
  'account.setup': method<Api.AccountView>()(
    z.object({ mode: z.enum(['fulfillment', 'single_merchant']) }),
    'Choose fulfillment center (many merchants) or single merchant.',
  ),

  'merchants.list': method<Api.MerchantView[]>()(empty, 'Every merchant, by name.'),
  'merchants.get': method<Api.MerchantView>()(byId, 'One merchant.'),
  'merchants.create': method<Api.MerchantView>()(merchantInputSchema, 'Add a merchant with its WMS schedules.'),
  'merchants.update': method<Api.MerchantView>()(
    z.object({ id, merchant: merchantInputSchema }),
    'Change a merchant (all fields).',
  ),
  'merchants.delete': method<{ deleted: true }>()(
    z.object({ id, confirmName: z.string() }),
    'Delete a merchant, its cart connections and their orders. confirmName must repeat the merchant name.',
  ),

  'carts.platforms': method<{ platform: string; displayName: string; blurb: string; capabilities: CartCapabilities; oauth?: Api.CartPlatformOAuthView }[]>()(
    empty,
    'The cart platforms Dockhand can connect to, with what each supports.',
  ),
  'carts.list': method<Api.CartView[]>()(z.object({ merchantId: id.optional() }), 'Cart connections, of one merchant or all.'),
  'carts.get': method<Api.CartView>()(byId, 'One cart connection.'),
  'carts.create': method<Api.CartView>()(cartInputSchema, 'Connect a cart to a merchant.'),
  'carts.update': method<Api.CartView>()(z.object({ id, cart: cartInputSchema }), 'Change a cart connection.'),
  'carts.delete': method<{ deleted: true }>()(byId, 'Remove a cart connection (its orders are kept).'),
  'carts.test': method<Api.TestResultView>()(
    z.union([z.object({ id, cart: cartInputSchema.optional() }), z.object({ cart: cartInputSchema })]),
    'Test a saved cart connection, or unsaved settings (with id: over the saved credentials), and say what is wrong.',
  ),
  'carts.setCursor': method<Api.CartView>()(
    z.object({ id, cursor: z.string().max(10_000).nullable() }),
    'Diagnostics: set the download sync position (null restarts from the earliest order date).',
  ),

  'wms.get': method<Api.WmsView>()(empty, 'The account\'s WMS setup (password never returned).'),
  'wms.save': method<Api.WmsView>()(wmsInputSchema, 'Save the WMS setup.'),
  'wms.test': method<Api.TestResultView>()(
    z.object({ wms: wmsInputSchema.optional() }),
    'Test the saved WMS setup, or unsaved settings: connect, log in, check the folders.',
  ),

  'shipMethods.list': method<Api.ShipMethod[]>()(empty, 'The WMS ship methods.'),
  'shipMethods.save': method<Api.ShipMethod[]>()(
    z.object({
      methods: z
        .array(
          z.object({
            code: z.string().trim().min(1).max(50),
            description: z.string().trim().max(200).default(''),
            carrier: z.string().trim().max(50).default(''),
          }),
        )
        .max(2000),
    }),
    'Replace the WMS ship method list.',
  ),
  'shipMethods.mappings': method<Api.ShipCodeMappingView[]>()(
    z.object({ cartId: id.optional() }),
    'Every ship code seen from the carts, its mapped WMS code and how many orders it holds.',
  ),
  'shipMethods.map': method<Api.ShipCodeMappingView>()(
    z.object({ cartId: id, cartCode: z.string().max(200), wmsCode: z.string().max(50).nullable() }),
    'Map a cart ship code to a WMS ship method (null unmaps). Held orders are not released automatically.',
  ),

  'schedules.list': method<Api.JobView[]>()(empty, 'Every scheduled job with its frequency, state and next run.'),
  'schedules.set': method<Api.JobView>()(
    jobRef.extend({ minutes: z.number().int().nullable() }),
    `Set one job's frequency in minutes, or null for off. Allowed: ${Object.entries(FREQUENCY_RANGE)
      .map(([s, r]) => `${s} ${r.min}-${r.max}`)
      .join(', ')}.`,
  ),
  'services.runNow': method<Api.RunView>()(jobRef, 'Run one service for one target now and return its run.'),
  'services.pause': method<{ paused: number }>()(jobRef.partial(), 'Pause one job, or all when no job is given.'),
  'services.resume': method<{ resumed: number }>()(jobRef.partial(), 'Resume one job, or all.'),

  'runs.list': method<Api.Page<Api.RunView>>()(
    z.object({
      service: serviceName.optional(),
      /** Cart ids and merchant ids are separate sequences: with targetId, kind says which one is meant. */
      kind: z.enum(['cart', 'merchant']).optional(),
      targetId: id.optional(),
      ...paging,
    }),
    'Service runs, newest first; by service, by kind of target (cart or merchant services) and target id.',
  ),
  'runs.get': method<Api.RunView>()(byId, 'One run.'),

  'orders.list': method<Api.Page<Api.OrderSummaryView>>()(
    z.object({
      merchantId: id.optional(),
      cartId: id.optional(),
      status: z.enum(ORDER_STATUSES).optional(),
      /** The statuses of one dashboard bucket (with status too, both apply). */
      bucket: z.enum(HEALTH_BUCKETS).optional(),
      /** Exact match on the ship code as received from the cart (not trimmed: codes are compared as sent). */
      shipCode: z.string().max(200).optional(),
      search: z.string().trim().max(200).optional(),
      ...paging,
      /** One column and a direction, "field:dir" (shared/order-sort.ts); newest first when absent. */
      sort: orderSortSchema.optional(),
    }),
    'Orders, newest first or sorted by date, number, merchant, store, status or total ("field:asc" or "field:desc"), filtered by merchant, cart, status, health bucket or exact ship code, and searched by number, name or SKU.',
  ),
  'orders.get': method<Api.OrderDetailView>()(byId, 'One order with lines, shipments and history.'),
  'orders.release': method<Api.OrderDetailView>()(byId, 'Release a held or failed order for delivery (mapping checked again).'),
  'orders.hold': method<Api.OrderDetailView>()(
    z.object({ id, reason: z.string().trim().min(1).max(500) }),
    'Put an order on hold so it is not delivered.',
  ),
  'orders.resend': method<Api.OrderDetailView>()(byId, 'Send an order to the WMS again in the next delivery.'),
  'orders.cancel': method<Api.OrderDetailView>()(byId, 'Cancel an order in Dockhand (it will not be delivered).'),
  'orders.cancelRest': method<Api.OrderDetailView>()(
    byId,
    'Stop waiting for what the warehouse has not shipped of a partially shipped order: it counts as shipped, and is confirmed once its shipments are uploaded (the cart is not changed).',
  ),

  'alerts.list': method<Api.AlertView[]>()(empty, 'Open alerts, newest first.'),
  'alerts.dismiss': method<{ dismissed: true }>()(byId, 'Dismiss an alert.'),

  'dashboard.summary': method<Api.DashboardView>()(empty, 'Health per merchant and cart; order counts by bucket.'),
  'dashboard.charts': method<Api.DashboardChartsView>()(
    z.object({ days: z.number().int().min(7).max(90).default(30), merchantId: id.optional() }),
    'Orders per day per merchant, time from order to shipped, and what waited for whom at the end of each day.',
  ),

  'diagnostics.store': method<Api.StoreDiagnosticsView>()(
    z.object({ includeSamples: z.boolean().default(false) }),
    'Database size and commit timings (what making each write durable costs).',
  ),

  'demo.setup': method<{ merchantId: number; cartId: number }>()(
    z.object({ folder: z.string().max(1000).optional() }),
    'Try with demo data: a merchant, the Demo store, a local-folder WMS and schedules.',
  ),

  'setup.progress': method<Api.SetupProgressView>()(empty, 'The "Set up myself" checklist: which steps are done, and whether the Dashboard shows it.'),
  'setup.begin': method<Api.SetupProgressView>()(empty, '"Set up myself": the Dashboard shows the checklist until it is done or dismissed.'),
  'setup.dismiss': method<Api.SetupProgressView>()(empty, 'Hide the checklist for good.'),

  'mail.get': method<Api.MailView>()(empty, 'The outgoing mail (SMTP) setting for e-mail alerts (password never returned).'),
  'mail.save': method<Api.MailView>()(mailInputSchema, 'Save the outgoing mail (SMTP) setting.'),
  'mail.test': method<Api.TestResultView>()(
    z.object({
      to: z.string().trim().min(1, 'Enter the address to send the test message to').pipe(z.email('Enter an e-mail address, such as you@example.com')),
      mail: mailInputSchema.optional(),
    }),
    'Send a test message through the saved setting, or unsaved settings (over the saved password), and say what the server answered.',
  ),
  'mail.status': method<Api.MailStatusView>()(empty, 'E-mail alerts: each open alert\'s mail state and every digest still trying to go out.'),
  'mail.remove': method<Api.MailView>()(empty, 'Turn e-mail alerts off: forget the mail setting and its password; nothing queued is sent.'),
  'formats.list': method<Api.FileFormatSummary[]>()(
    z.object({ kind: formatKindSchema.optional() }),
    'Saved file formats (order, confirmation and inventory files), by kind and name, with who uses each (the WMS setup, merchants).',
  ),
  'formats.get': method<Api.FileFormatView>()(byId, 'One saved file format with its profile.'),
  'formats.save': method<Api.FileFormatView>()(
    formatSaveSchema,
    'Create (no id) or change a saved file format; the profile is checked with its kind\'s schema. Names are unique per kind.',
  ),
  'formats.copy': method<Api.FileFormatView>()(
    z.object({
      from: z.union([z.object({ formatId: id }), z.object({ preset: z.string().min(1).max(100) })]),
      name: formatNameSchema.optional(),
    }),
    'Copy a saved format or a preset into a new saved format (a taken name gets " (2)").',
  ),
  'formats.delete': method<{ deleted: true }>()(byId, 'Delete a saved file format; refused while the WMS setup or a merchant uses it.'),
  'formats.export': method<Api.FormatsExportView>()(
    z.object({ id: id.optional() }),
    'The JSON text of one saved format (id) or all of them, with a version field, for formats.import.',
  ),
  'formats.import': method<Api.FormatsImportView>()(
    z.object({ text: z.string().min(1, 'Choose a formats file').max(10_000_000, 'A formats file is at most 10 MB') }),
    'Import the formats of an export: all of them or, when any is refused, none (each refusal with why). Taken names get " (2)".',
  ),
  'formats.presets': method<Api.FormatPresetView[]>()(
    z.object({ kind: formatKindSchema.optional() }),
    'The read-only presets for common layouts; copy one with formats.copy before choosing it.',
  ),
  'files.list': method<Api.Page<Api.KeptFileView>>()(
    z.object({
      merchantId: id.optional(),
      direction: z.enum(['sent', 'received']).optional(),
      kind: z.enum(['order', 'confirmation', 'inventory', 'order_source']).optional(),
      from: z.iso.datetime({ offset: true }).optional(),
      to: z.iso.datetime({ offset: true }).optional(),
      text: z.string().trim().max(200).optional(),
      ...paging,
    }),
    'Files sent to or picked up from the warehouse (and order-source files read) in the last 30 days, newest first, filtered by merchant, direction, kind, time (from inclusive, to exclusive) and text in the name.',
  ),
  'files.get': method<Api.KeptFileDetailView>()(byId, 'One kept file: what it was, its rows and errors, and its first bad lines.'),
  'files.content': method<Api.KeptFileContentView>()(
    byId,
    'A kept file\'s text for viewing or download: the first 1 MB (truncated says when there is more); a file that is not text is refused in words.',
  ),
  'formats.preview': method<Api.FormatPreviewView>()(
    // A plain union, as formats.save's: an input without a kind still has its unknown keys named.
    z.union([
      z.object({ kind: z.literal('order'), profile: orderFileProfileSchema, orders: z.number().int().min(1).max(20).default(5) }),
      /** The sample file's bytes, base64 (at most 2 MB of file). */
      z.object({ kind: z.literal('confirmation'), profile: confirmationFileProfileSchema, sample: sampleFileSchema }),
      z.object({ kind: z.literal('inventory'), profile: inventoryFileProfileSchema, sample: sampleFileSchema }),
    ]),
    'A draft format tried out: the order file the latest orders would make with it, or a sample inbound file read with it (rows and problems by line).',
  ),
  'formats.sniff': method<Api.FormatSampleView>()(
    z.object({ sample: sampleFileSchema }),
    'A sample file\'s layout (delimiter, header row, encoding) and its columns with sample values, to start a format from.',
  ),
  'consent.start': method<Api.ConsentStatusView>()(
    z.object({ cartId: id, share: z.boolean().default(false) }),
    'Connect (or reconnect) a saved cart whose platform grants access on a consent page: the consent URL to open (Dockhand listens for the answer where the redirect is a loopback address), or, with share, a setup link for the merchant that waits 7 days.',
  ),
  'consent.complete': method<Api.ConsentStatusView>()(
    z.object({ cartId: id, landing: z.string().max(20_000, 'Paste only the address from the browser\'s address bar') }),
    'Finish a consent with the address the browser landed on after granting access (or its code): the code is exchanged and the grant saved with the cart\'s credentials.',
  ),
  'consent.status': method<Api.ConsentStatusView>()(
    z.object({ cartId: id }),
    'Whether a consent cart is connected, needs reconnecting, and how its consent flow stands (pending, connected, failed with the reason).',
  ),
  'consent.cancel': method<Api.ConsentStatusView>()(z.object({ cartId: id }), 'Stop waiting for a cart\'s consent (a setup link sent stops working); saved credentials stay.'),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = NonNullable<Contract[M]['output']>;
