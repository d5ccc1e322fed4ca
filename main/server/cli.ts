import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { contract } from '../../shared/contract.js';
import type { Engine } from '../engine/engine-api.js';
import { defaultDataDir } from './data-dir.js';
import { createHttpApi, type HttpApi } from './http-api.js';
import { createJsonFileLogger } from '../host/json-logger.js';
import { loadOrCreateServerToken } from './server-token.js';
import { healthLine, startFailure } from '../host/start-failure.js';
import { startEngineWorker } from '../host/worker-engine.js';

/**
 * The headless host: `npm run headless -- --port <p> --data-dir <dir>`.
 * Serves the API (and the screens, with --static-dir) on 127.0.0.1 and prints the login URL.
 */

const USAGE = `Usage: npm run headless -- [--port <port>] [--data-dir <dir>] [--static-dir <dir>]
  --port        TCP port on 127.0.0.1 (default 4711; 0 picks a free one)
  --data-dir    where Dockhand keeps its data (default $DOCKHAND_DATA_DIR or the per-user data folder)
  --static-dir  the built screens to serve (default $DOCKHAND_STATIC_DIR, else dist/renderer when built)`;

/** The screens built by `npm run build:renderer`, when they exist next to this checkout. */
function builtScreensDir(): string | undefined {
  const dir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: 'string', default: '4711' },
        'data-dir': { type: 'string' },
        'static-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = Number(args.port);
  if (!/^\d+$/.test(args.port ?? '') || port > 65535) {
    process.stderr.write(`--port must be a whole number from 0 to 65535, not "${args.port}"\n${USAGE}\n`);
    process.exit(2);
  }
  const dataDir = resolve(args['data-dir'] ?? defaultDataDir());
  const staticDir = args['static-dir'] ?? (process.env.DOCKHAND_STATIC_DIR || builtScreensDir());
  await mkdir(dataDir, { recursive: true, mode: 0o700 });

  const log = createJsonFileLogger({ file: join(dataDir, 'logs', 'server.log'), echoErrors: true });
  process.on('uncaughtException', (err) => fail(log, 'Uncaught error', err));
  process.on('unhandledRejection', (err) => fail(log, 'Unhandled rejection', err));

  // Signals are handled from here on, before anything is started or printed: a SIGTERM that arrives
  // while the engine starts (or right after the URL appears) must still shut down cleanly.
  let shuttingDown = false;
  let shutdownStartedAt = 0;
  const running: { engine?: Engine; api?: HttpApi } = {};
  const shutdown = async (signal: string) => {
    if (shuttingDown) {
      // npm/tsx wrappers forward the terminal's Ctrl+C, so one keypress can arrive twice: a repeat
      // within a second is the same request. A later one means "stop now", at the cost of a replay.
      if (Date.now() - shutdownStartedAt < 1_000) return;
      process.stderr.write(`${signal} again: stopping at once\n`);
      process.exit(1);
    }
    shuttingDown = true;
    shutdownStartedAt = Date.now();
    process.stderr.write(`${signal}: finishing the running step and saving…\n`);
    log.log('info', 'Shutting down', { signal });
    try {
      // Stop taking requests first; calls already in flight end when the engine does.
      const serverClosed = running.api?.close();
      await running.engine?.close();
      await serverClosed;
      log.log('info', 'Stopped');
      await log.close();
      process.exit(0);
    } catch (err) {
      fail(log, 'Shutdown failed', err);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const token = await loadOrCreateServerToken(dataDir);
  const engine = await startEngineWorker({
    dataDir,
    log,
    onUnexpectedExit: (code) => {
      if (shuttingDown) return;
      process.stderr.write(`The engine stopped unexpectedly (exit code ${code}); see ${join(dataDir, 'logs')}\n`);
      void log.close().finally(() => process.exit(1));
    },
  });
  running.engine = engine;
  // A disk that fills up (or fails) is said on the terminal as well as in the log and the alerts.
  if (engine.health().status !== 'ok') process.stderr.write(`${healthLine(engine.health())}\n`);
  engine.onEvent((event) => {
    if (event.type === 'health') process.stderr.write(`${healthLine(engine.health())}\n`);
  });
  if (shuttingDown) {
    // A signal came while the engine was starting: the handler above is waiting for nothing; close it.
    await engine.close();
    await log.close();
    process.exit(0);
  }
  const api = createHttpApi({ engine, contract, token, staticDir: staticDir ? resolve(staticDir) : undefined, log });
  running.api = api;
  let actualPort: number;
  try {
    actualPort = await api.listen(port);
  } catch (err) {
    process.stderr.write(`Cannot listen on 127.0.0.1:${port}: ${(err as Error).message}\n`);
    await engine.close();
    await log.close();
    process.exit(1);
  }
  log.log('info', 'Headless host started', { port: actualPort, dataDir });
  process.stdout.write(`Dockhand is running at http://127.0.0.1:${actualPort}/?token=${token}\n`);
}

function fail(log: { log: (level: 'error', message: string, fields?: Record<string, unknown>) => void }, message: string, err: unknown): never {
  log.log('error', message, { error: err });
  process.stderr.write(`${message}: ${(err as Error)?.message ?? String(err)}\n`);
  process.exit(1);
}

main().catch((err) => {
  process.stderr.write(`${startFailure(err).text}\n`);
  process.exit(1);
});
