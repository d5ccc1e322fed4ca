import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { app, dialog, ipcMain, protocol, safeStorage, session, shell, type BrowserWindow } from 'electron';
import { contract } from '../../shared/contract.js';
import type { Engine } from '../engine/engine-api.js';
import { createJsonFileLogger } from '../host/json-logger.js';
import { startFailure } from '../host/start-failure.js';
import { startEngineWorker } from '../host/worker-engine.js';
import { forwardEngineEvents, registerIpcRelay } from './ipc-relay.js';
import { applyStartAtLogin, startedHidden } from './login-item.js';
import { rendererFileHandler } from './renderer-files.js';
import { RENDERER_SCHEME } from './renderer-origin.js';
import { loadSecretKey } from './safe-storage-key.js';
import { shellDataDir, shellPaths } from './shell-paths.js';
import { openShellSettings } from './shell-settings-file.js';
import { createShutdown } from './shutdown.js';
import { createAlertNotifier } from './alert-notifier.js';
import { showDesktopNotification } from './desktop-notification.js';
import { createAppTray, type AppTray } from './tray.js';
import { createTrayController, type TrayController } from './tray-controller.js';
import { denyAllPermissions, guardWebContents } from './web-contents-guard.js';
import { createConsentLinks, noticingConsentLinks } from './consent-links.js';
import { isAppLink } from './external-links.js';
import { createMainWindow, showWindow } from './window.js';

/**
 * The Electron app's main process: one instance, one window, a tray, the engine in a worker thread.
 * Closing the window keeps Dockhand syncing in the tray; Quit (tray, OS, or a signal) saves and exits.
 */

