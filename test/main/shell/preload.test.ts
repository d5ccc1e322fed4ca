import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DockhandBridge } from '../../../shared/bridge-api.js';

/** Electron's preload side, replaced: records what the preload exposes and sends. */
const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    exposed: new Map<string, unknown>(),
    invoked: [] as unknown[][],
    listeners,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void electron.exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        electron.invoked.push(args);
        return { ok: true, value: 'answer' };
      },
      on: (channel: string, fn: (...args: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(fn);
      },
      removeListener: (channel: string, fn: (...args: unknown[]) => void) => void listeners.get(channel)?.delete(fn),
    },
  };
});
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

let bridge: DockhandBridge;
beforeEach(async () => {
  await import('../../../main/shell/preload.js');
  bridge = electron.exposed.get('dockhand') as DockhandBridge;
});

describe('the preload bridge', () => {
  it('exposes window.dockhand and nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['dockhand']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'onEvent']);
  });

  it('sends a call on the one call channel and returns the relay\'s answer', async () => {
    expect(await bridge.call('account.get', {})).toEqual({ ok: true, value: 'answer' });
    expect(electron.invoked).toContainEqual(['dockhand:call', 'account.get', {}]);
  });

  it('hands engine events to the listener without the IPC event, until unsubscribed', () => {
    const seen: unknown[] = [];
    const stop = bridge.onEvent((event) => seen.push(event));
    const event = { type: 'alert', at: '2026-01-01T00:00:00.000Z', data: { alert: { id: 1 } } };
    for (const fn of electron.listeners.get('dockhand:event') ?? []) fn({ sender: 'ipc internals' }, event);
    stop();
    for (const fn of electron.listeners.get('dockhand:event') ?? []) fn({ sender: 'ipc internals' }, event);
    expect(seen).toEqual([event]);
  });
});
