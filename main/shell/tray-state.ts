import type { JobView } from '../../shared/api-types.js';
import { alertBadge } from '../../shared/alert-notices.js';
import { SERVICE_NAMES } from '../../shared/domain.js';
import type { EngineEvent } from '../engine/engine-api.js';

/**
 * What the tray shows, as pure data: the tray (tray.ts) feeds it engine events and the answers of
 * `alerts.list` / `schedules.list`, and draws whatever comes out.
 */

export interface TrayFacts {
  /** Runs started and not yet finished (ids from run.started / run.finished). */
  runningRuns: ReadonlySet<number>;
  openAlerts: number;
  /** The jobs that are not off (from schedules.list). */
  activeJobs: number;
  /** How many of those are paused. */
  pausedJobs: number;
}

export const INITIAL_TRAY_FACTS: TrayFacts = { runningRuns: new Set(), openAlerts: 0, activeJobs: 0, pausedJobs: 0 };

export type TrayIconVariant = 'idle' | 'syncing' | 'alert';
export type TrayCommand = 'open' | 'run-all' | 'pause-all' | 'resume-all' | 'quit';

export type TrayMenuItem =
  | { type: 'command'; command: TrayCommand; label: string; enabled: boolean }
  | { type: 'toggle'; setting: 'start-at-login'; label: string; checked: boolean }
  | { type: 'separator' };

export interface TrayView {
  tooltip: string;
  /** The open alert count as a tray title (macOS) shows it; '' when none. */
  badge: string;
  /** The open alert count for the app's badge (macOS dock, Unity launchers). */
  openAlerts: number;
  icon: TrayIconVariant;
  menu: TrayMenuItem[];
}

/** Paused means every scheduled job is paused; with none scheduled there is nothing to pause. */
export function allPaused(facts: TrayFacts): boolean {
  return facts.activeJobs > 0 && facts.pausedJobs >= facts.activeJobs;
}

export function trayView(facts: TrayFacts, options: { startAtLogin: boolean }): TrayView {
  const running = facts.runningRuns.size;
  const paused = allPaused(facts);
  const parts: string[] = [];
  if (running > 0) parts.push(running === 1 ? 'syncing (1 run)' : `syncing (${running} runs)`);
  if (facts.openAlerts > 0) parts.push(facts.openAlerts === 1 ? '1 alert' : `${facts.openAlerts} alerts`);
  if (paused) parts.push('paused');
  if (parts.length === 0) parts.push('idle');

  return {
    tooltip: `Dockhand: ${parts.join(', ')}`,
    badge: alertBadge(facts.openAlerts),
    openAlerts: facts.openAlerts,
    // An alert needs a person, so it outranks the (self-resolving) syncing state.
    icon: facts.openAlerts > 0 ? 'alert' : running > 0 ? 'syncing' : 'idle',
    menu: [
      { type: 'command', command: 'open', label: 'Open Dockhand', enabled: true },
      { type: 'separator' },
      { type: 'command', command: 'run-all', label: 'Run all now', enabled: facts.activeJobs > 0 },
      paused
        ? { type: 'command', command: 'resume-all', label: 'Resume all', enabled: true }
        : { type: 'command', command: 'pause-all', label: 'Pause all', enabled: facts.activeJobs > 0 },
      { type: 'separator' },
      { type: 'toggle', setting: 'start-at-login', label: 'Start at login', checked: options.startAtLogin },
      { type: 'separator' },
      { type: 'command', command: 'quit', label: 'Quit Dockhand', enabled: true },
    ],
  };
}

/** Folds one engine event into the facts; `refresh` says the counts from the engine are stale. */
export function applyTrayEvent(facts: TrayFacts, event: EngineEvent): { facts: TrayFacts; refresh: boolean } {
  switch (event.type) {
    case 'run.started': {
      const runId = event.data.runId;
      if (typeof runId !== 'number') return { facts, refresh: false };
      return { facts: { ...facts, runningRuns: new Set(facts.runningRuns).add(runId) }, refresh: false };
    }
    case 'run.finished': {
      const run = event.data.run as { id?: unknown } | undefined;
      const runningRuns = new Set(facts.runningRuns);
      if (typeof run?.id === 'number') runningRuns.delete(run.id);
      // A finished run may have raised or cleared alerts and paused its job (auth errors).
      return { facts: { ...facts, runningRuns }, refresh: true };
    }
    case 'alert':
    case 'state.changed':
      return { facts, refresh: true };
    default:
      return { facts, refresh: false };
  }
}

/** The counts from `alerts.list` and `schedules.list`; the running runs stay as the events said. */
export function withEngineCounts(facts: TrayFacts, openAlerts: number, jobs: readonly JobView[]): TrayFacts {
  const active = jobs.filter((job) => job.minutes !== null);
  return { ...facts, openAlerts, activeJobs: active.length, pausedJobs: active.filter((job) => job.state === 'paused').length };
}

/**
 * "Run all now": every job that is not off, in the order of the loop (download before delivery, pickup
 * before upload), so one click carries orders to the WMS and confirmations back in a single pass.
 */
export function jobsToRunNow(jobs: readonly JobView[]): { service: JobView['service']; targetId: number }[] {
  return jobs
    .filter((job) => job.minutes !== null)
    .map((job) => ({ service: job.service, targetId: job.targetId }))
    .sort((a, b) => SERVICE_NAMES.indexOf(a.service) - SERVICE_NAMES.indexOf(b.service) || a.targetId - b.targetId);
}
