import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../../main/engine/engine.js';
import { createMemoryLogger } from '../../main/engine/log/index.js';
import { openStore, runIntegrityCheck } from '../../main/engine/store/index.js';
import { migrations } from '../../main/engine/store/migrations/index.js';
import { openKeyFileCipher } from '../../main/server/secret-cipher.js';
import { createFakeShopify, type FakeOrder, type FakeShopify } from '../fakes/shopify/index.js';
import { startFtpServer, type TestFtpServer } from '../support/ftp-server.js';
import { AckLedger } from './ack-ledger.js';
import { LineSplitter, LOOP_SERVICES, parseChildLine, type ChildConfig, type ChildMessage } from './crash-protocol.js';
import { checkAll, readFinalDatabase } from './invariants.js';
import { seededRandom } from './seeded-random.js';
import { Warehouse } from './warehouse.js';
import { ftpWms } from '../support/world.js';

/**
 * The crash-safety scenario: a fake Shopify and a real FTP server live in this process; a child process
 * runs the real order loop on one data dir and is SIGKILLed at random moments, again and again; then a
 * last child runs the loop to the end and the invariants are checked (invariants.ts).
 */

export interface CrashScenarioOptions {
  kills: number;
  /** Orders in the shop at the start (a few more are added between restarts). */
  orders?: number;
  /** Seeds the shop and every random choice of the run (kill moments still depend on timing). */
  seed?: number;
  /**
   * Kills land up to this long after the child said it is ready. Default: adaptive, one round of the
   * four services as measured so far, so on a slow or busy machine kills still reach every service.
   */
  maxKillDelayMs?: number;
  /** Share of kills aimed at the child's start (store recovery, migrations check, lock takeover). */
  startupKillShare?: number;
  /** Share of kills aimed at an order file upload and the commit after it (see KillPlan). */
  aimedKillShare?: number;
  /** How often the child asks for a store snapshot. */
  snapshotEveryMs?: number;
  /** Hard limit for the final run to the end. */
  finalTimeoutMs?: number;
  keepDataDir?: boolean;
  log?: (line: string) => void;
}

export interface CrashScenarioReport {
  seed: number;
  dataDir: string;
  kills: number;
  /** Where the kills landed: 'startup' or the service that was running. */
  killedDuring: Record<string, number>;
  checks: { name: string; violations: string[] }[];
  /** Children that did not behave (exited by themselves, never got ready, final run stuck). */
  childProblems: string[];
  violations: string[];
  stats: {
    shopOrders: number;
    mustConfirm: number;
    acks: number;
    runs: Record<string, number>;
    orderFileVersions: number;
    orderFiles: number;
    confirmationFiles: number;
    fulfillments: number;
    maxSnapshotsInOneLife: number;
    avgOpenMs: number;
    seconds: number;
  };
}

