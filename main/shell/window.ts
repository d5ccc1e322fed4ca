import { BrowserWindow, screen } from 'electron';
import { RENDERER_START_URL } from './renderer-origin.js';
import type { ShellPaths } from './shell-paths.js';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, restorableBounds, type Bounds } from './window-bounds.js';

/**
 * The one window: isolated, sandboxed, no Node, showing our pages from the custom scheme (see
 * renderer-files.ts; the CSP arrives as a header with every page). Closing it hides it: syncing goes on in
 * the tray until Quit.
 */
export interface MainWindowOptions {
  paths: ShellPaths;
  savedBounds: Bounds | null;
  /** Started at login: stay in the tray until opened. */
  startHidden: boolean;
  devTools: boolean;
  /** Whether a close should really close (the app is quitting) rather than hide. */
  quitting: () => boolean;
  onBoundsChanged: (bounds: Bounds) => void;
  onLoadFailed: (err: unknown) => void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const bounds = restorableBounds(options.savedBounds, screen.getAllDisplays().map((display) => display.workArea));
  const window = new BrowserWindow({
    ...(bounds ?? DEFAULT_WINDOW_SIZE),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Dockhand',
    icon: options.paths.appIcon,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  });

  if (!options.startHidden) window.once('ready-to-show', () => window.show());

  let saveTimer: NodeJS.Timeout | undefined;
  const saveBounds = () => {
    clearTimeout(saveTimer);
    // Moving a window fires dozens of events a second; write the settings file once it settles.
    saveTimer = setTimeout(() => {
      if (!window.isDestroyed() && !window.isMinimized() && !window.isMaximized()) options.onBoundsChanged(window.getBounds());
    }, 500);
  };
  window.on('resize', saveBounds);
  window.on('move', saveBounds);
  window.on('close', (event) => {
    if (!window.isMinimized() && !window.isMaximized()) options.onBoundsChanged(window.getBounds());
    if (options.quitting()) return;
    event.preventDefault();
    window.hide();
  });
  window.on('closed', () => clearTimeout(saveTimer));

  window.loadURL(RENDERER_START_URL).catch(options.onLoadFailed);
  return window;
}

/** Brings the window to the front (tray "Open", a second launch, the macOS dock). */
export function showWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
