import { createEngine as createRealEngine } from '../../main/engine/engine.js';
import type { EngineOptions } from '../../main/engine/engine-api.js';

/**
 * The engine the crash test's headless host runs (named by DOCKHAND_TEST_ENGINE, which the host's
 * worker loads instead of the default): the real engine, with its clock of schedules compressed so a
 * "5 minute" schedule comes round within a fraction of a second, and snapshots taken often enough that
 * kills also land in them. The host around it (HTTP API, worker thread, shutdown) is the real one.
 *
 * DOCKHAND_CRASH_MINUTE_MS: length of a scheduler "minute" (default 20 ms).
 * DOCKHAND_CRASH_SNAPSHOT_BYTES: journal bytes between snapshots (default 500 kB: about one a second
 * while the host is busy; each blocks the engine thread for ~100 ms at a few thousand orders).
 */
export function createEngine(options: EngineOptions) {
  const minuteMs = Number(process.env.DOCKHAND_CRASH_MINUTE_MS) || 20;
  const snapshotEveryBytes = Number(process.env.DOCKHAND_CRASH_SNAPSHOT_BYTES) || 500_000;
  return createRealEngine({
    ...options,
    minuteMs,
    // The demo warehouse plays the warehouse for the demo merchant only; the crash test has its own.
    demoWarehouse: { enabled: false },
    // A busy host never idles long enough for the default 500 ms wait before a snapshot.
    store: { snapshotEveryBytes, snapshotEveryMs: 200, ...({ snapshotIdleMs: 30 } as object) },
  });
}
