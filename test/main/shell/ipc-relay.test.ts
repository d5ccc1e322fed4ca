import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { BridgeEvent } from '../../../shared/bridge-api.js';
import { DockhandError } from '../../../shared/errors.js';
import type { Engine } from '../../../main/engine/engine-api.js';
import { createMemoryLogger } from '../../../main/engine/log/index.js';
import { silentLogger } from '../../../main/engine/platform/ports.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../main/shell/ipc-channels.js';
import { forwardEngineEvents, registerIpcRelay, relayCall, type IpcMainPort } from '../../../main/shell/ipc-relay.js';
import type { SenderInfo } from '../../../main/shell/sender-check.js';
import { fakeEngine } from '../server/fixtures/fake-engine.js';

const contract = {
  'account.get': { input: z.object({}), description: 'account' },
  'merchants.get': { input: z.object({ id: z.number() }), description: 'one merchant' },
  'boom.crash': { input: z.object({}), description: 'crashes' },
};

const OUR_WINDOW = 7;
const ours: SenderInfo = { webContentsId: OUR_WINDOW, frameUrl: 'dockhand://app/index.html', isTopFrame: true };

function relay(engine: Engine, log = silentLogger) {
  return {
    call: (method: unknown, input: unknown, sender: SenderInfo = ours) =>
      relayCall({ engine: Promise.resolve(engine), contract, trustedWebContentsId: () => OUR_WINDOW, log }, sender, method, input),
  };
}

const engine = () =>
  fakeEngine({
    'account.get': () => ({ configured: true }),
    'merchants.get': (input) => {
      if (typeof (input as { id?: unknown }).id !== 'number') throw new DockhandError('validation', 'Invalid input', { fields: { id: 'Expected a number' } });
      return { id: (input as { id: number }).id };
    },
    'boom.crash': () => {
      throw new Error('SELECT * FROM secrets failed at line 3');
    },
  });

describe('the IPC relay', () => {
  it('passes a contract method from our window to the engine and returns its value', async () => {
    const fake = engine();
    expect(await relay(fake).call('merchants.get', { id: 4 })).toEqual({ ok: true, value: { id: 4 } });
    expect(fake.calls).toEqual([{ method: 'merchants.get', input: { id: 4 } }]);
  });

  it('sends an empty object when the window gives no input', async () => {
    const fake = engine();
    await relay(fake).call('account.get', undefined);
    expect(fake.calls[0].input).toEqual({});
  });

  it('returns the engine\'s validation error with its field messages', async () => {
    expect(await relay(engine()).call('merchants.get', { id: 'four' })).toEqual({
      ok: false,
      error: { kind: 'validation', message: 'Invalid input', fields: { id: 'Expected a number' } },
    });
  });

  it('refuses a method that is not in the contract without reaching the engine', async () => {
    const fake = engine();
    for (const method of ['nope.nothing', 'constructor', '__proto__', 42, null]) {
      const result = await relay(fake).call(method, {});
      expect(result).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    }
    expect(fake.calls).toEqual([]);
  });

  it('refuses calls from another window, a subframe or a page that is not ours', async () => {
    const fake = engine();
    const strangers: SenderInfo[] = [
      { ...ours, webContentsId: 8 },
      { ...ours, isTopFrame: false },
      { ...ours, frameUrl: 'https://evil.example/index.html' },
      { ...ours, frameUrl: 'file:///tmp/index.html' },
      { ...ours, frameUrl: null },
    ];
    for (const sender of strangers) {
      expect(await relay(fake).call('account.get', {}, sender)).toMatchObject({ ok: false, error: { kind: 'auth' } });
    }
    expect(fake.calls).toEqual([]);
  });

  it('hides an unexpected error behind a generic message and logs the detail', async () => {
    const log = createMemoryLogger();
    const result = await relay(engine(), log).call('boom.crash', {});
    expect(result).toEqual({ ok: false, error: { kind: 'internal', message: 'Internal error; the details are in the Dockhand log' } });
    expect(JSON.stringify(log.entries)).toContain('SELECT * FROM secrets');
  });

  it('answers with the start error when the engine failed to start', async () => {
    const failed = Promise.reject(new DockhandError('config', 'The data folder is locked by another Dockhand'));
    failed.catch(() => {});
    const result = await relayCall({ engine: failed, contract, trustedWebContentsId: () => OUR_WINDOW, log: silentLogger }, ours, 'account.get', {});
    expect(result).toEqual({ ok: false, error: { kind: 'config', message: 'The data folder is locked by another Dockhand' } });
  });

  it('registers one handler on the call channel that reads the sender from the IPC event', async () => {
    type Listener = Parameters<IpcMainPort['handle']>[1];
    const handlers = new Map<string, Listener>();
    const ipcMain: IpcMainPort = {
      handle: (channel, handler) => void handlers.set(channel, handler),
      removeHandler: (channel: string) => void handlers.delete(channel),
    };
    const remove = registerIpcRelay({ ipcMain, engine: Promise.resolve(engine()), contract, trustedWebContentsId: () => OUR_WINDOW, log: silentLogger });
    expect([...handlers.keys()]).toEqual([CALL_CHANNEL]);
    const event = { sender: { id: OUR_WINDOW }, senderFrame: { url: 'dockhand://app/index.html', parent: null } } as unknown as Parameters<Listener>[0];
    expect(await handlers.get(CALL_CHANNEL)!(event, 'account.get', {})).toEqual({ ok: true, value: { configured: true } });
    const framed = { sender: { id: OUR_WINDOW }, senderFrame: { url: 'dockhand://app/index.html', parent: {} } } as unknown as Parameters<Listener>[0];
    expect(await handlers.get(CALL_CHANNEL)!(framed, 'account.get', {})).toMatchObject({ ok: false, error: { kind: 'auth' } });
    remove();
    expect(handlers.size).toBe(0);
  });
});

describe('forwarding engine events to the window', () => {
  it('sends each event on the event channel while the window exists', () => {
    const fake = engine();
    const sent: [string, BridgeEvent][] = [];
    let destroyed = false;
    const target = { isDestroyed: () => destroyed, send: (channel: string, event: BridgeEvent) => void sent.push([channel, event]) };
    forwardEngineEvents(fake, () => target, silentLogger);
    const event = { type: 'run.started' as const, at: '2026-01-01T00:00:00.000Z', data: { runId: 1 } };
    fake.emit(event);
    destroyed = true;
    fake.emit(event);
    expect(sent).toEqual([[EVENT_CHANNEL, event]]);
  });

  it('drops events while there is no window, and unsubscribes', () => {
    const fake = engine();
    const stop = forwardEngineEvents(fake, () => null, silentLogger);
    expect(() => fake.emit({ type: 'alert', at: '2026-01-01T00:00:00.000Z', data: {} })).not.toThrow();
    stop();
    expect(fake.listenerCount()).toBe(0);
  });
});