const CHILD_SCRIPT = fileURLToPath(new URL('./sync-child.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MERCHANT_CODE = 'ACME';

/** The orders the loop must confirm: what the cart's filters accept (open, paid, unfulfilled). */
function passesFilters(order: FakeOrder): boolean {
  return (
    order.cancelledMs === null &&
    order.closedMs === null &&
    (order.financialStatus === 'PAID' || order.financialStatus === 'PARTIALLY_REFUNDED') &&
    order.fulfillmentStatus === 'UNFULFILLED'
  );
}

interface ChildOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  messages: ChildMessage[];
  stderr: string;
  killedDuring?: string;
}

interface Ids {
  merchantId: number;
  cartId: number;
}

async function setUpDataDir(dataDir: string, shop: FakeShopify, ftp: TestFtpServer, earliest: string): Promise<Ids> {
  const engine = await createEngine({
    dataDir,
    secrets: openKeyFileCipher(dataDir),
    log: createMemoryLogger({ level: 'warn' }),
    startScheduler: false,
  });
  try {
    const off = { order_delivery: null, shipment_pickup: null, inventory_pickup: null };
    await engine.call('account.setup', { mode: 'fulfillment' });
    const merchant = (await engine.call('merchants.create', { name: 'Acme Outfitters', code: MERCHANT_CODE, schedules: off })) as { id: number };
    const cart = (await engine.call('carts.create', {
      platform: 'shopify',
      merchantId: merchant.id,
      name: 'Acme Shopify',
      earliestOrderDate: earliest,
      rejectUnmappedShipCodes: false,
      schedules: { order_download: null, shipment_upload: null, inventory_upload: null },
      settings: {
        shopDomain: shop.shopDomain,
        baseUrl: shop.url,
        filters: { orderStatus: 'open', financialStatuses: ['PAID', 'PARTIALLY_REFUNDED'], fulfillmentStatuses: ['UNFULFILLED'] },
      },
      credentials: { accessToken: shop.token },
    })) as { id: number };
    await engine.call('wms.save', ftpWms(ftp));
    return { merchantId: merchant.id, cartId: cart.id };
  } finally {
    await engine.close();
  }
}

/** When to SIGKILL a child (the first moment that comes); nothing set = let it end by itself. */
interface KillPlan {
  afterSpawnMs?: number;
  afterReadyMs?: number;
  /**
   * Aimed at the narrow window persist-before-acknowledge is about: this long after the child starts
   * uploading an order file (upload_start: lands in the upload, the rename or the commit that marks the
   * orders), or after the file was renamed into place (rename: lands before that commit, mostly).
   */
  afterOrderUpload?: { ftp: TestFtpServer; folder: string; ms: number; at: 'upload_start' | 'rename' };
  timeoutMs?: number;
}

/** Spawns the child and kills it as planned. */
function runChild(config: ChildConfig, plan: KillPlan, onMessage: (m: ChildMessage) => void): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT, JSON.stringify(config)], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const messages: ChildMessage[] = [];
    const lines = new LineSplitter();
    let stderr = '';
    let killed = false;
    let killedDuring: string | undefined;
    let current = 'startup';
    const timers: NodeJS.Timeout[] = [];
    const kill = () => {
      if (killed || child.exitCode !== null) return;
      killed = true;
      killedDuring = current;
      child.kill('SIGKILL');
    };
    if (plan.afterSpawnMs !== undefined) timers.push(setTimeout(kill, plan.afterSpawnMs));
    if (plan.timeoutMs !== undefined) timers.push(setTimeout(kill, plan.timeoutMs));
    const aimed = plan.afterOrderUpload;
    const aim = () => {
      current = `order_delivery (aimed: ${aimed!.at})`;
      timers.push(setTimeout(kill, aimed!.ms));
    };
    let stopWatching: (() => void) | undefined;
    if (aimed?.at === 'upload_start') {
      stopWatching = aimed.ftp.onUpload((clientPath) => {
        if (!clientPath.startsWith(aimed.folder)) return;
        stopWatching?.();
        aim();
      });
    } else if (aimed?.at === 'rename') {
      // The FTP server runs in this process: a 1 ms poll of its renames sees the file land at once.
      let seen = aimed.ftp.renames.length;
      const poll = setInterval(() => {
        const renames = aimed.ftp.renames;
        for (; seen < renames.length; seen++) {
          if (!renames[seen].startsWith(aimed.folder)) continue;
          clearInterval(poll);
          aim();
          return;
        }
      }, 1);
      stopWatching = () => clearInterval(poll);
    }
    let nextService = config.firstService;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      for (const line of lines.push(chunk)) {
        const m = parseChildLine(line);
        if (!m) {
          stderr += `unparsed stdout line: ${line.slice(0, 200)}\n`;
          continue;
        }
        messages.push(m);
        onMessage(m);
        if (m.t === 'ready') {
          current = LOOP_SERVICES[nextService % LOOP_SERVICES.length];
          if (plan.afterReadyMs !== undefined) timers.push(setTimeout(kill, plan.afterReadyMs));
        } else if (m.t === 'ack') {
          nextService = (LOOP_SERVICES.indexOf(m.service) + 1) % LOOP_SERVICES.length;
          current = LOOP_SERVICES[nextService];
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      timers.forEach(clearTimeout);
      stopWatching?.();
      resolve({ code, signal, messages, stderr, killedDuring });
    });
  });
}

