import type { AlertView } from '../../shared/api-types.js';
import type { EngineEvent } from './engine-api.js';
import type { Clock, Logger } from './platform/ports.js';
import { openAlerts, raiseAlert } from './store/repositories/alerts-repo.js';
import type { Store } from './store/sql.js';

export interface OutboxAlert {
  key: string;
  severity: AlertView['severity'];
  message: string;
}

/**
 * Alerts the engine raises on its own behalf (the store's: damage found on open, a failed snapshot,
 * a full disk). Each is saved to the alerts table as soon as the store can save; until then it is kept
 * in memory and shown with the saved ones, so the alert that says "the disk is full" is visible while
 * the disk is full, and is not lost with the process once it can be saved.
 */
export interface AlertOutbox {
  /** Raises (or, by key, updates) an alert: saved now if the store can, else when it can again. */
  raise(alert: OutboxAlert): Promise<void>;
  /** Alerts not saved yet, as the screens show them (ids below zero: they have no row yet). */
  unsaved(): AlertView[];
  /** Saves what waits; called when the store can save again. Never rejects. */
  flush(): Promise<void>;
}

export function createAlertOutbox(deps: { store: Store; clock: Clock; log: Logger; emit(event: EngineEvent): void }): AlertOutbox {
  const waiting = new Map<string, AlertView>();
  let nextId = -1;
  let flushing: Promise<void> = Promise.resolve();

  async function saveWaiting(): Promise<void> {
    for (const [key, alert] of [...waiting]) {
      if (!deps.store.health().writable) return;
      try {
        const saved = await deps.store.write((db) => {
          raiseAlert(db, { key, severity: alert.severity, message: alert.message }, alert.updatedAt);
          return openAlerts(db).find((a) => a.key === key);
        });
        // Raised again while it was being saved: the newer text waits for the next flush.
        if (waiting.get(key) === alert) waiting.delete(key);
        if (saved) deps.emit({ type: 'alert', at: saved.updatedAt, data: { alert: saved } });
      } catch (err) {
        deps.log.log('warn', 'An alert could not be saved yet; it is shown from memory until it can be', { key, error: err });
        return;
      }
    }
  }

  const outbox: AlertOutbox = {
    raise(a) {
      const now = deps.clock.now().toISOString();
      const earlier = waiting.get(a.key);
      const view: AlertView = {
        id: earlier?.id ?? nextId--,
        key: a.key,
        severity: a.severity,
        targetType: null,
        targetId: null,
        message: a.message,
        createdAt: earlier?.createdAt ?? now,
        updatedAt: now,
      };
      waiting.set(a.key, view);
      deps.emit({ type: 'alert', at: now, data: { alert: view } });
      return outbox.flush();
    },
    unsaved: () => [...waiting.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    flush() {
      flushing = flushing.then(saveWaiting, saveWaiting);
      return flushing;
    },
  };
  return outbox;
}
