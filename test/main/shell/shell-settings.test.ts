import { describe, expect, it } from 'vitest';
import { DEFAULT_SHELL_SETTINGS, shellSettingsStore } from '../../../main/shell/shell-settings.js';
import { restorableBounds } from '../../../main/shell/window-bounds.js';

const mapBackend = (initial: Record<string, unknown> = {}) => {
  const map = new Map(Object.entries(initial));
  return { map, get: (key: string) => map.get(key), set: (key: string, value: unknown) => void map.set(key, value) };
};

describe('the shell settings', () => {
  it('start with no saved bounds and start at login off', () => {
    expect(shellSettingsStore(mapBackend()).read()).toEqual(DEFAULT_SHELL_SETTINGS);
  });

  it('keep window bounds and start at login', () => {
    const backend = mapBackend();
    const store = shellSettingsStore(backend);
    store.saveWindowBounds({ x: 10, y: 20, width: 1000, height: 700 });
    store.saveStartAtLogin(true);
    expect(shellSettingsStore(backend).read()).toEqual({ windowBounds: { x: 10, y: 20, width: 1000, height: 700 }, startAtLogin: true });
  });

  it('read values edited into nonsense as the defaults', () => {
    const store = shellSettingsStore(mapBackend({ windowBounds: { x: 'left' }, startAtLogin: 'yes' }));
    expect(store.read()).toEqual(DEFAULT_SHELL_SETTINGS);
  });
});

describe('restoring the window bounds', () => {
  const screens = [{ x: 0, y: 0, width: 1920, height: 1040 }];

  it('keeps bounds that are on a screen', () => {
    expect(restorableBounds({ x: 100, y: 50, width: 1200, height: 800 }, screens)).toEqual({ x: 100, y: 50, width: 1200, height: 800 });
  });

  it('drops bounds on a monitor that is gone, above the top edge, or too small', () => {
    expect(restorableBounds({ x: 2500, y: 50, width: 1200, height: 800 }, screens)).toBeNull();
    expect(restorableBounds({ x: 100, y: -300, width: 1200, height: 800 }, screens)).toBeNull();
    expect(restorableBounds({ x: 100, y: 50, width: 200, height: 100 }, screens)).toBeNull();
    expect(restorableBounds(null, screens)).toBeNull();
  });

  it('keeps bounds on a second monitor left of the first', () => {
    const two = [...screens, { x: -1280, y: 0, width: 1280, height: 1000 }];
    expect(restorableBounds({ x: -1200, y: 10, width: 1000, height: 700 }, two)).toEqual({ x: -1200, y: 10, width: 1000, height: 700 });
  });
});
