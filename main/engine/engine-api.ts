import type { ApiErrorBody } from '../../shared/errors.js';
import type { Clock, Logger, SecretCipher } from './platform/ports.js';

/**
 * The engine as its hosts see it: one `call` per contract method (shared/contract.ts), events out.
 * Hosts (main/server, main/shell) run it in a worker thread and relay calls and events.
 */

export type EngineEventType = 'run.started' | 'run.progress' | 'run.finished' | 'alert' | 'state.changed';

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
  /** Store tuning (tests and the benchmark): when to fold the journal into a snapshot, how many to keep. */
  store?: { snapshotEveryBytes?: number; snapshotEveryMs?: number; keepSnapshots?: number };
}

/** What crosses the worker boundary (structured-clone safe). */
export type WorkerRequest =
  | { type: 'call'; id: number; method: string; input: unknown }
  | { type: 'close'; id: number };

export type WorkerResponse =
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: ApiErrorBody }
  | { type: 'event'; event: EngineEvent }
  | { type: 'ready' }
  | { type: 'fatal'; error: ApiErrorBody };
