import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SEALED_KEY_FILE } from '../../../main/shell/safe-storage-key.js';
import { app, becomeReady, recorded, type FakeBrowserWindow } from './fixtures/fake-electron.js';

// main.ts driven with Electron replaced (fixtures/fake-electron.ts) and the test engine in a real worker
// thread: the lifecycle the real binary would run, minus the pixels.
vi.mock('electron', () => import('./fixtures/fake-electron.js'));
vi.mock('electron-store', () => ({
  default: class {
    private values = new Map<string, unknown>();
    get(key: string) {
      return this.values.get(key);
    }
    set(key: string, value: unknown) {
      this.values.set(key, value);
    }
  },
}));

const signalHandlers = new Map<string, () => void>();
let dataDir: string;
let window: FakeBrowserWindow;
const saved = { data: process.env.DOCKHAND_DATA_DIR, engine: process.env.DOCKHAND_TEST_ENGINE };

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dockhand-main-'));
  process.env.DOCKHAND_DATA_DIR = dataDir;
  process.env.DOCKHAND_TEST_ENGINE = fileURLToPath(new URL('../host/fixtures/test-engine-module.ts', import.meta.url));
  // Keep the app's signal handlers out of the test process (they would end it), but note them.
  const on = process.on.bind(process);
  vi.spyOn(process, 'on').mockImplementation(((event: string, listener: () => void) => {
    if (event === 'SIGINT' || event === 'SIGTERM') {
      signalHandlers.set(event, listener);
      return process;
    }
    return on(event, listener);
  }) as typeof process.on);
  await import('../../../main/shell/main.js');
  becomeReady();
  await vi.waitFor(() => expect(recorded.trays[0]?.tooltip).toMatch(/^Dockhand: /), { timeout: 20_000, interval: 50 });
  window = recorded.windows[0];
});

afterAll(() => {
  vi.restoreAllMocks();
  process.env.DOCKHAND_DATA_DIR = saved.data;
  process.env.DOCKHAND_TEST_ENGINE = saved.engine;
  if (saved.data === undefined) delete process.env.DOCKHAND_DATA_DIR;
  if (saved.engine === undefined) delete process.env.DOCKHAND_TEST_ENGINE;
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the Electron main process (Electron replaced)', () => {
  it('opens one isolated, sandboxed window without Node on our own scheme', () => {
    expect(recorded.windows).toHaveLength(1);
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(window.loadedUrl).toBe('dockhand://app/index.html');
    expect(recorded.privilegedSchemes).toEqual([{ scheme: 'dockhand', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(recorded.protocolHandlers.has('dockhand')).toBe(true);
  });

  it('denies every permission request', () => {
    let granted: boolean | undefined;
    recorded.permissionRequest!(null, 'notifications', (answer) => (granted = answer));
    expect(granted).toBe(false);
    expect(recorded.permissionCheck!()).toBe(false);
  });

  it('seals the secrets key with safeStorage in the data folder', () => {
    expect(existsSync(join(dataDir, SEALED_KEY_FILE))).toBe(true);
    expect(existsSync(join(dataDir, 'secret.key'))).toBe(false);
  });

  it('relays a call from its window to the engine in the worker, and refuses another sender', async () => {
    const handler = recorded.ipcHandlers.get('dockhand:call')!;
    const fromWindow = { sender: { id: window.webContents.id }, senderFrame: { url: 'dockhand://app/index.html', parent: null } };
    expect(await handler(fromWindow, 'account.get', {})).toEqual({ ok: true, value: { configured: false, mode: null } });
    const stranger = { sender: { id: 999 }, senderFrame: { url: 'dockhand://app/index.html', parent: null } };
    expect(await handler(stranger, 'account.get', {})).toMatchObject({ ok: false, error: { kind: 'auth' } });
  });

  it('hides the window instead of closing it, and a second launch shows it again', () => {
    window.visible = true;
    expect(window.tryClose()).toBe(true);
    expect(window.visible).toBe(false);
    app.emit('second-instance');
    expect(window.visible).toBe(true);
    expect(recorded.windows).toHaveLength(1);
  });

  it('offers Open, Run all now, Pause all and Quit in the tray', () => {
    const labels = recorded.trays[0].menu.filter((item) => item.label).map((item) => item.label);
    expect(labels).toEqual(['Open Dockhand', 'Run all now', 'Pause all', 'Start at login', 'Quit Dockhand']);
  });

  it('on Quit closes the engine (which saves) before exiting with 0, once', async () => {
    recorded.trays[0].click('Quit Dockhand');
    signalHandlers.get('SIGINT')?.();
    await vi.waitFor(() => expect(recorded.exitCodes).toEqual([0]), { timeout: 10_000, interval: 50 });
    expect(existsSync(join(dataDir, 'engine-closed'))).toBe(true);
    expect(window.tryClose()).toBe(false);
  });
});
