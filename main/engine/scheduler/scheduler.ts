import type { JobPause, JobProgress } from '../../../shared/api-types.js';
import { CART_SERVICES, MERCHANT_SERVICES } from '../../../shared/domain.js';
import { DockhandError } from '../../../shared/errors.js';
import type { Clock, Logger } from '../platform/ports.js';
import { outcomeFromError } from './job-outcome.js';
import { jobStateOf } from './job-state.js';
import {
  jobKeyString,
  type JobKey,
  type JobOutcome,
  type JobSettings,
  type JobSnapshot,
  type JobTrigger,
  type JobWait,
  type OnRequestTrigger,
  type RunJob,
  type TargetKind,
} from './job-types.js';
import { scheduleOnce, type CancelTimer } from './one-shot-timer.js';
import { decideAfterRun, isWake, nextDueAt, PERSON_PAUSE, staggerMs, triggerForDue } from './schedule-rules.js';

export interface SchedulerOptions {
  clock: Clock;
  log: Logger;
  runJob: RunJob;
  onChange?: (state: JobSnapshot) => void;
  /**
   * Told, synchronously and in order, each time a job's pause changes (a person's Pause or Resume, a
   * failure that pauses, a good run or saved settings that lift it), so the store can save it. The
   * scheduler is the one that decides pauses while it runs; the store gives them back at start.
   */
  onPauseChange?: (job: JobKey, pause: JobPause | undefined) => void;
  /**
   * What a job waits for before it can run at all (a merchant's warehouse jobs before a WMS is set up),
   * or undefined when it can run. A waiting job is not armed and Run now is refused with the reason;
   * call refresh() when the answer may have changed.
   */
  waitingFor?: (job: JobKey) => JobWait | undefined;
  /** Length of a "minute" in ms: frequencies, backoff steps. Tests shrink it. Default 60 000. */
  minuteMs?: number;
  /** First runs (and overdue runs after a restart) are spread over this window. Default half a minute. */
  staggerWindowMs?: number;
  /** How often the wake watchdog looks at the clock. Default 15 s. */
  heartbeatMs?: number;
  /** Lateness of a tick or a due time beyond which the machine is taken to have slept. Default 60 s. */
  wakeThresholdMs?: number;
}

export interface Scheduler {
  /**
   * Creates or updates a job. Minutes null turns it off: it stays known (its state is "off", or
   * "paused" if a failure paused it) and runs only on Run now. Takes effect at once if started.
   */
  setJob(job: JobKey, settings: JobSettings): void;
  /** Removes a job; a run in progress is aborted (its target is gone). */
  removeJob(job: JobKey): void;
  /** Removes every job of a cart connection or a merchant. */
  removeTarget(kind: TargetKind, targetId: number): void;
  /**
   * A person pauses one job, or every job that is on. A run in progress finishes. A job a failure
   * paused keeps that reason: it says what to fix.
   */
  pause(job?: JobKey): void;
  /** Resumes one job, or every job, whatever paused it (a person or an auth/config failure). */
  resume(job?: JobKey): void;
  /**
   * The settings a failure pause asked for were saved: lifts a pause for auth or config (not a
   * person's) and returns it, or undefined when there was none.
   */
  liftFailurePause(job: JobKey): JobPause | undefined;
  /**
   * Settings a failed run depends on were saved: its next run is a retry in `delayMs` (not the next
   * regular time, up to its whole frequency away), so an alert about the failure clears as soon as the
   * fix works. A job that is running, paused, waiting or off is left as it is.
   */
  retrySoon(job: JobKey, delayMs: number, lastError: string): void;
  /** Starts the job now, paused or not, or joins the run already going and returns its outcome. */
  runNow(job: JobKey, trigger?: OnRequestTrigger): Promise<JobOutcome>;
  /** True when the job's own timer fires within `ms` (never when the scheduler is not started). */
  dueWithin(job: JobKey, ms: number): boolean;
  /** How far the job's run in progress has got (shown with its running state; no change event). */
  setProgress(job: JobKey, progress: JobProgress): void;
  /** Asks waitingFor again for every job: a job no longer waiting is armed, one now waiting disarmed. */
  refresh(): void;
  state(): JobSnapshot[];
  jobState(job: JobKey): JobSnapshot | undefined;
  /** Arms the timers and the wake watchdog. Jobs may be set before. */
  start(): void;
  /** Cancels timers, aborts running jobs through their signal and resolves once they settled. */
  stop(): Promise<void>;
}

interface ActiveRun {
  trigger: JobTrigger;
  controller: AbortController;
  promise: Promise<JobOutcome>;
  progress: JobProgress | null;
}

