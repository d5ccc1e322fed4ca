import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore, runIntegrityCheck } from '../../main/engine/store/index.js';
import { migrations } from '../../main/engine/store/migrations/index.js';
import { createFakeShopify, type FakeShopify } from '../fakes/shopify/index.js';
import { startFtpServer, type TestFtpServer } from '../support/ftp-server.js';
import { AckLedger } from './ack-ledger.js';
import { listAllOrders, readAckView, runCallers } from './api-callers.js';
import { MERCHANT_CODE, moveShopOn, passesFilters, setUpDataDir, trickleOrders, type WorldIds } from './crash-world.js';
import { buildHostBundle } from './host-bundle.js';
import { startHost, type HostApi, type HostLife } from './host-process.js';
import { checkAll, readFinalDatabase } from './invariants.js';
import { seededRandom } from './seeded-random.js';
import { Warehouse } from './warehouse.js';

/**
 * The crash-safety scenario, from outside as a warehouse runs Dockhand: a fake Shopify, a real FTP
 * server and a warehouse that imports and deletes every order file live in this process; the real
 * headless host runs in its own process group with the scheduler on, while several callers press
 * "Run now" over its HTTP API. The host's whole group is SIGKILLed at random moments (some aimed at
 * an order file's upload and rename), restarted, again and again; after each restart the host must
 * still show everything it acknowledged before. Then a last life runs until the loop is done, stops
 * on SIGTERM, and the invariants are checked by content (invariants.ts).
 */

export interface CrashScenarioOptions {
  kills: number;
  /** Orders in the shop at the start (a few more are added between restarts). */
  orders?: number;
  /** Seeds the shop and every random choice of the run (kill moments still depend on timing). */
  seed?: number;
  /** Callers pressing Run now at once (default 4). */
  callers?: number;
  /** Kills land up to this long after the host is ready (default 2,500 ms). */
  maxKillDelayMs?: number;
  /** Share of the kills not aimed that land in the host's start (store recovery, migrations check, lock takeover). */
  startupKillShare?: number;
  /** Share of kills aimed at an order file's upload or rename (see KillAim). */
  aimedKillShare?: number;
  /** Length of a scheduler "minute" in the host (default 20 ms: a 5-minute schedule is 100 ms). */
  minuteMs?: number;
  /** Hard limit for the final life to finish the loop. */
  finalTimeoutMs?: number;
  keepDataDir?: boolean;
  log?: (line: string) => void;
}

export interface CrashScenarioReport {
  seed: number;
  dataDir: string;
  kills: number;
  /** Where the kills landed: 'startup', an aimed moment, or each service running at the time ('idle': none). */
  killedDuring: Record<string, number>;
  checks: { name: string; violations: string[] }[];
  /** Lives that did not behave (exited by themselves, never got ready, final life stuck or unclean stop). */
  hostProblems: string[];
  violations: string[];
  stats: {
    shopOrders: number;
    mustConfirm: number;
    acks: number;
    runs: Record<string, number>;
    orderFilesImported: number;
    importedAtRename: number;
    ordersDeliveredTwice: number;
    confirmationFiles: number;
    fulfillments: number;
    avgStartMs: number;
    seconds: number;
  };
}

/**
 * Aimed kills, at the moments a send to a consuming warehouse is decided:
 * - upload: up to 150 ms after the host begins uploading an order file (the upload, the publishing
 *   step, the rename or the commit after it);
 * - rename-held: the FTP server renames the file into place and holds its reply until the host is
 *   dead: exactly "after the rename, before the commit that records it";
 * - rename: up to 5 ms after the rename, the reply not held (the commit may or may not make it).
 */
type KillAim = 'upload' | 'rename-held' | 'rename';
const AIMS: readonly KillAim[] = ['rename-held', 'upload', 'rename'];

