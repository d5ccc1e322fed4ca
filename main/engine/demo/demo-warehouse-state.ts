import path from 'node:path';
import { z } from 'zod';
import type { WmsSettings } from '../../../shared/schemas/wms.js';
import { getSetting, putSetting } from '../store/repositories/settings-repo.js';
import type { SqlReader, SqlRunner } from '../store/sql.js';

/**
 * Whether the demo warehouse plays the WMS, saved so it resumes after a restart. demo.setup turns it
 * on; the actor turns it off (with the reason) once the WMS no longer uses the demo folder or the
 * demo merchant is gone, and only another demo.setup turns it on again.
 */
export const demoWarehouseStateSchema = z.object({
  enabled: z.boolean(),
  /** The folder the Local-folder WMS must point at for the demo warehouse to play. */
  folder: z.string(),
  merchantId: z.number().int(),
  cartId: z.number().int(),
  /** ISO UTC: when demo.setup last turned it on. */
  enabledAt: z.string(),
  /** ISO UTC: the last inventory file written; null means "write one now". */
  lastInventoryAt: z.string().nullable(),
  disabledReason: z.string().nullable(),
});
export type DemoWarehouseState = z.infer<typeof demoWarehouseStateSchema>;

const KEY = 'demo_warehouse';

export function getDemoWarehouseState(db: SqlReader): DemoWarehouseState | undefined {
  const parsed = demoWarehouseStateSchema.safeParse(getSetting(db, KEY));
  return parsed.success ? parsed.data : undefined;
}

export function saveDemoWarehouseState(db: SqlRunner, state: DemoWarehouseState, now: string): void {
  putSetting(db, KEY, state, now);
}

/** Turn the demo warehouse on for this merchant, cart and folder (demo.setup). */
export function enableDemoWarehouse(
  db: SqlRunner,
  target: { folder: string; merchantId: number; cartId: number },
  now: string,
): DemoWarehouseState {
  const state: DemoWarehouseState = { enabled: true, ...target, enabledAt: now, lastInventoryAt: null, disabledReason: null };
  saveDemoWarehouseState(db, state, now);
  return state;
}

/** True when the saved WMS is the Local-folder CSV WMS on the demo folder (what the actor plays). */
export function wmsUsesDemoFolder(settings: WmsSettings | null | undefined, folder: string): boolean {
  if (!settings || settings.kind !== 'csv' || settings.transport.kind !== 'folder') return false;
  return path.resolve(settings.transport.path) === path.resolve(folder);
}
