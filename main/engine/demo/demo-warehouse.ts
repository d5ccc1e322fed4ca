import type { RunView } from '../../../shared/api-types.js';
import type { ServiceName } from '../../../shared/domain.js';
import { isDockhandError } from '../../../shared/errors.js';
import type { CsvWmsSettings } from '../../../shared/schemas/wms.js';
import type { JobControl } from '../api/engine-context.js';
import { merchantFolders } from '../connectors/wms/csv/merchant-folders.js';
import { UnreadableFileError } from '../files/readers/inbound-table.js';
import type { EngineEvent } from '../engine-api.js';
import type { Clock, Logger } from '../platform/ports.js';
import { clearAlert, openAlerts, raiseAlert } from '../store/repositories/alerts-repo.js';
import { getMerchant } from '../store/repositories/merchants-repo.js';
import { listShipMethods } from '../store/repositories/ship-methods-repo.js';
import { profilesResolver } from '../formats/resolve-formats.js';
import type { FileProfiles } from '../formats/file-profiles.js';
import { getWms } from '../store/repositories/wms-repo.js';
import type { Store } from '../store/sql.js';
import { createFolderTransport } from '../transports/folder-transport.js';
import { joinRelative } from '../transports/remote-path.js';
import type { RemoteFile, Transport } from '../transports/transport.js';
import { readDemoSetupEvent } from './demo-signal.js';
import { getDemoWarehouseState, saveDemoWarehouseState, wmsUsesDemoFolder, type DemoWarehouseState } from './demo-warehouse-state.js';
import { readOrderFile } from './order-file-reader.js';
import { demoStockLevels, shipOrders } from './shipping-plan.js';
import { confirmationFile, inventoryFile } from './warehouse-files.js';

export interface DemoWarehouseOptions {
  /** Play the warehouse at all. Default: when the engine runs its scheduler (off where tests drive services by hand). */
  enabled?: boolean;
  /** How often it looks at the folders. Default 3 s. */
  tickMs?: number;
  /** How long an order file waits in the orders folder before it ships. Default 20 s. */
  shipAfterMs?: number;
  /** How often it writes an inventory file (and once right after setup). Default one hour. */
  inventoryEveryMs?: number;
}

export interface DemoWarehouseDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  jobs: Pick<JobControl, 'runNow' | 'list' | 'dueWithin'>;
  emit(event: EngineEvent): void;
  onEvent(listener: (event: EngineEvent) => void): () => void;
}

export interface DemoWarehouse {
  /** Stops the timer and waits for a look in progress; no file or store write happens afterwards. */
  stop(): Promise<void>;
}

/** Subfolders of the orders folder where the warehouse puts the files it took. */
export const PROCESSED_FOLDER = 'processed';
export const REJECTED_FOLDER = 'rejected';
const ALERT_KEY = 'demo-warehouse';
/** A job its schedule runs sooner than this is left to the schedule rather than run twice. */
const DUE_SOON_MS = 2_000;

/**
 * The demo warehouse: plays the WMS on the Local-folder demo setup so "Try with demo data" completes
 * the whole loop with no other input. Each look it takes order files that have waited `shipAfterMs`,
 * writes a shipment confirmation for them (tracking numbers from the order numbers), moves the order
 * file to orders/processed/, and now and then writes an inventory file. It also chains the services
 * so the loop takes a minute rather than a schedule's 15: setup -> download; download with new orders
 * -> delivery; confirmation written -> pickup; pickup with shipments -> upload; inventory file ->
 * pickup -> upload (for the demo merchant and cart only). Paused jobs are left paused. Its errors are
 * logged and raised as alerts; they never reach the engine.
 */
