import type { SyncPositionPort } from './connectors/carts/cart-connector.js';
import { checkStreamName, otherStreamPositions } from './connectors/carts/sync-streams.js';
import type { Clock } from './platform/ports.js';
import { getSyncPosition, setSyncPosition } from './store/repositories/sync-positions-repo.js';
import type { Store } from './store/sql.js';

/**
 * A saved cart's sync positions of streams other than 'orders', as its connector reads and saves them:
 * a save is one durable write transaction, resolved once on disk.
 */
export function storedSyncPositions(store: Store, clock: Clock, cartId: number): SyncPositionPort {
  return {
    read: async (stream) => {
      checkStreamName(stream);
      return store.read((db) => getSyncPosition(db, cartId, stream));
    },
    async save(positions) {
      const entries = otherStreamPositions(positions);
      if (entries.length === 0) return;
      const now = clock.now().toISOString();
      await store.write((db) => {
        for (const [stream, position] of entries) setSyncPosition(db, cartId, stream, position, now);
      });
    },
  };
}
