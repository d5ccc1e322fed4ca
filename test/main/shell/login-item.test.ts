import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyStartAtLogin, autostartEntry, startedHidden, type LoginItemHost } from '../../../main/shell/login-item.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'dockhand-home-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function host(platform: NodeJS.Platform, over: Partial<LoginItemHost> = {}) {
  const calls: unknown[] = [];
  const value: LoginItemHost = {
    platform,
    app: { setLoginItemSettings: (settings) => void calls.push(settings), isPackaged: true, getAppPath: () => '/src/dockhand' },
    env: {},
    execPath: '/opt/Dockhand/dockhand',
    home,
    ...over,
  };
  return { value, calls };
}

describe('start at login', () => {
  it('uses Electron\'s login item on Windows and macOS, starting hidden', () => {
    const { value, calls } = host('win32');
    applyStartAtLogin(true, value);
    applyStartAtLogin(false, value);
    expect(calls).toEqual([
      { openAtLogin: true, args: ['--hidden'] },
      { openAtLogin: false, args: ['--hidden'] },
    ]);
  });

  it('writes and removes an XDG autostart entry on Linux', () => {
    const { value, calls } = host('linux', { env: { APPIMAGE: '/home/me/Apps/Dockhand 1.0.AppImage' } });
    applyStartAtLogin(true, value);
    const file = join(home, '.config', 'autostart', 'dockhand.desktop');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('[Desktop Entry]');
    expect(text).toContain('Exec="/home/me/Apps/Dockhand 1.0.AppImage" --hidden');
    applyStartAtLogin(false, value);
    expect(existsSync(file)).toBe(false);
    expect(calls).toEqual([]);
  });

  it('starts the app folder through the Electron binary when not packaged', () => {
    const { value } = host('linux', { app: { setLoginItemSettings: () => {}, isPackaged: false, getAppPath: () => '/src/dockhand' }, env: { XDG_CONFIG_HOME: join(home, 'cfg') } });
    applyStartAtLogin(true, value);
    expect(readFileSync(join(home, 'cfg', 'autostart', 'dockhand.desktop'), 'utf8')).toContain('Exec=/opt/Dockhand/dockhand /src/dockhand --hidden');
  });

  it('quotes what the desktop entry spec reserves', () => {
    expect(autostartEntry(['/a b/$x"y', '--hidden'])).toContain('Exec="/a b/\\$x\\"y" --hidden');
  });

  it('starts hidden when launched by the login item', () => {
    expect(startedHidden(['dockhand', '--hidden'], false)).toBe(true);
    expect(startedHidden(['dockhand'], true)).toBe(true);
    expect(startedHidden(['dockhand'], false)).toBe(false);
  });
});
