import { CART_SERVICES, MERCHANT_SERVICES } from '../../../shared/domain.js';
import { DockhandError } from '../../../shared/errors.js';
import type { Clock, Logger } from '../platform/ports.js';
import { outcomeFromError } from './job-outcome.js';
import {
  jobKeyString,
  type JobKey,
  type JobOutcome,
  type JobSettings,
  type JobState,
  type JobTrigger,
  type OnRequestTrigger,
  type RunJob,
  type TargetKind,
} from './job-types.js';
import { scheduleOnce, type CancelTimer } from './one-shot-timer.js';
import { decideAfterRun, isWake, nextDueAt, staggerMs, triggerForDue } from './schedule-rules.js';

export interface SchedulerOptions {
  clock: Clock;
  log: Logger;
  runJob: RunJob;
  onChange?: (state: JobState) => void;
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
  /** Creates, updates or (minutes null) removes a job. Takes effect at once if started. */
  setJob(job: JobKey, settings: JobSettings): void;
  /** Removes a job; a run in progress is aborted (its target is gone). */
  removeJob(job: JobKey): void;
  /** Removes every job of a cart connection or a merchant. */
  removeTarget(kind: TargetKind, targetId: number): void;
  /** Pauses one job, or every job. A run in progress finishes. */
  pause(job?: JobKey): void;
  /** Resumes one job, or every job, whatever paused it (a person or an auth/config failure). */
  resume(job?: JobKey): void;
  /** Runs now, paused or not; if the job is running, returns that run's outcome instead of starting another. */
  /** Starts the job now, or joins the run already going. */
  runNow(job: JobKey, trigger?: OnRequestTrigger): Promise<JobOutcome>;
  state(): JobState[];
  jobState(job: JobKey): JobState | undefined;
  /** Arms the timers and the wake watchdog. Jobs may be set before. */
  start(): void;
  /** Cancels timers, aborts running jobs through their signal and resolves once they settled. */
  stop(): Promise<void>;
}

interface ActiveRun {
  trigger: JobTrigger;
  controller: AbortController;
  promise: Promise<JobOutcome>;
}

interface Entry {
  key: JobKey;
  id: string;
  minutes: number | null;
  paused: boolean;
  pauseReason?: string;
  lastStartMs?: number;
  lastFinishedMs?: number;
  lastOutcome?: JobOutcome;
  consecutiveFailures: number;
  retryAtMs?: number;
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

  function toState(entry: Entry): JobState {
    const state: JobState = {
      key: entry.id,
      service: entry.key.service,
      targetId: entry.key.targetId,
      minutes: entry.minutes,
      paused: entry.paused,
      running: entry.run !== undefined,
      consecutiveFailures: entry.consecutiveFailures,
    };
    if (entry.pauseReason !== undefined) state.pauseReason = entry.pauseReason;
    if (entry.run) state.runningTrigger = entry.run.trigger;
    if (entry.armedDueMs !== undefined) state.nextRunAt = iso(entry.armedDueMs);
    if (entry.lastStartMs !== undefined) state.lastRunAt = iso(entry.lastStartMs);
    if (entry.lastOutcome) state.lastOutcome = entry.lastOutcome;
    if (entry.lastFinishedMs !== undefined) state.lastFinishedAt = iso(entry.lastFinishedMs);
    if (entry.retryAtMs !== undefined) state.retryAt = iso(entry.retryAtMs);
    return state;
  }

  function emit(state: JobState): void {
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
    if (!started || stopping || entry.minutes === null || entry.paused || entry.run) return;
    const now = nowMs();
    const due = nextDueAt({
      frequencyMs: entry.minutes * minuteMs,
      lastStartMs: entry.lastStartMs,
      retryAtMs: entry.retryAtMs,
      firstRunNotBeforeMs: entry.firstRunNotBeforeMs,
    });
    // After a wake an overdue job says so; otherwise "overdue" only means "now" (a long run, a restart).
    const forced: JobTrigger | undefined = wake && due <= now ? 'wake' : undefined;
    entry.armedDueMs = Math.max(due, now);
    entry.cancelTimer = scheduleOnce(entry.armedDueMs - now, () => onDue(entry, forced));
  }

