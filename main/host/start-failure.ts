import { isDockhandError } from '../../shared/errors.js';
import type { EngineHealth } from '../engine/engine-api.js';

/**
 * What the hosts say when the engine cannot start, or cannot save. A `storage` refusal (the data folder
 * cannot rebuild what was saved: see main/engine/store/recovery-plan.ts) already says what is wrong and
 * what to do, so it is shown as it is, under its own title.
 */
export function startFailure(err: unknown): { title: string; text: string } {
  const message = (err as Error)?.message ?? String(err);
  if (isDockhandError(err) && err.kind === 'storage') return { title: 'Dockhand will not start: its data needs attention', text: message };
  return { title: 'Dockhand could not start', text: `Dockhand could not start: ${message}` };
}

/** One line for the terminal when the engine's health changes (the headless host writes it to stderr). */
export function healthLine(health: EngineHealth): string {
  return health.status === 'ok'
    ? 'Dockhand can save again: the disk takes writes.'
    : `Dockhand cannot save (since ${health.since}): ${health.reason}`;
}
