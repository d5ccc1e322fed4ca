import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type {
  BudgetWindow,
  BucketReading,
  ConfirmationsWritten,
  FakesRequest,
  FakesResponse,
  FtpInfo,
  ShopInfo,
  ShopSpec,
  ShopStats,
} from './fakes-protocol.js';

/** The benchmark's handle on its fakes process (fake Shopify shops + FTP server). */
export interface Fakes {
  startShop(name: string, spec: ShopSpec): Promise<ShopInfo>;
  startFtp(root: string): Promise<FtpInfo>;
  bucket(name: string): Promise<BucketReading>;
  stats(name: string, options?: { countFulfillments?: boolean }): Promise<ShopStats>;
  budget(name: string, startMs: number, endMs: number): Promise<BudgetWindow>;
  /** The warehouse ships everything delivered (runs in the fakes process, off the host's loop). */
  writeConfirmations(ordersDir: string, confirmationsDir: string): Promise<ConfirmationsWritten>;
  memory(): Promise<{ rssMB: number; maxRssMB: number }>;
  /** CPU seconds (user + system) the fakes process has used so far. */
  cpuSec(): Promise<number>;
  close(): Promise<void>;
}

type Body<T> = T extends unknown ? Omit<T, 'id'> : never;

export async function startFakes(repoRoot: string): Promise<Fakes> {
  const script = fileURLToPath(new URL('./fakes-process.ts', import.meta.url));
  const child: ChildProcess = fork(script, [], {
    cwd: repoRoot,
    // The fake answers with short-lived objects by the million: a larger young generation collects them
    // there instead of promoting them into a 1 GB old generation (its GC took a third of its CPU, which
    // the engine's two cores share). BENCH_FAKES_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles it.
    execArgv: [
      '--import',
      'tsx',
      '--max-semi-space-size=32',
      ...(process.env.BENCH_FAKES_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let exited: Error | undefined;

  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (message: FakesResponse) => {
      if (message.id === 0) return resolve();
      const call = pending.get(message.id);
      if (!call) return;
      pending.delete(message.id);
      if (message.ok) call.resolve(message.value);
      else call.reject(new Error(`fakes process: ${message.error}`));
    });
    child.on('exit', (code, signal) => {
      exited = new Error(`the fakes process exited (code ${code}, signal ${signal})`);
      for (const call of pending.values()) call.reject(exited);
      pending.clear();
      reject(exited);
    });
  });
  await ready;

  const request = <T>(body: Body<FakesRequest>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (exited) return reject(exited);
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ ...body, id } as FakesRequest);
    });

  return {
    startShop: (name, spec) => request({ cmd: 'startShop', name, spec }),
    startFtp: (root) => request({ cmd: 'startFtp', root }),
    bucket: (name) => request({ cmd: 'bucket', name }),
    stats: (name, options) => request({ cmd: 'stats', name, countFulfillments: options?.countFulfillments ?? false }),
    budget: (name, startMs, endMs) => request({ cmd: 'budget', name, startMs, endMs }),
    writeConfirmations: (ordersDir, confirmationsDir) => request({ cmd: 'writeConfirmations', ordersDir, confirmationsDir }),
    memory: () => request({ cmd: 'memory' }),
    cpuSec: () => request({ cmd: 'cpu' }),
    async close() {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await request({ cmd: 'close' }).catch(() => {});
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    },
  };
}
