import { describe, expect, it } from 'vitest';
import type { AlertView, JobView } from '../../../shared/api-types.js';
import { DockhandError } from '../../../shared/errors.js';
import { alertView, jobView } from '../../support/api-views.js';
import { silentLogger } from '../../../main/engine/platform/ports.js';
import { createTrayController } from '../../../main/shell/tray-controller.js';
import type { TrayView } from '../../../main/shell/tray-state.js';
import { fakeEngine } from '../server/fixtures/fake-engine.js';

const at = '2026-01-01T00:00:00.000Z';
const job = (service: JobView['service'], targetId: number, over: { minutes?: number | null } = {}): JobView =>
  jobView({ service, targetId, targetName: `t${targetId}`, ...over });
const alert = (id: number): AlertView => alertView({ id, key: `k${id}`, severity: 'error', targetType: 'cart', targetId: 1, message: 'Token refused', createdAt: at, updatedAt: at });

function setup(state: { alerts: AlertView[]; jobs: JobView[] }, extra: Record<string, (input: unknown) => unknown> = {}) {
  const engine = fakeEngine({
    'alerts.list': () => state.alerts,
    'schedules.list': () => state.jobs,
    'services.pause': () => {
      state.jobs = state.jobs.map((j) => ({ ...j, state: 'paused', by: 'person', reason: 'Paused by a person' }));
      return { paused: state.jobs.length };
    },
    'services.resume': () => {
      state.jobs = state.jobs.map((j) => jobView({ service: j.service, targetId: j.targetId, targetName: j.targetName, minutes: j.minutes }));
      return { resumed: state.jobs.length };
    },
    ...extra,
  });
  const views: TrayView[] = [];
  const controller = createTrayController({ engine, render: (view) => views.push(view), startAtLogin: () => false, log: silentLogger });
  return { engine, views, controller, last: () => views[views.length - 1] };
}

describe('the tray controller', () => {
  it('draws the engine counts as soon as it starts', async () => {
    const { controller, last } = setup({ alerts: [alert(1), alert(2)], jobs: [job('order_download', 1)] });
    await controller.start();
    expect(last()).toMatchObject({ tooltip: 'Dockhand: 2 alerts', icon: 'alert' });
  });

  it('shows syncing while a run goes and reads the counts again when it finishes', async () => {
    const state = { alerts: [] as AlertView[], jobs: [job('order_download', 1)] };
    const { controller, engine, last } = setup(state);
    await controller.start();
    engine.emit({ type: 'run.started', at, data: { runId: 11 } });
    expect(last()).toMatchObject({ icon: 'syncing', tooltip: 'Dockhand: syncing (1 run)' });
    state.alerts = [alert(3)];
    engine.emit({ type: 'run.finished', at, data: { run: { id: 11 } } });
    await controller.refresh();
    expect(last()).toMatchObject({ icon: 'alert', tooltip: 'Dockhand: 1 alert' });
  });

  it('pauses all and then offers Resume all', async () => {
    const { controller, engine, last } = setup({ alerts: [], jobs: [job('order_download', 1), job('order_delivery', 2)] });
    await controller.start();
    await controller.pauseAll();
    expect(engine.calls.some((c) => c.method === 'services.pause')).toBe(true);
    expect(last().tooltip).toBe('Dockhand: paused');
    expect(last().menu.some((item) => item.type === 'command' && item.command === 'resume-all')).toBe(true);
    await controller.resumeAll();
    expect(last().tooltip).toBe('Dockhand: idle');
  });

  it('runs every scheduled job once on Run all now and carries on past one that fails', async () => {
    const ran: unknown[] = [];
    const { controller, engine } = setup(
      { alerts: [], jobs: [job('order_delivery', 1), job('order_download', 2), job('shipment_upload', 2, { minutes: null })] },
      {
        'services.runNow': (input) => {
          ran.push(input);
          if ((input as { service: string }).service === 'order_download') throw new DockhandError('auth', 'Token refused');
          return { id: ran.length };
        },
      },
    );
    await controller.start();
    await controller.runAll();
    expect(ran).toEqual([
      { service: 'order_download', targetId: 2 },
      { service: 'order_delivery', targetId: 1 },
    ]);
    expect(engine.calls.filter((c) => c.method === 'services.runNow')).toHaveLength(2);
  });

  it('ignores a second Run all now while the first is still going', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    const { controller } = setup(
      { alerts: [], jobs: [job('order_download', 1)] },
      {
        'services.runNow': async () => {
          runs++;
          await gate;
          return {};
        },
      },
    );
    await controller.start();
    const first = controller.runAll();
    await controller.runAll();
    release();
    await first;
    expect(runs).toBe(1);
  });

  it('stops listening to the engine when stopped', async () => {
    const { controller, engine } = setup({ alerts: [], jobs: [] });
    await controller.start();
    expect(engine.listenerCount()).toBe(1);
    controller.stop();
    expect(engine.listenerCount()).toBe(0);
  });
});