// Before anything reads it: the same per-user folder whether run from sources or packaged.
app.setPath('userData', join(app.getPath('appData'), 'Dockhand'));
protocol.registerSchemesAsPrivileged([{ scheme: RENDERER_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  // Another Dockhand runs: it got 'second-instance' and shows its window. Nothing to do here.
  app.exit(0);
} else {
  run();
}

function run(): void {
  const paths = shellPaths(import.meta.url);
  const dataDir = resolve(shellDataDir(process.env, app.getPath('userData')));
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const log = createJsonFileLogger({ file: join(dataDir, 'logs', 'shell.log'), echoErrors: true });
  const openExternal = (url: string) => void shell.openExternal(url).catch((err) => log.log('warn', 'Could not open a link', { error: err }));

  let window: BrowserWindow | null = null;
  let tray: AppTray | null = null;
  let trayController: TrayController | null = null;
  let engineStart: Promise<Engine> | null = null;

  const shutdown = createShutdown({
    beforeClose() {
      trayController?.stop();
    },
    async closeEngine() {
      const engine = await engineStart?.catch(() => null);
      await engine?.close();
      log.log('info', 'Stopped');
      await log.close();
    },
    exit(code) {
      tray?.destroy();
      app.exit(code);
    },
    onError(err) {
      log.log('error', 'Shutdown failed', { error: err });
    },
  });
  const fatal = (title: string, err: unknown) => {
    if (shutdown.started) return;
    log.log('error', title, { error: err });
    dialog.showErrorBox(title, `${(err as Error)?.message ?? String(err)}\n\nThe log is in ${join(dataDir, 'logs')}.`);
    void log.close().finally(() => app.exit(1));
  };

  // Only the origin: a refused link may carry anything in its path or query.
  const refusedLink = (url: string) => log.log('warn', 'Refused to open a link the app did not make', { origin: URL.canParse(url) ? new URL(url).origin : 'unreadable' });
  // Consent pages (a marketplace's login) open only exactly as the engine made them for this window.
  const consentLinks = createConsentLinks();
  const opens = (url: string) => isAppLink(url) || consentLinks.has(url);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternal, refusedLink, opens));
  app.on('second-instance', () => openWindow());
  app.on('activate', () => openWindow());
  // The window only hides; should it ever be gone, Dockhand still lives in the tray.
  app.on('window-all-closed', () => {});
  app.on('before-quit', (event) => {
    event.preventDefault();
    void shutdown.run();
  });
  process.on('SIGINT', () => void shutdown.run());
  process.on('SIGTERM', () => void shutdown.run());

  function openWindow(): void {
    if (!app.isReady() || shutdown.started) return;
    if (!window || window.isDestroyed()) window = newWindow(false);
    showWindow(window);
  }

  let settings: ReturnType<typeof openShellSettings>;
  function newWindow(startHidden: boolean): BrowserWindow {
    return createMainWindow({
      paths,
      savedBounds: settings.read().windowBounds,
      startHidden,
      devTools: !app.isPackaged,
      quitting: () => shutdown.started,
      onBoundsChanged: (bounds) => settings.saveWindowBounds(bounds),
      onLoadFailed: (err) => log.log('error', 'The window could not load the screens', { error: err }),
    });
  }

  const loginHost = () => ({ platform: process.platform, app, env: process.env, execPath: process.execPath });

  void app.whenReady().then(async () => {
    log.log('info', 'Dockhand (Electron) starting', { dataDir, version: app.getVersion() });
    denyAllPermissions(session.defaultSession);
    protocol.handle(RENDERER_SCHEME, rendererFileHandler(paths.rendererDir));
    settings = openShellSettings();

    let secretKey: Buffer | undefined;
    try {
      const source = loadSecretKey({ dataDir, seal: safeStorage, log });
      secretKey = source.kind === 'sealed' ? source.key : undefined;
    } catch (err) {
      return fatal('Dockhand cannot open its secrets', err);
    }

    engineStart = startEngineWorker({
      dataDir,
      log,
      secretKey,
      // From the bundle (dist/shell/main.mjs) the worker is the bundled one next to it.
      workerScript: import.meta.url.endsWith('.mjs') ? paths.engineWorker : undefined,
      onUnexpectedExit: (code) => fatal('The Dockhand engine stopped', new Error(`The engine stopped unexpectedly (exit code ${code})`)),
    });
    // The window appears (and may call) while the engine starts; its calls wait for it.
    registerIpcRelay({
      ipcMain,
      engine: engineStart.then((engine) => noticingConsentLinks(engine, consentLinks)),
      contract,
      trustedWebContentsId: () => (window && !window.isDestroyed() ? window.webContents.id : null),
      log,
    });
    window = newWindow(startedHidden(process.argv, app.getLoginItemSettings().wasOpenedAtLogin));

    tray = createAppTray({
      iconFile: paths.trayIcon,
      handlers: {
        command(command) {
          if (command === 'open') openWindow();
          else if (command === 'quit') void shutdown.run();
          else if (command === 'run-all') void trayController?.runAll();
          else if (command === 'pause-all') void trayController?.pauseAll();
          else if (command === 'resume-all') void trayController?.resumeAll();
        },
        startAtLogin(enabled) {
          try {
            applyStartAtLogin(enabled, loginHost());
            settings.saveStartAtLogin(enabled);
          } catch (err) {
            log.log('warn', 'Could not change start at login', { error: err });
          }
          trayController?.rerender();
        },
      },
    });

    let engine: Engine;
    try {
      engine = await engineStart;
    } catch (err) {
      return fatal(startFailure(err).title, err);
    }
    forwardEngineEvents(engine, () => (window && !window.isDestroyed() ? window.webContents : null), log);
    const alertNotifier = createAlertNotifier((notice) =>
      showDesktopNotification(notice, () => {
        openWindow();
        if (window && !window.isDestroyed()) window.webContents.executeJavaScript(`location.hash = ${JSON.stringify(notice.link)}`).catch(() => undefined);
      }),
    );
    trayController = createTrayController({
      engine,
      render: (view) => tray?.render(view),
      startAtLogin: () => settings.read().startAtLogin,
      log,
      onAlerts: (alerts) => alertNotifier.update(alerts),
    });
    await trayController.start();
    log.log('info', 'Dockhand (Electron) started');
  });
}
