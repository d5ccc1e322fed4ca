import type { Logger } from '../platform/ports.js';
import { runAlertMailPass, type AlertMailDeps } from './alert-digest.js';

export interface AlertMailJob {
  /** Runs a pass now (after the one in progress, if any). */
  runNow(): Promise<void>;
  /** Stops the timer and waits for a pass in progress; nothing is sent or written afterwards. */
  stop(): Promise<void>;
}

/**
 * The e-mail alert digest as a small job the engine owns: a pass every minute (alert-digest.ts). Not a
 * scheduler job: it has no target, no schedule a person sets and no run history, and it must not be
 * paused with the syncs. A pass that fails (the disk cannot save) is logged and the next minute tries again.
 */
export function startAlertMailJob(deps: AlertMailDeps & { log: Logger }, options: { everyMs?: number } = {}): AlertMailJob {
  const everyMs = options.everyMs ?? 60_000;
  const log = deps.log.child({ part: 'alert-mail' });
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const pass = () => {
    running = running.then(async () => {
      if (stopped || !deps.store.health().writable) return;
      try {
        await runAlertMailPass({ ...deps, log });
      } catch (err) {
        log.log('warn', 'The alert e-mail pass failed; it runs again in a minute', { error: err });
      }
    });
    return running;
  };
  const arm = () => {
    if (stopped) return;
    timer = setTimeout(() => void pass().then(arm), everyMs);
    timer.unref?.();
  };
  arm();
  return {
    runNow: pass,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
