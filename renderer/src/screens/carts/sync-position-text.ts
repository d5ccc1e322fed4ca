import { cartPlatform } from '../../../../shared/platforms/index.js';
import { describeOpaquePosition, type SyncPositionText } from '../../../../shared/platforms/sync-position.js';

export { formatUtc } from '../../../../shared/platforms/sync-position.js';
export type { SyncPositionText };

/**
 * The cart's sync position in words, as its platform's descriptor reads it (shared/platforms); a
 * platform Dockhand cannot read shows the position as saved.
 */
export function describeSyncPosition(platform: string, cursor: string | null, earliestOrderDate: string): SyncPositionText {
  return (cartPlatform(platform)?.describeSyncPosition ?? describeOpaquePosition)(cursor, earliestOrderDate);
}
