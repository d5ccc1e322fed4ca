export { createScheduler, type Scheduler, type SchedulerOptions } from './scheduler.js';
export {
  jobKeyString,
  type JobKey,
  type JobOutcome,
  type JobSettings,
  type JobState,
  type JobTrigger,
  type RunJob,
  type TargetKind,
} from './job-types.js';
export { outcomeFromError } from './job-outcome.js';
