export { createScheduler, type Scheduler, type SchedulerOptions } from './scheduler.js';
export {
  jobKeyString,
  type JobKey,
  type JobOutcome,
  type JobSettings,
  type JobSnapshot,
  type JobTrigger,
  type JobWait,
  type RunJob,
  type TargetKind,
} from './job-types.js';
export { outcomeFromError } from './job-outcome.js';
export { pauseAfterRun, PERSON_PAUSE } from './schedule-rules.js';
