import type { SetupProgressView } from '../../../shared/api-types.js';
import { SETUP_STEPS } from '../../../shared/setup-steps.js';
import type { SqlReader } from '../store/sql.js';
import { completedSetupSteps, getChecklistState, putChecklistState, setupLinks } from '../store/repositories/setup-repo.js';
import type { Handlers, MethodsOf } from './handler-types.js';

function progress(db: SqlReader): SetupProgressView {
  const state = getChecklistState(db);
  const completed = completedSetupSteps(db);
  const links = setupLinks(db);
  const steps = SETUP_STEPS.map((step) => ({ step, done: completed[step], link: links[step] }));
  const done = steps.every((s) => s.done);
  return { show: state.begun && !state.dismissed && !done, steps, done };
}

export const setupHandlers: Handlers<MethodsOf<'setup'>> = {
  async 'setup.progress'(_input, ctx) {
    return ctx.store.read(progress);
  },
  async 'setup.begin'(_input, ctx) {
    return ctx.store.write((db) => {
      putChecklistState(db, { begun: true, dismissed: false }, ctx.nowIso());
      return progress(db);
    });
  },
  async 'setup.dismiss'(_input, ctx) {
    return ctx.store.write((db) => {
      putChecklistState(db, { ...getChecklistState(db), dismissed: true }, ctx.nowIso());
      return progress(db);
    });
  },
};
