import type { BridgeEvent } from '../../../shared/bridge-api.js';
import { bridge } from './client.js';

/**
 * Engine events (run progress, run finished, alerts, state changes): over the bridge in Electron, over
 * Server-Sent Events from the headless host. One shared connection, many listeners.
 */

type Listener = (event: BridgeEvent) => void;
const listeners = new Set<Listener>();
let disconnect: (() => void) | null = null;
const EVENT_TYPES: BridgeEvent['type'][] = ['run.started', 'run.progress', 'run.finished', 'alert', 'state.changed'];

function emit(event: BridgeEvent): void {
  for (const listener of listeners) listener(event);
}

function connect(): () => void {
  const viaBridge = bridge();
  if (viaBridge) return viaBridge.onEvent(emit);
  if (typeof EventSource === 'undefined') return () => {};
  // EventSource reconnects by itself (the host sends `retry: 3000`).
  const source = new EventSource('api/events', { withCredentials: true });
  const onMessage = (message: MessageEvent<string>) => {
    try {
      emit(JSON.parse(message.data) as BridgeEvent);
    } catch {
      // A malformed event is ignored; the next refetch shows the truth anyway.
    }
  };
  for (const type of EVENT_TYPES) source.addEventListener(type, onMessage as EventListener);
  return () => source.close();
}

export function subscribeEvents(listener: Listener): () => void {
  listeners.add(listener);
  if (!disconnect) disconnect = connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && disconnect) {
      disconnect();
      disconnect = null;
    }
  };
}
