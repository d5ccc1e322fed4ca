import type { ApiErrorBody } from '../../shared/errors.js';
import type { Clock, Logger, SecretCipher } from './platform/ports.js';

/**
 * The engine as its hosts see it: one `call` per contract method (shared/contract.ts), events out.
 * Hosts (main/server, main/shell) run it in a worker thread and relay calls and events.
 */

export type EngineEventType = 'run.started' | 'run.progress' | 'run.finished' | 'alert' | 'state.changed' | 'health';

/**
 * Whether the engine can do its work. `degraded`: it runs and answers reads, but cannot save (the disk
 * holding its data is full or failing); `reason` says which disk and what to do. Sent as a `health`
 * event (data: { health }) whenever it changes.
 */
export type EngineHealth = { status: 'ok' } | { status: 'degraded'; reason: string; since: string };

export interface EngineEvent {
  type: EngineEventType;
  /** ISO UTC. */
  at: string;
  data: Record<string, unknown>;
}

export interface Engine {
  /** Validates `input` against the method's schema, runs it; rejects with DockhandError. */
  call(method: string, input: unknown): Promise<unknown>;
  onEvent(listener: (event: EngineEvent) => void): () => void;
  /** Current health, answered without a round trip (the hosts' /health and stderr use it). */
  health(): EngineHealth;
  /** Stop the scheduler, let running steps finish or abandon them safely, snapshot, release files. */
  close(): Promise<void>;
}

export interface EngineOptions {
  dataDir: string;
  secrets: SecretCipher;
  log: Logger;
  clock?: Clock;
  /** Start the schedules (false in tests that drive services by hand). Default true. */
  startScheduler?: boolean;
  /**
   * Store tuning (tests and the benchmark): when to fold the journal into a snapshot, how many to keep,
   * how often to probe a disk that could not be written; tests also simulate a full disk.
   */
  store?: {
    snapshotEveryBytes?: number;
    snapshotEveryMs?: number;
    keepSnapshots?: number;
    diskProbeEveryMs?: number;
    diskProbeOnWriteAfterMs?: number;
    simulatedDisk?: { diskFull(): boolean };
  };
}

/** What crosses the worker boundary (structured-clone safe). */
export type WorkerRequest =
  | { type: 'call'; id: number; method: string; input: unknown }
  | { type: 'close'; id: number };

export type WorkerResponse =
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: ApiErrorBody }
  | { type: 'event'; event: EngineEvent }
  | { type: 'ready'; health: EngineHealth }
  | { type: 'fatal'; error: ApiErrorBody };
