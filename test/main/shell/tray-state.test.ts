import { describe, expect, it } from 'vitest';
import type { JobState, JobView } from '../../../shared/api-types.js';
import { jobView } from '../../support/api-views.js';
import type { EngineEvent } from '../../../main/engine/engine-api.js';
import {
  applyTrayEvent,
  INITIAL_TRAY_FACTS,
  jobsToRunNow,
  trayView,
  withEngineCounts,
  type TrayFacts,
  type TrayMenuItem,
} from '../../../main/shell/tray-state.js';

const facts = (over: Partial<TrayFacts> = {}): TrayFacts => ({ ...INITIAL_TRAY_FACTS, runningRuns: new Set(), ...over });
const commands = (menu: TrayMenuItem[]) => menu.flatMap((item) => (item.type === 'command' ? [item.command] : []));
const event = (type: EngineEvent['type'], data: Record<string, unknown>): EngineEvent => ({ type, at: '2026-01-01T00:00:00.000Z', data });

const job = (service: JobView['service'], targetId: number, over: { minutes?: number | null } = {}, state?: JobState): JobView =>
  jobView({ service, targetId, targetName: `t${targetId}`, ...over }, state);
const paused: JobState = { state: 'paused', by: 'person', reason: 'Paused by a person' };

describe('the tray view', () => {
  it('says idle with the idle icon when nothing runs and nothing is wrong', () => {
    const view = trayView(facts({ activeJobs: 3 }), { startAtLogin: false });
    expect(view.tooltip).toBe('Dockhand: idle');
    expect(view.icon).toBe('idle');
  });

  it('says how many runs are syncing and shows the syncing icon', () => {
    expect(trayView(facts({ runningRuns: new Set([1]) }), { startAtLogin: false })).toMatchObject({ tooltip: 'Dockhand: syncing (1 run)', icon: 'syncing' });
    expect(trayView(facts({ runningRuns: new Set([1, 2]) }), { startAtLogin: false }).tooltip).toBe('Dockhand: syncing (2 runs)');
  });

  it('counts open alerts and lets the alert icon outrank syncing', () => {
    const view = trayView(facts({ runningRuns: new Set([7]), openAlerts: 3 }), { startAtLogin: false });
    expect(view.tooltip).toBe('Dockhand: syncing (1 run), 3 alerts');
    expect(view.icon).toBe('alert');
    expect(trayView(facts({ openAlerts: 1 }), { startAtLogin: false }).tooltip).toBe('Dockhand: 1 alert');
  });

  it('offers Pause all while anything is scheduled and unpaused, and Resume all once every job is paused', () => {
    expect(commands(trayView(facts({ activeJobs: 4, pausedJobs: 1 }), { startAtLogin: false }).menu)).toEqual(['open', 'run-all', 'pause-all', 'quit']);
    const paused = trayView(facts({ activeJobs: 4, pausedJobs: 4 }), { startAtLogin: false });
    expect(commands(paused.menu)).toEqual(['open', 'run-all', 'resume-all', 'quit']);
    expect(paused.tooltip).toBe('Dockhand: paused');
  });

  it('disables Run all now and Pause all when no job is scheduled', () => {
    const menu = trayView(facts(), { startAtLogin: false }).menu;
    const enabled = Object.fromEntries(menu.flatMap((item) => (item.type === 'command' ? [[item.command, item.enabled]] : [])));
    expect(enabled).toEqual({ open: true, 'run-all': false, 'pause-all': false, quit: true });
  });

  it('shows start at login as a checkbox with the saved setting', () => {
    const toggle = trayView(facts(), { startAtLogin: true }).menu.find((item) => item.type === 'toggle');
    expect(toggle).toEqual({ type: 'toggle', setting: 'start-at-login', label: 'Start at login', checked: true });
  });
});

describe('folding engine events into the tray facts', () => {
  it('adds a run on run.started and removes it on run.finished, asking for fresh counts then', () => {
    const started = applyTrayEvent(facts(), event('run.started', { runId: 5, service: 'order_download', targetId: 1 }));
    expect([...started.facts.runningRuns]).toEqual([5]);
    expect(started.refresh).toBe(false);
    const finished = applyTrayEvent(started.facts, event('run.finished', { run: { id: 5 } }));
    expect(finished.facts.runningRuns.size).toBe(0);
    expect(finished.refresh).toBe(true);
  });

  it('asks for fresh counts on alerts and state changes but not on progress', () => {
    expect(applyTrayEvent(facts(), event('alert', { alert: {} })).refresh).toBe(true);
    expect(applyTrayEvent(facts(), event('state.changed', { job: {} })).refresh).toBe(true);
    const progress = applyTrayEvent(facts(), event('run.progress', { runId: 1, done: 3 }));
    expect(progress.refresh).toBe(false);
  });

  it('ignores a run.started event without a numeric run id', () => {
    const before = facts();
    expect(applyTrayEvent(before, event('run.started', { runId: 'x' })).facts).toBe(before);
  });

  it('takes alert and job counts from the engine, leaving jobs that are off out', () => {
    const next = withEngineCounts(facts({ runningRuns: new Set([9]) }), 2, [
      job('order_download', 1, {}, paused),
      job('order_delivery', 1),
      job('inventory_upload', 1, { minutes: null }, paused),
    ]);
    expect(next).toMatchObject({ openAlerts: 2, activeJobs: 2, pausedJobs: 1 });
    expect([...next.runningRuns]).toEqual([9]);
  });
});

describe('Run all now', () => {
  it('runs every job that is not off, in the order of the loop', () => {
    const jobs = [
      job('shipment_upload', 2),
      job('order_delivery', 1),
      job('order_download', 3),
      job('order_download', 2),
      job('inventory_pickup', 1, { minutes: null }),
    ];
    expect(jobsToRunNow(jobs)).toEqual([
      { service: 'order_download', targetId: 2 },
      { service: 'order_download', targetId: 3 },
      { service: 'order_delivery', targetId: 1 },
      { service: 'shipment_upload', targetId: 2 },
    ]);
  });
});