  function onDue(entry: Entry, forced?: JobTrigger): void {
    const dueMs = entry.armedDueMs;
    entry.cancelTimer = undefined;
    entry.armedDueMs = undefined;
    if (!started || stopping || entries.get(entry.id) !== entry) return;
    if (entry.minutes === null || entry.paused) return;
    // Running already (Run now, or a slow run): this due time is skipped; the run re-arms when it ends.
    if (entry.run) return;
    const now = nowMs();
    if (dueMs !== undefined && now < dueMs - EARLY_TOLERANCE_MS) {
      // The wall clock went back since arming: wait for the due time by the clock we were given.
      arm(entry);
      return;
    }
    const trigger =
      forced ??
      triggerForDue({ dueMs: dueMs ?? now, nowMs: now, wakeThresholdMs, isRetry: entry.retryAtMs !== undefined });
    void startRun(entry, trigger);
  }

  function startRun(entry: Entry, trigger: JobTrigger): Promise<JobOutcome> {
    disarm(entry);
    entry.lastStartMs = nowMs();
    entry.firstRunNotBeforeMs = undefined;
    entry.retryAtMs = undefined;
    const run: ActiveRun = { trigger, controller: new AbortController(), promise: Promise.resolve({ ok: true }) };
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
    if (entry.minutes === null) {
      // A manual run of an unscheduled job, or a job turned off while it ran: nothing left to keep.
      entries.delete(entry.id);
      emit(toState(entry));
      return;
    }
    const decision = decideAfterRun({
      outcome,
      finishedMs,
      consecutiveFailures: entry.consecutiveFailures,
      minuteMs,
      frequencyMs: entry.minutes * minuteMs,
    });
    entry.consecutiveFailures = decision.consecutiveFailures;
    entry.retryAtMs = decision.retryAtMs;
    if (decision.pauseReason !== undefined) {
      entry.paused = true;
      entry.pauseReason = decision.pauseReason;
      log.log('warn', 'job paused until a person fixes it', { job: entry.id, reason: decision.pauseReason });
    }
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

  function removeEntry(entry: Entry, abortReason?: string): void {
    disarm(entry);
    entries.delete(entry.id);
    if (entry.run && abortReason) entry.run.controller.abort(new DockhandError('config', abortReason));
    emit({ ...toState(entry), minutes: null, nextRunAt: undefined });
  }

  return {
    setJob(job, settings) {
      const id = jobKeyString(job);
      let entry = entries.get(id);
      if (settings.minutes === null) {
        if (!entry) return;
        if (entry.run) {
          // Turned off while running: let the run finish, then forget the job (see finish).
          entry.minutes = null;
          disarm(entry);
          emit(toState(entry));
        } else {
          removeEntry(entry);
        }
        return;
      }
      if (!entry) {
        entry = { key: { ...job }, id, minutes: settings.minutes, paused: false, consecutiveFailures: 0 };
        entry.firstRunNotBeforeMs = nowMs() + staggerMs(id, staggerWindowMs);
        entries.set(id, entry);
      }
      entry.minutes = settings.minutes;
      if (settings.lastRunAt !== undefined) {
        const ms = Date.parse(settings.lastRunAt);
        // The store may lag behind a run this process just started; keep the later start.
        if (Number.isFinite(ms) && (entry.lastStartMs === undefined || ms > entry.lastStartMs)) entry.lastStartMs = ms;
      }
      if (settings.paused !== undefined) {
        entry.paused = settings.paused;
        entry.pauseReason = settings.paused ? settings.pauseReason : undefined;
      }
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
      for (const entry of selected(job)) {
        entry.paused = true;
        entry.pauseReason = undefined;
        disarm(entry);
        emit(toState(entry));
      }
    },

    resume(job) {
      for (const entry of selected(job)) {
        if (!entry.paused) continue;
        // A pause for a reason means failures led to it; a person resuming starts the count afresh.
        if (entry.pauseReason !== undefined) entry.consecutiveFailures = 0;
        entry.paused = false;
        entry.pauseReason = undefined;
        arm(entry);
        emit(toState(entry));
      }
    },

    runNow(job, trigger = 'manual') {
      if (stopping) {
        return Promise.reject(new DockhandError('conflict', 'Dockhand is stopping; the run was not started'));
      }
      const id = jobKeyString(job);
      let entry = entries.get(id);
      if (!entry) {
        entry = { key: { ...job }, id, minutes: null, paused: false, consecutiveFailures: 0 };
        entries.set(id, entry);
      }
      if (entry.run) return entry.run.promise;
      return startRun(entry, trigger);
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
