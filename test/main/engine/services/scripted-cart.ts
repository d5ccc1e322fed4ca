import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { OrderStatus } from '../../../../shared/domain.js';
import type { CartConnector, CartContext, CartManifest, CartPlugin } from '../../../../main/engine/connectors/carts/cart-connector.js';
import { createConnectorSource } from '../../../../main/engine/connector-source.js';
import type { Logger, SecretCipher } from '../../../../main/engine/platform/ports.js';
import { systemClock } from '../../../../main/engine/platform/ports.js';
import { sealBound } from '../../../../main/engine/saved-secret.js';
import { executeRun } from '../../../../main/engine/services/execute-run.js';
import type { ServiceDeps } from '../../../../main/engine/services/run-context.js';
import { openStore, type OpenedStore } from '../../../../main/engine/store/index.js';
import { migrations } from '../../../../main/engine/store/migrations/index.js';
import { insertCart } from '../../../../main/engine/store/repositories/carts-repo.js';
import { insertMerchant } from '../../../../main/engine/store/repositories/merchants-repo.js';
import { insertOrder } from '../../../../main/engine/store/repositories/orders-repo.js';
import { insertShipmentOnce } from '../../../../main/engine/store/repositories/shipments-repo.js';
import { openKeyFileCipher } from '../../../../main/host/secret-cipher.js';
import { sampleOrder } from '../csv/sample-orders.js';

/**
 * A cart platform whose connector the test writes (not a test file itself): the engine builds it from
 * a saved cart through the real connector source (secrets, ports), and services run through
 * executeRun, as the scheduler runs them.
 */
export const scriptedSettingsSchema = z.object({ shop: z.string() });
export const scriptedCredentialsSchema = z.object({ accessToken: z.string(), refreshToken: z.string() });
export type ScriptedSettings = z.infer<typeof scriptedSettingsSchema>;
export type ScriptedCredentials = z.infer<typeof scriptedCredentialsSchema>;

/** Every entry logged, unredacted, so a test can prove a secret never reached the logger at all. */
export function rawLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const make = (bound: Record<string, unknown>): Logger => ({
    log: (level, message, fields) => void lines.push(JSON.stringify({ level, message, ...bound, ...fields })),
    child: (fields) => make({ ...bound, ...fields }),
  });
  return Object.assign(make({}), { lines });
}

export interface ScriptedWorld {
  store: OpenedStore;
  cipher: SecretCipher;
  log: ReturnType<typeof rawLogger>;
  deps: ServiceDeps;
  merchantId: number;
  cartId: number;
  /** Every connector built, with the context and credentials it got. */
  built: { ctx: CartContext; settings: ScriptedSettings; credentials: ScriptedCredentials }[];
  run(service: 'order_download' | 'shipment_upload'): ReturnType<typeof executeRun>;
  /** An order of the cart at `status`, with `lines` lines; returns its id. */
  addOrder(number: number, status: OrderStatus, lines?: number): Promise<number>;
  /** A pending shipment of an order: its tracking number and the lines (1-based) it carries. */
  addShipment(orderId: number, trackingNumber: string, lines: number[]): Promise<void>;
  close(): Promise<void>;
}

export async function scriptedWorld(options: {
  connector: (ctx: CartContext, credentials: ScriptedCredentials) => CartConnector;
  capabilities?: CartManifest['capabilities'];
  credentials?: ScriptedCredentials;
}): Promise<ScriptedWorld> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dockhand-scripted-'));
  const store = await openStore({ dir, migrations });
  const cipher = openKeyFileCipher(dir);
  const log = rawLogger();
  const built: ScriptedWorld['built'] = [];
  const plugin: CartPlugin<ScriptedSettings, ScriptedCredentials> = {
    manifest: { platform: 'scripted', displayName: 'Scripted cart', capabilities: options.capabilities ?? { shipments: true, inventory: false } },
    settingsSchema: scriptedSettingsSchema,
    credentialsSchema: scriptedCredentialsSchema,
    create(ctx, settings, credentials) {
      built.push({ ctx, settings, credentials });
      return options.connector(ctx, credentials);
    },
    secretAddress: (settings) => `https://${settings.shop}`,
  };
  const now = new Date().toISOString();
  const credentials = options.credentials ?? { accessToken: 'at-1', refreshToken: 'rt-1' };
  const { merchantId, cartId } = await store.write((db) => {
    const merchantId = insertMerchant(db, { name: 'Acme', code: 'ACME', folders: null, errorContacts: [] }, now);
    const cartId = insertCart(
      db,
      {
        merchantId,
        platform: 'scripted',
        name: 'Acme market',
        orderSource: 'market',
        settings: { shop: 'acme.example' },
        credentialsSealed: sealBound(cipher, credentials, 'https://acme.example'),
        earliestOrderDate: '2026-01-01T00:00:00.000Z',
        rejectUnmapped: false,
        minInventoryLevel: 0,
      },
      now,
    );
    return { merchantId, cartId };
  });
  const deps: ServiceDeps = {
    store,
    clock: systemClock,
    log,
    connectors: createConnectorSource({ store, clock: systemClock, log, secrets: cipher, plugins: (p) => (p === 'scripted' ? plugin : undefined) }),
    emit: () => {},
  };
  return {
    store,
    cipher,
    log,
    deps,
    merchantId,
    cartId,
    built,
    run: (service) => executeRun(deps, service, cartId, 'test', new AbortController().signal),
    addOrder: (number, status, lines = 2) =>
      store.write((db) => {
        const order = sampleOrder({ cartOrderId: `market-order-${number}`, orderNumber: `M${number}` }, lines);
        order.lines = order.lines.map((l) => ({ ...l, cartLineId: `market-line-${number}-${l.lineNo}` }));
        return insertOrder(db, { cartId, merchantId, order, status, reason: null, mappedShipCode: order.shipCode }, now);
      }),
    addShipment: (orderId, trackingNumber, lines) =>
      store.write((db) => {
        const number = db.get<{ order_number: string }>('SELECT order_number FROM orders WHERE id = ?', [orderId])!.order_number.slice(1);
        insertShipmentOnce(
          db,
          {
            orderId,
            cartId,
            trackingNumber,
            carrier: 'UPS',
            service: 'Ground',
            trackingUrl: null,
            shipDate: '2026-11-28',
            items: lines.map((n) => ({ sku: `SKU-${n}`, quantity: 1, cartLineId: `market-line-${number}-${n}` })),
            sourceFile: 'ship.csv',
          },
          now,
        );
      }),
    async close() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
