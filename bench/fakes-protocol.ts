/**
 * Messages between the benchmark (parent) and its fakes process (bench/fakes-process.ts), which hosts
 * the fake Shopify shops and the FTP server. They live in their own process so that neither their CPU
 * time nor their memory is counted as Dockhand's (host loop delay, RSS).
 */

export interface ShopSpec {
  orders: number;
  /** Points per second; huge for the "not throttling" phase, 100 for Shopify's standard limits. */
  restoreRate: number;
  /** Bucket size; Shopify's standard bucket is 2000. */
  maximumAvailable: number;
  seed?: number;
}

export interface ShopInfo {
  url: string;
  shopDomain: string;
  token: string;
}

export interface FtpInfo {
  port: number;
  user: string;
  password: string;
  root: string;
}

export interface BucketReading {
  atMs: number;
  available: number;
  restoreRate: number;
  maximumAvailable: number;
}

export interface ShopStats {
  requests: number;
  graphqlRequests: number;
  throttled: number;
  pointsSpent: number;
  /** Orders that hold at least one fulfillment. */
  fulfilledOrders: number;
  fulfillments: number;
}

export interface BudgetWindow {
  /** Points the fake charged (actual cost) for queries executed inside the window. */
  spent: number;
  /** spent / (restoreRate x seconds): the fake's own figure, which counts the bucket's starting balance too. */
  rawPct: number;
}

export type FakesRequest =
  | { id: number; cmd: 'startShop'; name: string; spec: ShopSpec }
  | { id: number; cmd: 'startFtp'; root: string }
  | { id: number; cmd: 'bucket'; name: string }
  | { id: number; cmd: 'stats'; name: string; countFulfillments: boolean }
  | { id: number; cmd: 'budget'; name: string; startMs: number; endMs: number }
  | { id: number; cmd: 'writeConfirmations'; ordersDir: string; confirmationsDir: string }
  | { id: number; cmd: 'memory' }
  | { id: number; cmd: 'cpu' }
  | { id: number; cmd: 'close' };

export type FakesResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export interface ConfirmationsWritten {
  orderFiles: number;
  orders: number;
  rows: number;
  fileName: string;
}
