import type { SetupStep } from '../../../../shared/setup-steps.js';
import type { SqlReader, SqlRunner } from '../sql.js';
import { getSetting, putSetting } from './settings-repo.js';

/** Whether a person chose "Set up myself", and whether they dismissed the checklist since. */
export interface SetupChecklistState {
  begun: boolean;
  dismissed: boolean;
}

const CHECKLIST_KEY = 'setup.checklist';
/** Cart ids whose Test passed over their saved settings, with when (the checklist's "Test passed"). */
const TESTS_PASSED_KEY = 'carts.testsPassed';

export function getChecklistState(db: SqlReader): SetupChecklistState {
  return { begun: false, dismissed: false, ...getSetting<Partial<SetupChecklistState>>(db, CHECKLIST_KEY) };
}

export function putChecklistState(db: SqlRunner, state: SetupChecklistState, now: string): void {
  putSetting(db, CHECKLIST_KEY, state, now);
}

export function recordCartTestPassed(db: SqlRunner, cartId: number, now: string): void {
  const passed = getSetting<Record<string, string>>(db, TESTS_PASSED_KEY) ?? {};
  putSetting(db, TESTS_PASSED_KEY, { ...passed, [cartId]: now }, now);
}

/** Cart ids (still held) whose Test passed at least once. */
export function cartsWithPassedTest(db: SqlReader): number[] {
  const passed = Object.keys(getSetting<Record<string, string>>(db, TESTS_PASSED_KEY) ?? {}).map(Number);
  const held = new Set(db.all<{ id: number }>('SELECT id FROM cart_connections').map((r) => r.id));
  return passed.filter((id) => held.has(id));
}

const exists = (db: SqlReader, sql: string): boolean => db.get(`SELECT EXISTS (${sql}) AS yes`)?.yes === 1;

/** Which checklist steps the saved setup completes, read from the setup itself (so each ticks by itself). */
export function completedSetupSteps(db: SqlReader): Record<SetupStep, boolean> {
  return {
    warehouse: exists(db, 'SELECT 1 FROM wms'),
    merchant: exists(db, 'SELECT 1 FROM merchants'),
    store: cartsWithPassedTest(db).length > 0,
    // Every code a store sent is mapped (codes are seen at download; none seen yet is nothing to map).
    ship_methods:
      exists(db, 'SELECT 1 FROM ship_methods') &&
      !exists(db, 'SELECT 1 FROM ship_code_map m JOIN cart_connections c ON c.id = m.cart_id WHERE m.wms_code IS NULL'),
    services:
      exists(
        db,
        `SELECT 1 FROM schedules s JOIN cart_connections c ON c.id = s.target_id
         WHERE s.service = 'order_download' AND s.minutes IS NOT NULL AND s.paused_by IS NULL`,
      ) &&
      exists(
        db,
        `SELECT 1 FROM schedules s JOIN merchants m ON m.id = s.target_id
         WHERE s.service = 'order_delivery' AND s.minutes IS NOT NULL AND s.paused_by IS NULL`,
      ),
  };
}

/** Where each step is done: the first merchant and cart when there are some. */
export function setupLinks(db: SqlReader): Record<SetupStep, string> {
  const merchant = db.get<{ id: number }>('SELECT id FROM merchants ORDER BY id LIMIT 1');
  const cart = db.get<{ id: number }>('SELECT id FROM cart_connections ORDER BY id LIMIT 1');
  const newCart = merchant ? `/carts/new?merchant=${merchant.id}` : '/merchants/new';
  return {
    warehouse: '/wms',
    merchant: merchant ? `/merchants/${merchant.id}` : '/merchants/new',
    store: cart ? `/carts/${cart.id}` : newCart,
    ship_methods: cart ? `/ship-methods?cart=${cart.id}` : '/ship-methods',
    services: cart ? `/carts/${cart.id}` : newCart,
  };
}
