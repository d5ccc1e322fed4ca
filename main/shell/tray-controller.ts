import type { AlertView, JobView } from '../../shared/api-types.js';
import type { Engine } from '../engine/engine-api.js';
import type { Logger } from '../engine/platform/ports.js';
import { applyTrayEvent, INITIAL_TRAY_FACTS, jobsToRunNow, trayView, withEngineCounts, type TrayFacts, type TrayView } from './tray-state.js';

/**
 * Keeps the tray's facts current from engine events and the engine's own counts, and carries out the
 * tray's commands. Knows nothing of Electron: tray.ts draws what `render` receives.
 */

export interface TrayControllerOptions {
  engine: Engine;
  render: (view: TrayView) => void;
  startAtLogin: () => boolean;
  log: Logger;
  /** Every read of the open alerts (the desktop notifications tell of new ones: alert-notifier.ts). */
  onAlerts?: (alerts: AlertView[]) => void;
}

export interface TrayController {
  /** Reads the counts once and follows the engine's events from then on. */
  start(): Promise<void>;
  /** Re-reads alerts and schedules; overlapping requests collapse into one more read. */
  refresh(): Promise<void>;
  /** Draws again (after a setting the tray shows, like start at login, changed). */
  rerender(): void;
  runAll(): Promise<void>;
  pauseAll(): Promise<void>;
  resumeAll(): Promise<void>;
  stop(): void;
}

export function createTrayController(options: TrayControllerOptions): TrayController {
  const { engine, log } = options;
  let facts: TrayFacts = INITIAL_TRAY_FACTS;
  let unsubscribe: (() => void) | null = null;
  let reading: Promise<void> | null = null;
  let readAgain = false;
  let runningAll = false;
  let stopped = false;

  const draw = () => {
    if (!stopped) options.render(trayView(facts, { startAtLogin: options.startAtLogin() }));
  };

  async function readCounts(): Promise<void> {
    try {
      const [alerts, jobs] = await Promise.all([
        engine.call('alerts.list', {}) as Promise<AlertView[]>,
        engine.call('schedules.list', {}) as Promise<JobView[]>,
      ]);
      facts = withEngineCounts(facts, alerts.length, jobs);
      draw();
      options.onAlerts?.(alerts);
    } catch (err) {
      log.log('warn', 'The tray could not read the engine state', { error: err });
    }
  }

  function refresh(): Promise<void> {
    if (reading) {
      readAgain = true;
      return reading;
    }
    reading = (async () => {
      do {
        readAgain = false;
        await readCounts();
      } while (readAgain && !stopped);
      reading = null;
    })();
    return reading;
  }

  async function command(name: string, run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (err) {
      log.log('warn', `Tray command failed: ${name}`, { error: err });
    }
    await refresh();
  }

  return {
    async start() {
      unsubscribe = engine.onEvent((event) => {
        const next = applyTrayEvent(facts, event);
        if (next.facts !== facts) {
          facts = next.facts;
          draw();
        }
        if (next.refresh) void refresh();
      });
      draw();
      await refresh();
    },
    refresh,
    rerender: draw,
    async runAll() {
      // One pass at a time: a second click while the first is going would only queue duplicate runs.
      if (runningAll) return;
      runningAll = true;
      try {
        const jobs = (await engine.call('schedules.list', {})) as JobView[];
        for (const job of jobsToRunNow(jobs)) {
          if (stopped) break;
          try {
            await engine.call('services.runNow', job);
          } catch (err) {
            // One failing target (wrong password, a run already going) must not stop the others.
            log.log('warn', 'Run all now: one run could not start', { ...job, error: err });
          }
        }
      } catch (err) {
        log.log('warn', 'Run all now failed', { error: err });
      } finally {
        runningAll = false;
      }
      await refresh();
    },
    pauseAll: () => command('pause all', () => engine.call('services.pause', {})),
    resumeAll: () => command('resume all', () => engine.call('services.resume', {})),
    stop() {
      stopped = true;
      unsubscribe?.();
      unsubscribe = null;
    },
  };
}
