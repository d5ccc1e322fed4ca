/**
 * What every platform's bench row shares: the engine API's call type, and running one row alone
 * (`npx tsx bench/<platform>-download.ts [--<flag> N]`) on an engine worker of its own, with a merchant
 * to connect to, the row printed as a table and exit code 1 when one of its checks failed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MethodInput, MethodName, MethodOutput } from '../shared/contract.js';
import { startEngineWorker } from '../main/host/worker-engine.js';

export type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

/** Records a row's check: a failed one (ok false) is printed with `what` and fails the run. */
export type Check = (ok: boolean, what: string) => void;

export type PlatformRows = (call: Call, merchantId: number, check: Check, orders: number) => Promise<Record<string, string | number>>;

/** Runs `rows` alone when `moduleUrl` (the row's import.meta.url) is the script node was started with. */
export function runAloneWhenMain(moduleUrl: string, options: { flag: string; defaultOrders: number; rows: PlatformRows }): void {
  if (!process.argv[1] || fileURLToPath(moduleUrl) !== process.argv[1]) return;
  runAlone(options).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}

async function runAlone({ flag, defaultOrders, rows }: { flag: string; defaultOrders: number; rows: PlatformRows }): Promise<number> {
  const i = process.argv.indexOf(`--${flag}`);
  const orders = i >= 0 ? Number(process.argv[i + 1]) : defaultOrders;
  if (!Number.isInteger(orders) || orders <= 0) throw new Error(`--${flag} needs a positive whole number`);
  const dataDir = await mkdtemp(join(tmpdir(), `dockhand-bench-${flag}-`));
  const engine = await startEngineWorker({ dataDir, startScheduler: false });
  const failures: string[] = [];
  try {
    const call: Call = (method, input) => engine.call(method, input) as never;
    await call('account.setup', { mode: 'fulfillment' });
    const merchant = await call('merchants.create', { name: 'Bench Merchant', code: 'BENCH' });
    console.table(await rows(call, merchant.id, (ok, what) => void (ok || failures.push(what)), orders));
    for (const f of failures) console.log(`FAILED: ${f}`);
    return failures.length > 0 ? 1 : 0;
  } finally {
    await engine.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