interface Entry {
  key: JobKey;
  id: string;
  minutes: number | null;
  pause?: JobPause;
  lastStartMs?: number;
  lastFinishedMs?: number;
  lastOutcome?: JobOutcome;
  consecutiveFailures: number;
  /** A retry after a failure that may pass: replaces the regular due time until a run ends well. */
  retry?: { atMs: number; attempt: number; lastError: string };
  /** Cleared by the first run in this process (see nextDueAt). */
  firstRunNotBeforeMs?: number;
  /** The due time the pending timer stands for. */
  armedDueMs?: number;
  cancelTimer?: CancelTimer;
  run?: ActiveRun;
}

/** Due times that fire this early (real timers vs the injected clock) are treated as on time. */
const EARLY_TOLERANCE_MS = 5;

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { clock, log, runJob } = options;
  const minuteMs = options.minuteMs ?? 60_000;
  const staggerWindowMs = options.staggerWindowMs ?? minuteMs / 2;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const wakeThresholdMs = options.wakeThresholdMs ?? 60_000;

  const entries = new Map<string, Entry>();
  let started = false;
  let stopping = false;
  let heartbeat: NodeJS.Timeout | undefined;
  let lastTickMs = 0;

  const nowMs = () => clock.now().getTime();
  const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

  /** When the job is due by its schedule and retry, never before now (an overdue job runs at once). */
  function dueMs(entry: Entry, now: number): number {
    if (entry.minutes === null) return now;
    const due = nextDueAt({
      frequencyMs: entry.minutes * minuteMs,
      lastStartMs: entry.lastStartMs,
      retryAtMs: entry.retry?.atMs,
      firstRunNotBeforeMs: entry.firstRunNotBeforeMs,
    });
    return Math.max(due, now);
  }

  function toState(entry: Entry): JobSnapshot {
    const run = entry.run;
    const state: JobSnapshot = {
      key: entry.id,
      service: entry.key.service,
      targetId: entry.key.targetId,
      minutes: entry.minutes,
      // The armed timer when there is one; otherwise (not started yet, or stopping) when it would be.
      state: jobStateOf({
        minutes: entry.minutes,
        pause: entry.pause,
        waiting: options.waitingFor?.(entry.key),
        run: run && { startedMs: entry.lastStartMs ?? nowMs(), trigger: run.trigger, progress: run.progress },
        retry: entry.retry,
        nextDueMs: entry.armedDueMs ?? dueMs(entry, nowMs()),
      }),
      consecutiveFailures: entry.consecutiveFailures,
    };
    if (entry.lastStartMs !== undefined) state.lastRunAt = iso(entry.lastStartMs);
    if (entry.lastOutcome) state.lastOutcome = entry.lastOutcome;
    if (entry.lastFinishedMs !== undefined) state.lastFinishedAt = iso(entry.lastFinishedMs);
    return state;
  }

  /** The one way a job's pause changes once it is loaded. */
  function setPause(entry: Entry, pause: JobPause | undefined): void {
    const before = entry.pause;
    entry.pause = pause;
    if (before?.by === pause?.by && before?.reason === pause?.reason) return;
    // A failure pause is lifted by a person (Resume, saved settings) or a good run: count afresh.
    if (before && before.by !== 'person') {
      entry.consecutiveFailures = 0;
      entry.retry = undefined;
    }
    try {
      options.onPauseChange?.(entry.key, pause);
    } catch (err) {
      log.log('error', 'scheduler pause listener failed', { job: entry.id, err });
    }
  }

  function emit(state: JobSnapshot): void {
    if (!options.onChange) return;
    try {
      options.onChange(state);
    } catch (err) {
      log.log('error', 'scheduler change listener failed', { err });
    }
  }

  function disarm(entry: Entry): void {
    entry.cancelTimer?.();
    entry.cancelTimer = undefined;
    entry.armedDueMs = undefined;
  }

  /** Puts the job's one pending timer at its next due time (or nowhere, if it must not run on its own). */
  function arm(entry: Entry, wake = false): void {
    disarm(entry);
    if (!started || stopping || entry.minutes === null || entry.pause || entry.run) return;
    if (options.waitingFor?.(entry.key)) return;
    const now = nowMs();
    const due = dueMs(entry, now);
    // After a wake an overdue job says so; otherwise "overdue" only means "now" (a long run, a restart).
    const forced: JobTrigger | undefined = wake && due <= now ? 'wake' : undefined;
    entry.armedDueMs = due;
    entry.cancelTimer = scheduleOnce(entry.armedDueMs - now, () => onDue(entry, forced));
  }

  function onDue(entry: Entry, forced?: JobTrigger): void {
    const armedMs = entry.armedDueMs;
    entry.cancelTimer = undefined;
    entry.armedDueMs = undefined;
    if (!started || stopping || entries.get(entry.id) !== entry) return;
    if (entry.minutes === null || entry.pause || options.waitingFor?.(entry.key)) return;
    // Running already (Run now, or a slow run): this due time is skipped; the run re-arms when it ends.
    if (entry.run) return;
    const now = nowMs();
    if (armedMs !== undefined && now < armedMs - EARLY_TOLERANCE_MS) {
      // The wall clock went back since arming: wait for the due time by the clock we were given.
      arm(entry);
      return;
    }
    const trigger =
      forced ??
      triggerForDue({ dueMs: armedMs ?? now, nowMs: now, wakeThresholdMs, isRetry: entry.retry !== undefined });
    void startRun(entry, trigger);
  }

  function startRun(entry: Entry, trigger: JobTrigger): Promise<JobOutcome> {
    disarm(entry);
    entry.lastStartMs = nowMs();
    entry.firstRunNotBeforeMs = undefined;
    // entry.retry stays until the run ends: its attempt count goes on if this run fails too.
    const run: ActiveRun = { trigger, controller: new AbortController(), promise: Promise.resolve({ ok: true }), progress: null };
    // Marked running before runJob is called, so nothing it triggers synchronously can start a second run.
    entry.run = run;
    log.log('debug', 'job started', { job: entry.id, trigger });
    emit(toState(entry));
    run.promise = execute(entry, run);
    return run.promise;
  }

  async function execute(entry: Entry, run: ActiveRun): Promise<JobOutcome> {
    let outcome: JobOutcome;
    try {
      outcome = await runJob(entry.key, run.trigger, run.controller.signal);
    } catch (err) {
      outcome = outcomeFromError(err, run.controller.signal);
    }
    finish(entry, run, outcome);
    return outcome;
  }

  function finish(entry: Entry, run: ActiveRun, outcome: JobOutcome): void {
    const finishedMs = nowMs();
    entry.run = undefined;
    entry.lastOutcome = outcome;
    entry.lastFinishedMs = finishedMs;
    const fields = { job: entry.id, trigger: run.trigger, durationMs: finishedMs - (entry.lastStartMs ?? finishedMs) };
    if (outcome.ok) log.log('info', 'job finished', fields);
    else log.log('warn', 'job failed', { ...fields, errorKind: outcome.errorKind, error: outcome.message });

    if (entries.get(entry.id) !== entry) return; // removed meanwhile
    const decision = decideAfterRun({
      outcome,
      pause: entry.pause,
      finishedMs,
      consecutiveFailures: entry.consecutiveFailures,
      minuteMs,
      frequencyMs: (entry.minutes ?? 0) * minuteMs,
    });
    if (decision.pause && decision.pause !== entry.pause) {
      log.log('warn', 'job paused until a person fixes it', { job: entry.id, by: decision.pause.by, reason: decision.pause.reason });
    } else if (entry.pause && !decision.pause) {
      log.log('info', 'job resumed: a run succeeded after the failure that paused it', { job: entry.id });
    }
    setPause(entry, decision.pause);
    entry.consecutiveFailures = decision.consecutiveFailures;
    // A job that is off has no schedule to come back to: Run now is its retry.
    entry.retry =
      decision.retryAtMs !== undefined && entry.minutes !== null && !outcome.ok
        ? { atMs: decision.retryAtMs, attempt: (entry.retry?.attempt ?? 1) + 1, lastError: outcome.message }
        : undefined;
    arm(entry);
    emit(toState(entry));
  }

  function onHeartbeat(): void {
    const now = nowMs();
    const expected = lastTickMs + heartbeatMs;
    lastTickMs = now;
    if (!isWake({ expectedMs: expected, nowMs: now, thresholdMs: wakeThresholdMs })) return;
    log.log('info', 'clock jumped forward: the machine probably slept; re-arming jobs', {
      sleptMs: now - expected,
    });
    for (const entry of entries.values()) {
      if (entry.cancelTimer) {
        arm(entry, true);
        emit(toState(entry));
      }
    }
  }

  function selected(job?: JobKey): Entry[] {
    if (!job) return [...entries.values()];
    const entry = entries.get(jobKeyString(job));
    return entry ? [entry] : [];
  }

  function removeEntry(entry: Entry, abortReason: string): void {
    disarm(entry);
    entries.delete(entry.id);
    // Not a config error: nothing about the settings is wrong, the target is gone (and a config
    // outcome would pause a schedule row that no longer exists).
    if (entry.run) entry.run.controller.abort(new DockhandError('conflict', abortReason));
    emit({ ...toState(entry), minutes: null, state: { state: 'off' } });
  }

  function newEntry(job: JobKey, minutes: number | null): Entry {
    const id = jobKeyString(job);
    const entry: Entry = { key: { ...job }, id, minutes, consecutiveFailures: 0 };
    entries.set(id, entry);
    return entry;
  }

  return {
    setJob(job, settings) {
      const id = jobKeyString(job);
      let entry = entries.get(id);
      if (!entry) {
        entry = newEntry(job, settings.minutes);
        entry.firstRunNotBeforeMs = nowMs() + staggerMs(id, staggerWindowMs);
      }
      entry.minutes = settings.minutes;
      // Nothing to retry on a job that is off (Run now is its retry); a run going on finishes.
      if (settings.minutes === null) entry.retry = undefined;
      if (settings.lastRunAt !== undefined) {
        const ms = Date.parse(settings.lastRunAt);
        // The store may lag behind a run this process just started; keep the later start.
        if (Number.isFinite(ms) && (entry.lastStartMs === undefined || ms > entry.lastStartMs)) entry.lastStartMs = ms;
      }
      // The saved pause, as the store gives it back: nothing to save again.
      if (settings.pause !== undefined) entry.pause = settings.pause ?? undefined;
      arm(entry);
      emit(toState(entry));
    },

    removeJob(job) {
      const entry = entries.get(jobKeyString(job));
      if (entry) removeEntry(entry, `The job ${entry.id} was removed`);
    },

    removeTarget(kind, targetId) {
      const services = kind === 'cart' ? CART_SERVICES : MERCHANT_SERVICES;
      for (const service of services) this.removeJob({ service, targetId });
    },

    pause(job) {
      // "Pause all" means the jobs that run on their own; a job that is off stays off.
      for (const entry of selected(job).filter((e) => job || e.minutes !== null)) {
        if (entry.pause) continue;
        setPause(entry, PERSON_PAUSE);
        disarm(entry);
        emit(toState(entry));
      }
    },

    resume(job) {
      for (const entry of selected(job)) {
        if (!entry.pause) continue;
        setPause(entry, undefined);
        arm(entry);
        emit(toState(entry));
      }
    },

    liftFailurePause(job) {
      const entry = entries.get(jobKeyString(job));
      const lifted = entry?.pause;
      if (!entry || !lifted || lifted.by === 'person') return undefined;
      setPause(entry, undefined);
      arm(entry);
      emit(toState(entry));
      return lifted;
    },

    retrySoon(job, delayMs, lastError) {
      const entry = entries.get(jobKeyString(job));
      if (!entry || entry.run || entry.pause || entry.minutes === null || options.waitingFor?.(entry.key)) return;
      const atMs = nowMs() + delayMs;
      if (entry.retry && entry.retry.atMs <= atMs) return;
      entry.retry = { atMs, attempt: entry.retry?.attempt ?? 2, lastError: entry.retry?.lastError ?? lastError };
      arm(entry);
      emit(toState(entry));
    },

    runNow(job, trigger = 'manual') {
      if (stopping) {
        return Promise.reject(new DockhandError('conflict', 'Dockhand is stopping; the run was not started'));
      }
      const entry = entries.get(jobKeyString(job)) ?? newEntry(job, null);
      if (entry.run) return entry.run.promise;
      const waiting = options.waitingFor?.(entry.key);
      if (waiting) return Promise.reject(new DockhandError('conflict', waiting.reason));
      return startRun(entry, trigger);
    },

    dueWithin(job, ms) {
      const armed = entries.get(jobKeyString(job))?.armedDueMs;
      return armed !== undefined && armed - nowMs() < ms;
    },

    setProgress(job, progress) {
      const run = entries.get(jobKeyString(job))?.run;
      if (run) run.progress = { done: progress.done, total: progress.total };
    },

    refresh() {
      for (const entry of entries.values()) {
        if (entry.run) continue;
        const wasArmed = entry.armedDueMs !== undefined;
        const before = toState(entry).state.state;
        arm(entry);
        // A job that never ran is due at once (after its stagger): the warehouse it waited for is here.
        if (before !== toState(entry).state.state || wasArmed !== (entry.armedDueMs !== undefined)) emit(toState(entry));
      }
    },

    state() {
      return [...entries.values()].map(toState);
    },

    jobState(job) {
      const entry = entries.get(jobKeyString(job));
      return entry ? toState(entry) : undefined;
    },

    start() {
      if (started) return;
      started = true;
      stopping = false;
      lastTickMs = nowMs();
      heartbeat = setInterval(onHeartbeat, heartbeatMs);
      heartbeat.unref();
      for (const entry of entries.values()) {
        arm(entry);
        emit(toState(entry));
      }
    },

    async stop() {
      stopping = true;
      started = false;
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = undefined;
      const running: Promise<JobOutcome>[] = [];
      for (const entry of entries.values()) {
        disarm(entry);
        if (entry.run) {
          entry.run.controller.abort(new DockhandError('transient', 'Dockhand is stopping'));
          running.push(entry.run.promise);
        }
      }
      await Promise.allSettled(running);
    },
  };
}
