import type { SqlRunner } from '../sql.js';

/**
 * Consent flows (main/engine/oauth/): one row per cart whose account is being connected through its
 * platform's consent page. What the landing address is checked against (the `state`, the PKCE verifier,
 * the redirect_uri sent) is sealed like saved credentials, because a shared setup link waits up to 7
 * days for the merchant's landing address and must outlive a restart. The row stays after the flow
 * ends (sealed emptied) so the cart screen can say how the last attempt ended. `cart_created_at` ties
 * the row to the cart it was started for: SQLite may give a deleted cart's id to a new one.
 */
export const consentFlows = {
  version: 19,
  name: 'consent flows',
  up(db: SqlRunner): void {
    db.run(`CREATE TABLE consent_flows (
      cart_id INTEGER PRIMARY KEY,
      cart_created_at TEXT NOT NULL,
      shared INTEGER NOT NULL,
      status TEXT NOT NULL,
      reason TEXT,
      sealed TEXT,
      started_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      finished_at TEXT
    )`);
  },
};
