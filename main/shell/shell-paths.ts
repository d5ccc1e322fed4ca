import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TrayIconVariant } from './tray-state.js';

/**
 * Where the shell finds its parts. scripts/build-shell.ts lays them out next to the bundled main.mjs:
 *   dist/shell/main.mjs, preload.cjs, engine-worker.mjs, icon.png, tray/<variant>.png (+ @2x)
 *   dist/renderer/index.html (vite build)
 */
export interface ShellPaths {
  preload: string;
  engineWorker: string;
  rendererDir: string;
  appIcon: string;
  trayIcon(variant: TrayIconVariant): string;
}

export function shellPaths(mainModuleUrl: string): ShellPaths {
  const shellDir = fileURLToPath(new URL('.', mainModuleUrl));
  return {
    preload: join(shellDir, 'preload.cjs'),
    engineWorker: join(shellDir, 'engine-worker.mjs'),
    rendererDir: join(shellDir, '..', 'renderer'),
    appIcon: join(shellDir, 'icon.png'),
    trayIcon: (variant) => join(shellDir, 'tray', `${variant}.png`),
  };
}

/** The engine's data: $DOCKHAND_DATA_DIR, else a `data` folder in Electron's per-user folder (which
 * also holds Chromium's caches and the shell's own settings). */
export function shellDataDir(env: NodeJS.ProcessEnv, userDataDir: string): string {
  return env.DOCKHAND_DATA_DIR || join(userDataDir, 'data');
}
