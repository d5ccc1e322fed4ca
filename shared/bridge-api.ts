import type { ApiErrorBody } from './errors.js';

/**
 * What the Electron preload exposes to the screens as `window.dockhand` (contextBridge). The screens
 * use it when present and fall back to HTTP (the headless host) when not; both carry the same contract.
 */

/**
 * An engine event as it reaches the screens (run progress, run finished, alert, state changed, health:
 * whether Dockhand can save, `data.health` = { status: 'ok' } or { status: 'degraded', reason, since }).
 */
export interface BridgeEvent {
  type: 'run.started' | 'run.progress' | 'run.finished' | 'alert' | 'state.changed' | 'health';
  /** ISO UTC. */
  at: string;
  data: Record<string, unknown>;
}

export type BridgeResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };

export interface DockhandBridge {
  /** One contract method; never rejects for an API error (it comes back as `{ ok: false }`). */
  call(method: string, input: unknown): Promise<BridgeResult>;
  /** Engine events; returns the unsubscribe function. */
  onEvent(listener: (event: BridgeEvent) => void): () => void;
}