/** Between restarts the shop moves on: a few new orders, a few edits of existing ones. */
function moveShopOn(shop: FakeShopify, random: () => number, mustConfirm: Set<string>): void {
  const added = Math.floor(random() * 3);
  for (let i = 0; i < added; i++) {
    const order = shop.state.addOrder({ financialStatus: 'PAID', fulfillmentStatus: 'UNFULFILLED' });
    mustConfirm.add(order.id);
  }
  if (random() < 0.5) {
    const index = Math.floor(random() * shop.state.orderCount);
    shop.state.updateOrder(index, (o) => {
      o.note = `edited ${Date.now()}`;
    });
  }
}

export async function runCrashScenario(options: CrashScenarioOptions): Promise<CrashScenarioReport> {
  const t0 = performance.now();
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const random = seededRandom(seed);
  const log = options.log ?? (() => {});
  let runMs = 400; // moving average of one run, from the gaps between acknowledgements
  let lastAckAt: number | undefined;
  const maxKillDelayMs = () => options.maxKillDelayMs ?? Math.min(6000, Math.max(400, Math.round(LOOP_SERVICES.length * runMs)));
  const startupKillShare = options.startupKillShare ?? 0.15;
  const aimedKillShare = options.aimedKillShare ?? 0.2;
  const snapshotEveryMs = options.snapshotEveryMs ?? 120;

  const shop = await createFakeShopify({ orders: options.orders ?? 250, seed: seed % 100_000, products: 300, restoreRate: 100_000, maximumAvailable: 100_000 });
  const ftp = await startFtpServer();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'dockhand-crash-'));
  const warehouse = new Warehouse(ftp, MERCHANT_CODE, random);
  const ledger = new AckLedger();
  const childProblems: string[] = [];
  const killedDuring: Record<string, number> = {};
  let maxSnapshots = 0;
  const openMs: number[] = [];
  let report: CrashScenarioReport | undefined;

  try {
    const mustConfirm = new Set<string>();
    for (let i = 0; i < shop.state.orderCount; i++) {
      const order = shop.state.orderAt(i);
      if (passesFilters(order)) mustConfirm.add(order.id);
    }
    const earliest = new Date(Date.now() - 60 * 86_400_000).toISOString();
    const ids = await setUpDataDir(dataDir, shop, ftp, earliest);
    warehouse.start();

    const onMessage = (m: ChildMessage) => {
      const now = performance.now();
      if (m.t === 'ack') {
        if (lastAckAt !== undefined) runMs = 0.9 * runMs + 0.1 * (now - lastAckAt);
        lastAckAt = now;
        ledger.record(m);
        maxSnapshots = Math.max(maxSnapshots, m.snapshots);
      } else if (m.t === 'ready') {
        lastAckAt = now;
        openMs.push(m.openMs);
      }
    };
    const baseConfig = { dataDir, merchantId: ids.merchantId, cartId: ids.cartId, snapshotEveryMs, stuckAfterMs: 15_000 };

    for (let k = 0; k < options.kills; k++) {
      moveShopOn(shop, random, mustConfirm);
      const roll = random();
      const expectedOpen = openMs.length ? openMs.reduce((a, b) => a + b, 0) / openMs.length + 500 : 900;
      const plan: KillPlan =
        roll < startupKillShare
          ? { afterSpawnMs: Math.floor(random() * expectedOpen) }
          : roll < startupKillShare + aimedKillShare
            ? {
                afterOrderUpload:
                  random() < 0.5
                    ? { ftp, folder: `/${MERCHANT_CODE}/orders/`, at: 'upload_start', ms: Math.floor(random() * 150) }
                    : { ftp, folder: `/${MERCHANT_CODE}/orders/`, at: 'rename', ms: Math.floor(random() * 4) },
                afterReadyMs: 2 * maxKillDelayMs(),
                timeoutMs: 60_000,
              }
            : { afterReadyMs: Math.floor(random() * maxKillDelayMs()), timeoutMs: 60_000 };
      const outcome = await runChild({ ...baseConfig, mode: 'until_killed', firstService: Math.floor(random() * 4) }, plan, onMessage);
      if (outcome.signal !== 'SIGKILL') {
        childProblems.push(`child ${k + 1} ended by itself (code ${outcome.code}): ${outcome.stderr.trim().slice(-1500)}`);
      } else {
        killedDuring[outcome.killedDuring ?? 'startup'] = (killedDuring[outcome.killedDuring ?? 'startup'] ?? 0) + 1;
      }
      if ((k + 1) % 10 === 0 || k + 1 === options.kills) {
        log(
          `kill ${k + 1}/${options.kills}: ${ledger.acks} runs acknowledged, ${warehouse.versions.length} order file versions, ` +
            `${warehouse.confirmationFiles.length} confirmation files, kill window ${maxKillDelayMs()} ms`,
        );
      }
    }

    log('final run to the end');
    const final = await runChild(
      { ...baseConfig, mode: 'until_idle', firstService: 0 },
      { timeoutMs: options.finalTimeoutMs ?? 180_000 },
      onMessage,
    );
    if (final.code !== 0 || !final.messages.some((m) => m.t === 'idle')) {
      const stuck = final.messages.find((m): m is Extract<ChildMessage, { t: 'stuck' }> => m.t === 'stuck');
      childProblems.push(
        `the final run did not finish (code ${final.code}, signal ${final.signal})${stuck ? `: ${stuck.reason}` : ''} ${final.stderr.trim().slice(-1500)}`,
      );
    }
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
    const ordersDir = ftp.localPath(`/${MERCHANT_CODE}/orders`);
    const finalOrderFiles = existsSync(ordersDir)
      ? readdirSync(ordersDir, { withFileTypes: true })
          .filter((d) => d.isFile() && /^orders-.+\.csv$/.test(d.name))
          .map((d) => d.name)
      : [];
    const checks = checkAll({ db, shop: shop.state, mustConfirm, warehouse, finalOrderFiles, ledger, openAlerts });

    let fulfillments = 0;
    for (let i = 0; i < shop.state.orderCount; i++) fulfillments += shop.state.orderAt(i).fulfillments.length;
    report = {
      seed,
      dataDir,
      kills: options.kills,
      killedDuring,
      checks,
      childProblems,
      violations: [...childProblems, ...checks.flatMap((c) => c.violations.map((v) => `${c.name}: ${v}`))],
      stats: {
        shopOrders: shop.state.orderCount,
        mustConfirm: mustConfirm.size,
        acks: ledger.acks,
        runs: Object.fromEntries(ledger.runs),
        orderFileVersions: warehouse.versions.length,
        orderFiles: warehouse.orderFiles.size,
        confirmationFiles: warehouse.confirmationFiles.length,
        fulfillments,
        maxSnapshotsInOneLife: maxSnapshots,
        avgOpenMs: openMs.length ? Math.round(openMs.reduce((a, b) => a + b, 0) / openMs.length) : 0,
        seconds: Math.round((performance.now() - t0) / 100) / 10,
      },
    };
    return report;
  } finally {
    warehouse.stop();
    await shop.close();
    await ftp.close();
    // A failed run keeps its data dir for the post-mortem (its path is in the report).
    if (!options.keepDataDir && report !== undefined && report.violations.length === 0) {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
}
