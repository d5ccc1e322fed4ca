import schedule from 'node-schedule';

/** Cancels a pending one-shot. */
export type CancelTimer = () => void;

/**
 * Runs `fire` once, `delayMs` of real time from now, through node-schedule. Each job keeps at most
 * one of these and re-arms after every run, so a machine that slept through several due times
 * fires once, not once per missed time.
 */
export function scheduleOnce(delayMs: number, fire: () => void): CancelTimer {
  const at = new Date(Date.now() + Math.max(0, Math.ceil(delayMs)));
  const job = schedule.scheduleJob(at, () => fire());
  if (job) return () => void job.cancel();
  // node-schedule refuses a date already past (the millisecond ticked over): fire on the next turn.
  const immediate = setTimeout(fire, 0);
  return () => clearTimeout(immediate);
}
