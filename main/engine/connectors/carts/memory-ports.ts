import type { RotatedCredentialsPort, SyncPositionPort } from './cart-connector.js';
import { checkStreamName, otherStreamPositions } from './sync-streams.js';

/**
 * The cart ports held in memory, for a connector that runs without a saved cart: a Test of settings
 * not saved yet (nothing it learns may outlive the Test), and unit tests and fakes (which read back
 * what a connector saved from `saved`).
 */
export interface MemoryCartPorts {
  positions: SyncPositionPort;
  credentials: RotatedCredentialsPort;
  /** What was saved so far: positions by stream, and the merged rotated credential values. */
  saved: { positions: Map<string, string>; credentials: Record<string, string> };
}

export function memoryCartPorts(initial: { positions?: Record<string, string> } = {}): MemoryCartPorts {
  const saved = { positions: new Map(Object.entries(initial.positions ?? {})), credentials: {} as Record<string, string> };
  return {
    saved,
    positions: {
      async read(stream) {
        return saved.positions.get(checkStreamName(stream)) ?? null;
      },
      async save(positions) {
        for (const [stream, position] of otherStreamPositions(positions)) {
          if (position === null) saved.positions.delete(stream);
          else saved.positions.set(stream, position);
        }
      },
    },
    credentials: {
      async save(values) {
        Object.assign(saved.credentials, values);
        return true;
      },
    },
  };
}