export async function runCrashScenario(options: CrashScenarioOptions): Promise<CrashScenarioReport> {
  const t0 = performance.now();
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const random = seededRandom(seed);
  const log = options.log ?? (() => {});
  const maxKillDelayMs = options.maxKillDelayMs ?? 2500;
  const startupKillShare = options.startupKillShare ?? 0.15;
  const aimedKillShare = options.aimedKillShare ?? 0.25;
  const callers = options.callers ?? 4;
  const env = { DOCKHAND_CRASH_MINUTE_MS: String(options.minuteMs ?? 20) };

  const bundle = await buildHostBundle();
  const shop = await createFakeShopify({ orders: options.orders ?? 250, seed: seed % 100_000, products: 300, restoreRate: 100_000, maximumAvailable: 100_000 });
  const ftp = await startFtpServer();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'dockhand-crash-'));
  const warehouse = new Warehouse(ftp, MERCHANT_CODE, random);
  const ledger = new AckLedger();
  const hostProblems: string[] = [];
  const duringRun: string[] = [];
  const killedDuring: Record<string, number> = {};
  const startMs: number[] = [];
  let live: HostLife | undefined;
  let report: CrashScenarioReport | undefined;

  let aimsSoFar = 0;
  const countKill = (where: string) => (killedDuring[where] = (killedDuring[where] ?? 0) + 1);

  try {
    const mustConfirm = new Set<string>();
    for (let i = 0; i < shop.state.orderCount; i++) {
      const order = shop.state.orderAt(i);
      if (passesFilters(order)) mustConfirm.add(order.id);
    }
    const earliest = new Date(Date.now() - 60 * 86_400_000).toISOString();
    const ids = await setUpDataDir(dataDir, shop, ftp, earliest);
    warehouse.start();

    /** Starts a life; once ready, checks it still shows what earlier lives acknowledged. */
    const begin = async (k: number): Promise<{ life: HostLife; api: Promise<HostApi> }> => {
      const spawnedAt = performance.now();
      const life = startHost(bundle, dataDir, env);
      live = life;
      const api = life.ready.then(async (ready) => {
        startMs.push(performance.now() - spawnedAt);
        const view = await readAckView(ready, ids, ledger, random);
        duringRun.push(...ledger.lostIn(view, `after restart ${k}`));
        return ready;
      });
      api.catch(() => {});
      return { life, api };
    };

    for (let k = 1; k <= options.kills; k++) {
      moveShopOn(shop, random, mustConfirm);
      const { life, api } = await begin(k);
      const kill = killer(life);
      let running: (() => string[]) | undefined;
      // Aimed kills evenly spaced and taking turns, so even a short run has each kind, the first one
      // right between a rename and its commit; the others at random, some during the start.
      const aim = Math.floor(k * aimedKillShare) > Math.floor((k - 1) * aimedKillShare) ? AIMS[aimsSoFar++ % AIMS.length] : undefined;
      const startup = aim === undefined && random() < startupKillShare;
      if (startup) {
        const expected = startMs.length ? startMs.reduce((a, b) => a + b, 0) / startMs.length : 2000;
        kill.after(Math.floor(random() * expected), () => running?.() ?? ['startup']);
      }
      const unwatch = aim ? aimAt(ftp, aim, random, kill, life.exited) : () => {};
      const ready = await api.catch(() => undefined);
      let callersDone: Promise<unknown> = Promise.resolve();
      if (ready) {
        const watched = watchRuns(ready);
        running = watched;
        // Aimed kills wait for their moment; this one only makes sure the life ends.
        if (!startup) kill.after(aim ? 4 * maxKillDelayMs : Math.floor(random() * maxKillDelayMs), watched);
        callersDone = runCallers(ready, ids, ledger, random, callers, () => !kill.done).then((o) => duringRun.push(...o.problems));
        void life.exited.then(trickleOrders(shop, random, mustConfirm));
      } else if (!kill.done) {
        hostProblems.push(`life ${k}: ${(await api.catch((err: Error) => err)) as Error}`);
      }
      const exit = await life.exited;
      unwatch();
      await callersDone;
      if (kill.done) countKill(kill.where);
      else hostProblems.push(`life ${k} ended by itself (code ${exit.code}, signal ${exit.signal}): ${life.stderr().trim().slice(-1500)}`);
      if (k % 10 === 0 || k === options.kills) {
        log(
          `kill ${k}/${options.kills}: ${ledger.acks} answers acknowledged, ${warehouse.imports.length} order files imported, ` +
            `${warehouse.confirmationFiles.length} confirmation files, ${duringRun.length + hostProblems.length} problems so far`,
        );
      }
    }

    log('final life: run the loop to the end, then stop with SIGTERM');
    const { life, api } = await begin(options.kills + 1);
    const ready = await api.catch((err: Error) => err);
    if (ready instanceof Error) {
      hostProblems.push(`the final life did not start: ${ready.message}`);
    } else {
      let finished = false;
      const callersDone = runCallers(ready, ids, ledger, random, callers, () => !finished).then((o) => duringRun.push(...o.problems));
      const unfinished = await waitUntilDone(ready, ids, warehouse, mustConfirm, shop, options.finalTimeoutMs ?? 300_000);
      finished = true;
      await callersDone;
      if (unfinished.length > 0) hostProblems.push(`the final life did not finish the loop: ${unfinished.slice(0, 20).join(', ')}`);
      life.terminate();
    }
    let stopTimer: NodeJS.Timeout | undefined;
    const exit = await Promise.race([life.exited, new Promise<undefined>((resolve) => (stopTimer = setTimeout(() => resolve(undefined), 90_000)))]);
    clearTimeout(stopTimer);
    if (exit?.code !== 0) {
      life.killGroup();
      hostProblems.push(`the final life did not stop cleanly on SIGTERM (code ${exit?.code}, signal ${exit?.signal}): ${life.stderr().trim().slice(-1500)}`);
    }
    live = undefined;
    warehouse.stop();

    const openAlerts: string[] = [];
    const store = await openStore({ dir: path.join(dataDir, 'db'), migrations, onAlert: (m) => openAlerts.push(m) });
    let db;
    try {
      const integrity = await runIntegrityCheck(store);
      db = await store.read((reader) => readFinalDatabase(reader, ids.cartId, integrity));
    } finally {
      await store.close();
    }
    const checks = checkAll({ db, shop: shop.state, mustConfirm, warehouse, ledger, openAlerts, duringRun });

    let fulfillments = 0;
    for (let i = 0; i < shop.state.orderCount; i++) fulfillments += shop.state.orderAt(i).fulfillments.length;
    report = {
      seed,
      dataDir,
      kills: options.kills,
      killedDuring,
      checks,
      hostProblems,
      violations: [...hostProblems, ...checks.flatMap((c) => c.violations.map((v) => `${c.name}: ${v}`))],
      stats: {
        shopOrders: shop.state.orderCount,
        mustConfirm: mustConfirm.size,
        acks: ledger.acks,
        runs: Object.fromEntries(ledger.runs),
        orderFilesImported: warehouse.imports.length,
        importedAtRename: warehouse.imports.filter((i) => i.when === 'rename').length,
        ordersDeliveredTwice: [...warehouse.deliveries.values()].filter((files) => files.length > 1).length,
        confirmationFiles: warehouse.confirmationFiles.length,
        fulfillments,
        avgStartMs: startMs.length ? Math.round(startMs.reduce((a, b) => a + b, 0) / startMs.length) : 0,
        seconds: Math.round((performance.now() - t0) / 100) / 10,
      },
    };
    return report;
  } finally {
    live?.killGroup();
    warehouse.stop();
    await shop.close();
    await ftp.close();
    await bundle.remove();
    // A failed run keeps its data dir for the post-mortem (its path is in the report).
    if (!options.keepDataDir && report !== undefined && report.violations.length === 0) {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
}

interface Killer {
  /** Kill at once; `where` names the moment for the report. */
  now(where: string): void;
  /** Kill after `ms` unless killed before; `where` is read at the kill (the runs going on then). */
  after(ms: number, where: string | (() => string[])): void;
  readonly done: boolean;
  readonly where: string;
}

function killer(life: HostLife): Killer {
  let done = false;
  let where = '';
  const timers: NodeJS.Timeout[] = [];
  void life.exited.then(() => timers.forEach(clearTimeout));
  const k: Killer = {
    now(at) {
      if (done) return;
      done = true;
      where = at;
      life.killGroup();
    },
    after(ms, at) {
      timers.push(
        setTimeout(() => {
          const label = typeof at === 'string' ? at : at().sort().join('+') || 'idle';
          k.now(label);
        }, ms),
      );
    },
    get done() {
      return done;
    },
    get where() {
      return where;
    },
  };
  return k;
}

/** Arms an aimed kill on the FTP server's view of the host's order file; returns how to disarm it. */
function aimAt(ftp: TestFtpServer, aim: KillAim, random: () => number, kill: Killer, dead: Promise<unknown>): () => void {
  const folder = `/${MERCHANT_CODE}/orders/`;
  if (aim === 'upload') {
    return ftp.onUpload((clientPath) => {
      if (clientPath.startsWith(folder)) kill.after(Math.floor(random() * 150), 'aimed: order file upload');
    });
  }
  return ftp.onRename(async (clientPath) => {
    if (!clientPath.startsWith(folder) || kill.done) return;
    if (aim === 'rename') return kill.after(Math.floor(random() * 5), 'aimed: just after the rename');
    kill.now('aimed: after the rename, before its reply');
    // The reply waits until the host is gone, so it can never record the rename.
    await dead;
  });
}

/** The services running now, from the host's event stream. */
function watchRuns(api: HostApi): () => string[] {
  const running = new Map<number, string>();
  api.onEvent((e) => {
    if (e.type === 'run.started') running.set(e.data.runId as number, e.data.service as string);
    else if (e.type === 'run.finished') running.delete((e.data.run as { id: number }).id);
  });
  return () => [...new Set(running.values())];
}

/**
 * Polls the host until every order ended as it must and the warehouse has nothing left to import or
 * ship, three times in a row; returns what is unfinished when the time is up (empty when done).
 */
async function waitUntilDone(
  api: HostApi,
  ids: WorldIds,
  warehouse: Warehouse,
  mustConfirm: Set<string>,
  shop: FakeShopify,
  timeoutMs: number,
): Promise<string[]> {
  const deadline = performance.now() + timeoutMs;
  const mustConfirmNumbers = new Set<string>();
  for (let i = 0; i < shop.state.orderCount; i++) {
    const o = shop.state.orderAt(i);
    if (mustConfirm.has(o.id)) mustConfirmNumbers.add(o.name);
  }
  let calm = 0;
  let unfinished: string[] = ['not looked yet'];
  while (performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const orders = await listAllOrders(api, ids.merchantId).catch(() => undefined);
    if (!orders) continue;
    unfinished = [];
    const seen = new Set(orders.map((o) => o.orderNumber));
    for (const n of mustConfirmNumbers) if (!seen.has(n)) unfinished.push(`order ${n} not downloaded`);
    for (const o of orders) {
      const done = mustConfirmNumbers.has(o.orderNumber) ? o.status === 'confirmed' : o.status === 'skipped' || o.status === 'canceled';
      if (!done) unfinished.push(`order ${o.orderNumber} ${o.status}`);
    }
    if (!warehouse.isIdle()) unfinished.push('the warehouse is busy');
    calm = unfinished.length === 0 ? calm + 1 : 0;
    if (calm >= 3) return [];
  }
  return unfinished;
}
