import type { JobView, RunView } from '../../../shared/api-types.js';
import type { ServiceName } from '../../../shared/domain.js';
import type { AlertOutbox } from '../alert-outbox.js';
import type { EngineEvent } from '../engine-api.js';
import type { Clock, Logger, SecretCipher } from '../platform/ports.js';
import type { ConnectorSource } from '../services/run-context.js';
import type { Store } from '../store/sql.js';
import type { OnRequestTrigger } from '../scheduler/job-types.js';
import type { ConsentFlows } from '../oauth/consent-flows.js';

/** Whose settings were saved: a cart connection, a merchant, or the WMS setup (every merchant's jobs). */
export type SettingsTarget = { kind: 'cart'; id: number } | { kind: 'merchant'; id: number } | { kind: 'wms' };

/** Start/stop/run control over the scheduled jobs (main/engine/jobs.ts). */
export interface JobControl {
  /** Re-read a job's saved frequency and apply it to the scheduler (its pause stays as it is). */
  sync(service: ServiceName, targetId: number): Promise<void>;
  /**
   * New settings are a person's fix: lifts the pauses an auth or config failure put on the target's
   * jobs (not a person's pause) and clears their alerts. If the fix did not work, the next run says so.
   */
  settingsSaved(target: SettingsTarget): Promise<void>;
  /** Forget every job of a target (it was deleted). */
  forget(service: ServiceName, targetId: number): void;
  runNow(service: ServiceName, targetId: number, trigger?: OnRequestTrigger): Promise<RunView>;
  /** True when the scheduler itself starts this job within `ms` (so a chained Run now can leave it be). */
  dueWithin(service: ServiceName, targetId: number, ms: number): boolean;
  pause(job?: { service: ServiceName; targetId: number }): Promise<number>;
  resume(job?: { service: ServiceName; targetId: number }): Promise<number>;
  list(): Promise<JobView[]>;
}

export interface EngineContext {
  store: Store;
  clock: Clock;
  log: Logger;
  secrets: SecretCipher;
  dataDir: string;
  connectors: ConnectorSource;
  jobs: JobControl;
  /** Alerts the engine raised that may not be saved yet (a full disk): shown with the saved ones. */
  alerts: AlertOutbox;
  emit(event: EngineEvent): void;
  nowIso(): string;
  /** Marketplace carts' consent flows (main/engine/oauth/); absent only in a context a unit test builds. */
  consent?: ConsentFlows;
}
