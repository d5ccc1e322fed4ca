import type { RunView } from '../../../shared/api-types.js';
import type { ServiceName } from '../../../shared/domain.js';
import type { CartPlatform } from '../../../shared/platforms/cart-platform.js';
import type { EngineEvent } from '../engine-api.js';
import type { CartConnector, CartManifest } from '../connectors/carts/cart-connector.js';
import type { WmsConnector, WmsMerchantTarget } from '../connectors/wms/wms-connector.js';
import type { Clock, Logger } from '../platform/ports.js';
import type { FileKeeper } from '../kept-files/file-keeper.js';
import type { CartRow } from '../store/repositories/carts-repo.js';
import type { Store } from '../store/sql.js';

/**
 * How the services reach connectors: built from saved settings, secrets decrypted only here. The
 * connector's CartContext carries the cart's ports (other streams' sync positions, rotated
 * credentials) backed by the store; a row with id 0 (a Test of settings not saved) gets them in memory.
 */
export interface ConnectorSource {
  cart(cart: CartRow, hooks: { signal: AbortSignal; onThrottle?(ms: number, reason: string): void; onNotice?(message: string): void }): {
    connector: CartConnector;
    manifest: CartManifest;
  };
  /** The account's WMS connector; throws DockhandError('config') when no WMS is set up. */
  wms(signal: AbortSignal): Promise<WmsConnector>;
  merchantTarget(merchantId: number): Promise<WmsMerchantTarget>;
  /**
   * What a person should do about the cart's saved credentials that still work (an eBay authorization
   * that runs out within 30 days), from the plugin's grantNotices; [] when there is nothing, or when
   * they cannot be opened (the run itself says why).
   */
  cartGrantNotices?(cart: CartRow, nowIso: string): string[];
  /**
   * Whether the cart is waiting to be connected: its platform connects through a consent page
   * (descriptor `oauth`) and the grant's fields are not among its saved credentials. Its services wait
   * for the grant instead of failing (jobs.ts). Absent in hand-built tests: no cart waits.
   */
  awaitsConnection?(cart: CartRow): boolean;
  /** The platform's descriptor (shared/platforms; a test's scripted one), undefined for an unknown platform. */
  descriptor?(platform: string): CartPlatform | undefined;
}

export interface ServiceDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  connectors: ConnectorSource;
  emit(event: EngineEvent): void;
  /** Keeps the files the services send and read for 30 days (kept-files/); absent in hand-built tests. */
  files?: FileKeeper;
}

/** What a running service reports; the run record is written from it. */
export class RunReport {
  readonly counts: Record<string, number> = {};
  readonly errors: RunView['errors'] = [];
  message: string | null = null;
  throttleWaitMs = 0;

  add(name: string, n = 1): void {
    this.counts[name] = (this.counts[name] ?? 0) + n;
  }

  error(message: string, where?: string): void {
    if (this.errors.length < 1000) this.errors.push(where ? { message, where } : { message });
  }

  /** Adds a sentence the person should read to the run's message (shown with the run on Activity), once. */
  notice(text: string): void {
    if (this.message?.includes(text)) return;
    this.message = this.message ? `${this.message} ${text}` : text;
  }
}

export interface RunContext extends ServiceDeps {
  runId: number;
  service: ServiceName;
  targetId: number;
  signal: AbortSignal;
  report: RunReport;
  nowIso(): string;
  progress(done: number, total?: number): void;
}

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('The run was stopped');
}
