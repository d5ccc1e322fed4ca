import { z } from 'zod';
import type { Bounds } from './window-bounds.js';

/**
 * Settings of the shell itself (not of the engine): where the window was and whether Dockhand starts at
 * login. Kept with electron-store in the user-data folder (`shell-settings.json`). A value edited by hand
 * into nonsense reads as the default rather than breaking the start.
 */

const boundsSchema = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });

export const shellSettingsSchema = z.object({
  windowBounds: boundsSchema.nullable().catch(null),
  startAtLogin: z.boolean().catch(false),
});
export type ShellSettings = z.infer<typeof shellSettingsSchema>;

export const DEFAULT_SHELL_SETTINGS: ShellSettings = { windowBounds: null, startAtLogin: false };

/** The few calls used of electron-store, so tests can pass a Map-backed fake. */
export interface SettingsBackend {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface ShellSettingsStore {
  read(): ShellSettings;
  saveWindowBounds(bounds: Bounds): void;
  saveStartAtLogin(enabled: boolean): void;
}

export function shellSettingsStore(backend: SettingsBackend): ShellSettingsStore {
  return {
    read() {
      return shellSettingsSchema.parse({
        windowBounds: backend.get('windowBounds') ?? DEFAULT_SHELL_SETTINGS.windowBounds,
        startAtLogin: backend.get('startAtLogin') ?? DEFAULT_SHELL_SETTINGS.startAtLogin,
      });
    },
    saveWindowBounds(bounds) {
      backend.set('windowBounds', boundsSchema.parse(bounds));
    },
    saveStartAtLogin(enabled) {
      backend.set('startAtLogin', enabled === true);
    },
  };
}
