import { DockhandError } from '../../../shared/errors.js';
import { clearAlertById, openAlerts } from '../store/repositories/alerts-repo.js';
import { getRun, listRuns } from '../store/repositories/runs-repo.js';
import type { Handlers, MethodsOf } from './handler-types.js';

export const runsHandlers: Handlers<MethodsOf<'runs' | 'alerts'>> = {
  async 'runs.list'(input, ctx) {
    return ctx.store.read((db) => listRuns(db, input));
  },
  async 'runs.get'(input, ctx) {
    const run = await ctx.store.read((db) => getRun(db, input.id));
    if (!run) throw new DockhandError('not_found', `Run ${input.id} does not exist`);
    return run;
  },
  async 'alerts.list'(_input, ctx) {
    const saved = await ctx.store.read((db) => openAlerts(db));
    // Alerts not saved yet (the disk cannot be written) come first: they are the newest and the most urgent.
    const unsaved = ctx.alerts.unsaved();
    const keys = new Set(unsaved.map((a) => a.key));
    return [...unsaved, ...saved.filter((a) => !keys.has(a.key))];
  },
  async 'alerts.dismiss'(input, ctx) {
    const n = await ctx.store.write((db) => clearAlertById(db, input.id, ctx.nowIso()));
    if (n === 0) throw new DockhandError('not_found', `No open alert ${input.id}`);
    return { dismissed: true as const };
  },
};
