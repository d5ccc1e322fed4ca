import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DockhandError } from '../../../shared/errors.js';
import type { Engine, EngineEvent } from '../../../main/engine/engine-api.js';
import { startEngineWorker } from '../../../main/host/worker-engine.js';

const testEngineModule = fileURLToPath(new URL('./fixtures/test-engine-module.ts', import.meta.url));

let dataDir: string;
let engine: Engine | undefined;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dockhand-worker-'));
});
afterEach(async () => {
  await engine?.close();
  engine = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

/** The error a promise rejects with; a promise that resolves fails the test. */
const failure = (promise: Promise<unknown>): Promise<DockhandError> =>
  promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (err: DockhandError) => err,
  );

const start = (extra: { onUnexpectedExit?: (code: number) => void } = {}) =>
  startEngineWorker({ dataDir, engineModule: testEngineModule, closeTimeoutMs: 5_000, ...extra });

describe('the engine worker', () => {
  it('runs TypeScript engine code in a worker thread and relays a call and its result', async () => {
    engine = await start();
    expect(await engine.call('echo.say', { text: 'hi', n: [1, 2] })).toEqual({ echoed: { text: 'hi', n: [1, 2] } });
  });

  it('turns an engine error back into a DockhandError with its kind, fields and retry delay', async () => {
    engine = await start();
    const error = await failure(engine.call('fail.data', {}));
    expect(error).toBeInstanceOf(DockhandError);
    expect(error.toBody()).toEqual({ kind: 'data', message: 'Bad order', fields: { 'order.number': 'Missing' } });
    const limited = await failure(engine.call('fail.rateLimited', {}));
    expect(limited.kind).toBe('rate_limited');
    expect(limited.retryAfterMs).toBe(2500);
  });

  it('hides an unexpected error behind an internal error and logs the detail in the data folder', async () => {
    engine = await start();
    const error = await failure(engine.call('fail.crash', {}));
    expect(error.kind).toBe('internal');
    expect(error.message).not.toContain('SELECT');
    await engine.close();
    engine = undefined;
    const logText = await readFile(join(dataDir, 'logs', 'dockhand.log'), 'utf8');
    expect(logText).toContain('SELECT * FROM secrets exploded');
    expect(logText).not.toContain('must-not-appear-in-the-log');
  });

  it('gives the engine a key-file secret cipher in the data folder', async () => {
    engine = await start();
    const result = (await engine.call('secrets.roundTrip', { plain: 'pw' })) as { sealed: string; opened: string };
    expect(result.opened).toBe('pw');
    expect(result.sealed.startsWith('v1:')).toBe(true);
    if (process.platform !== 'win32') expect((await stat(join(dataDir, 'secret.key'))).mode & 0o777).toBe(0o600);
  });

  it('relays engine events to every listener until it unsubscribes', async () => {
    engine = await start();
    const seen: EngineEvent[] = [];
    const gotOne = new Promise<void>((resolve) => {
      const off = engine!.onEvent((event) => {
        seen.push(event);
        off();
        resolve();
      });
    });
    await engine.call('events.emit', { n: 1 });
    await gotOne;
    await engine.call('events.emit', { n: 2 });
    await engine.call('echo.say', {}); // a round trip after the second event: it would have arrived by now
    expect(seen.map((event) => [event.type, event.data])).toEqual([['run.progress', { n: 1 }]]);
  });

  it('rejects pending calls with a transient error when the worker dies, and reports the exit', async () => {
    let reportExit: (code: number) => void = () => {};
    const exited = new Promise<number>((resolve) => (reportExit = resolve));
    engine = await start({ onUnexpectedExit: (code) => reportExit(code) });
    const hanging = failure(engine.call('hang', {}));
    await engine.call('die', {});
    const error = await hanging;
    expect(error).toBeInstanceOf(DockhandError);
    expect(error.kind).toBe('transient');
    expect(await exited).toBe(3);
    expect((await failure(engine.call('echo.say', {}))).kind).toBe('transient');
  });

  it('closes the engine on close() and then refuses calls', async () => {
    engine = await start();
    await engine.close();
    expect((await readFile(join(dataDir, 'engine-closed'), 'utf8')).length).toBeGreaterThan(0);
    const error = await failure(engine.call('echo.say', {}));
    expect(error.kind).toBe('transient');
    engine = undefined;
  });

  it('rejects the start with the engine\'s own error when it cannot start', async () => {
    dataDir = join(dataDir, 'fail-to-start');
    await mkdir(dataDir);
    const error = await failure(start());
    expect(error).toBeInstanceOf(DockhandError);
    expect(error.toBody()).toEqual({ kind: 'config', message: 'This data folder refuses to start' });
  });
});