export function startDemoWarehouse(deps: DemoWarehouseDeps, options: DemoWarehouseOptions = {}): DemoWarehouse {
  const tickMs = options.tickMs ?? 3_000;
  const shipAfterMs = options.shipAfterMs ?? 20_000;
  const inventoryEveryMs = options.inventoryEveryMs ?? 3_600_000;
  const log = deps.log.child({ part: 'demo-warehouse' });
  const controller = new AbortController();

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;
  let pokedWhileTicking = false;
  /** When each order file was first seen (the ship delay counts from there; a restart counts afresh). */
  const firstSeen = new Map<string, number>();
  /** The demo merchant and cart while the warehouse plays; chains only run for them. */
  let active: { merchantId: number; cartId: number } | undefined;
  /** The alert message this process raised (undefined: none; a stale one from before a restart is cleared once). */
  let raisedMessage: string | undefined = '';
  let firstLook = true;

  const nowMs = () => deps.clock.now().getTime();

  function schedule(ms: number): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(look, ms);
    timer.unref();
  }

  function look(): void {
    timer = undefined;
    if (stopped) return;
    if (ticking) {
      pokedWhileTicking = true;
      return;
    }
    ticking = tick()
      .catch((err: unknown) => reportProblem(err))
      .finally(() => {
        ticking = undefined;
        const again = pokedWhileTicking;
        pokedWhileTicking = false;
        schedule(again ? 0 : tickMs);
      });
  }

  async function tick(): Promise<void> {
    const state = await deps.store.read((db) => getDemoWarehouseState(db));
    if (!state?.enabled) {
      active = undefined;
      return;
    }
    const seen = await deps.store.read((db) => ({
      wms: getWms(db),
      merchant: getMerchant(db, state.merchantId),
      methods: listShipMethods(db),
      // The demo merchant's own formats: the files it reads and writes are the ones its merchant's use.
      profilesFor: (() => {
        const wms = getWms(db);
        return wms ? profilesResolver(db, wms.settings) : undefined;
      })(),
    }));
    if (!seen.merchant) return disable(state, 'the demo merchant was deleted');
    if (!seen.wms || !wmsUsesDemoFolder(seen.wms.settings, state.folder)) {
      return disable(state, `the WMS no longer uses the demo folder ${state.folder}`);
    }
    active = { merchantId: state.merchantId, cartId: state.cartId };
    const settings = seen.wms.settings as CsvWmsSettings & { transport: { kind: 'folder' } };
    const folders = merchantFolders(settings, { merchantId: seen.merchant.id, code: seen.merchant.code, folders: seen.merchant.folders ?? undefined });
    const transport = createFolderTransport(settings.transport, { log, signal: controller.signal });

    const profiles = seen.profilesFor!(seen.merchant.id);
    const shippedAt = await shipWaitingOrders(transport, profiles, folders, seen.methods);
    if (shippedAt) background(runAfter('shipment_pickup', state.merchantId, shippedAt));
    else if (firstLook && (await listIfThere(transport, folders.confirmations)).length > 0) {
      // Resumed after a restart with confirmations still waiting: fetch them now, not in 15 minutes.
      background(run('shipment_pickup', state.merchantId));
    }
    firstLook = false;
    await writeInventoryIfDue(transport, profiles, folders.inventory, state);
    if (raisedMessage !== undefined) {
      await deps.store.write((db) => clearAlert(db, ALERT_KEY, deps.clock.now().toISOString()));
      raisedMessage = undefined;
    }
  }

  /** Ships every order file that has waited long enough; returns when the last confirmation was written. */
  async function shipWaitingOrders(
    transport: Transport,
    profiles: FileProfiles,
    folders: { orders: string; confirmations: string },
    methods: Parameters<typeof shipOrders>[1],
  ): Promise<string | undefined> {
    const files = await listIfThere(transport, folders.orders);
    const now = nowMs();
    const present = new Set(files.map((f) => f.path));
    for (const known of firstSeen.keys()) if (!present.has(known)) firstSeen.delete(known);
    for (const f of files) if (!firstSeen.has(f.path)) firstSeen.set(f.path, now);
    let writtenAt: string | undefined;
    for (const file of files) {
      if (now - firstSeen.get(file.path)! < shipAfterMs) continue;
      controller.signal.throwIfAborted();
      let orders;
      try {
        orders = readOrderFile(await transport.read(file.path), profiles.order);
      } catch (err) {
        if (!(err instanceof UnreadableFileError)) throw err;
        await transport.move(file.path, joinRelative(folders.orders, REJECTED_FOLDER));
        firstSeen.delete(file.path);
        // Stays until a person dismisses it: a good look afterwards does not make the file readable.
        const message = `Demo warehouse: order file ${file.name} could not be read and was moved to ${REJECTED_FOLDER}/: ${err.message}`;
        log.log('warn', 'Demo warehouse rejected an order file', { file: file.name, reason: err.message });
        await raise(`${ALERT_KEY}:rejected:${file.name}`, message);
        continue;
      }
      const rows = shipOrders(orders, methods, deps.clock.now().toISOString().slice(0, 10));
      // The confirmation is on disk before the order file goes, so a crash between the two ships the
      // file again with the same tracking numbers, which pickup saves only once.
      if (rows.length > 0) {
        await transport.writeAtomic(folders.confirmations, `shipped-${file.name.replace(/^orders-/, '')}`, confirmationFile(profiles.confirmation, rows));
        writtenAt = deps.clock.now().toISOString();
      }
      await transport.move(file.path, joinRelative(folders.orders, PROCESSED_FOLDER));
      firstSeen.delete(file.path);
      log.log('info', 'Demo warehouse shipped an order file', { file: file.name, orders: orders.length, rows: rows.length });
    }
    return writtenAt;
  }

  async function writeInventoryIfDue(transport: Transport, profiles: FileProfiles, folder: string, state: DemoWarehouseState): Promise<void> {
    const now = nowMs();
    const last = state.lastInventoryAt ? Date.parse(state.lastInventoryAt) : Number.NaN;
    if (Number.isFinite(last) && now - last < inventoryEveryMs) return;
    controller.signal.throwIfAborted();
    const at = new Date(now).toISOString();
    const levels = demoStockLevels(Math.floor(now / 3_600_000));
    await transport.writeAtomic(folder, `stock-${at.replace(/[-:]/g, '').replace(/\..*$/, '')}.csv`, inventoryFile(profiles.inventory, levels));
    await deps.store.write((db) => {
      const current = getDemoWarehouseState(db);
      // A demo.setup meanwhile starts afresh; this look's note would undo it.
      if (current?.enabled && current.enabledAt === state.enabledAt) saveDemoWarehouseState(db, { ...current, lastInventoryAt: at }, at);
    });
    log.log('info', 'Demo warehouse wrote an inventory file', { skus: levels.length });
    background(run('inventory_pickup', state.merchantId));
  }

  async function disable(state: DemoWarehouseState, reason: string): Promise<void> {
    active = undefined;
    firstSeen.clear();
    const at = deps.clock.now().toISOString();
    await deps.store.write((db) => {
      const current = getDemoWarehouseState(db);
      if (current?.enabled && current.enabledAt === state.enabledAt) saveDemoWarehouseState(db, { ...current, enabled: false, disabledReason: reason }, at);
    });
    log.log('info', 'Demo warehouse stopped', { reason });
    deps.emit({ type: 'state.changed', at, data: { demoWarehouse: { enabled: false, reason } } });
  }

  async function listIfThere(transport: Transport, folder: string): Promise<RemoteFile[]> {
    try {
      return await transport.list(folder);
    } catch (err) {
      // A folder nothing was written to yet does not exist yet.
      if (isDockhandError(err) && err.kind === 'config') return [];
      throw err;
    }
  }

  /**
   * Runs a job now, unless a person paused it or its schedule runs it within moments anyway. A run
   * already going is joined; failures are the run's own record, never thrown here.
   */
  async function run(service: ServiceName, targetId: number): Promise<RunView | undefined> {
    if (stopped) return undefined;
    try {
      const job = (await deps.jobs.list()).find((j) => j.service === service && j.targetId === targetId);
      if (stopped || job?.state === 'paused' || deps.jobs.dueWithin(service, targetId, DUE_SOON_MS)) return undefined;
      return await deps.jobs.runNow(service, targetId, 'demo');
    } catch (err) {
      if (!stopped) log.log('warn', 'Demo warehouse could not start a run', { service, targetId, error: err instanceof Error ? err.message : String(err) });
      return undefined;
    }
  }

  /**
   * Runs a job for work that appeared at `since`. A run that was already going when we asked may have
   * looked before then: one more run picks the work up.
   */
  async function runAfter(service: ServiceName, targetId: number, since: string | null | undefined): Promise<void> {
    const first = await run(service, targetId);
    if (first && since && first.startedAt < since) await run(service, targetId);
  }

  function background(work: Promise<unknown>): void {
    work.catch((err: unknown) => {
      if (!stopped) log.log('error', 'Demo warehouse chain failed', { error: err instanceof Error ? err.message : String(err) });
    });
  }

  /** A look that failed: one alert, renewed only when the problem changes, cleared by the next good look. */
  async function reportProblem(err: unknown): Promise<void> {
    if (stopped) return;
    const message = `Demo warehouse: ${err instanceof Error ? err.message : String(err)}`;
    log.log('error', 'Demo warehouse problem', { error: message });
    if (raisedMessage === message) return;
    if (await raise(ALERT_KEY, message)) raisedMessage = message;
  }

  async function raise(key: string, message: string): Promise<boolean> {
    try {
      const at = deps.clock.now().toISOString();
      const alert = await deps.store.write((db) => {
        raiseAlert(db, { key, severity: 'warning', message }, at);
        return openAlerts(db).find((a) => a.key === key);
      });
      deps.emit({ type: 'alert', at, data: { alert } });
      return true;
    } catch (alertErr) {
      log.log('error', 'Demo warehouse could not raise its alert', { error: alertErr instanceof Error ? alertErr.message : String(alertErr) });
      return false;
    }
  }

  const unsubscribe = deps.onEvent((event) => {
    if (stopped) return;
    try {
      const setup = readDemoSetupEvent(event);
      if (setup) {
        active = { merchantId: setup.merchantId, cartId: setup.cartId };
        // New orders now; the download's end then brings the delivery (below).
        background(run('order_download', setup.cartId));
        schedule(0);
        return;
      }
      if (event.type !== 'run.finished' || !active) return;
      const finished = event.data.run as RunView | undefined;
      if (!finished) return;
      const { merchantId, cartId } = active;
      const next = (service: ServiceName, targetId: number) => background(runAfter(service, targetId, finished.finishedAt));
      if (finished.service === 'order_download' && finished.targetId === cartId && (finished.counts.new ?? 0) > 0) next('order_delivery', merchantId);
      if (finished.targetId !== merchantId) return;
      if (finished.service === 'shipment_pickup' && (finished.counts.shipments ?? 0) > 0) next('shipment_upload', cartId);
      if (finished.service === 'inventory_pickup' && (finished.counts.skus ?? 0) > 0) next('inventory_upload', cartId);
    } catch (err) {
      log.log('error', 'Demo warehouse event handling failed', { error: err instanceof Error ? err.message : String(err) });
    }
  });

  schedule(0);

  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      unsubscribe();
      controller.abort();
      await ticking;
    },
  };
}
