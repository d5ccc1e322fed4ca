import type { SqlReader, SqlRunner } from '../sql.js';

/** How a cart's last consent flow stands (main/engine/oauth/). */
export type ConsentFlowStatus = 'pending' | 'connected' | 'failed';

export interface ConsentFlowRow {
  cartId: number;
  /** The created_at of the cart the flow was started for (a deleted cart's id may be reused). */
  cartCreatedAt: string;
  /** A setup link sent to the merchant (7 days) rather than a consent opened here (10 minutes). */
  shared: boolean;
  status: ConsentFlowStatus;
  /** Why it failed, in the person's words; null otherwise. */
  reason: string | null;
  /** The sealed pending flow (state, verifier, redirect, consent URL); null once it ended. */
  sealed: string | null;
  startedAt: string;
  expiresAt: string;
  finishedAt: string | null;
}

interface Raw {
  cart_id: number;
  cart_created_at: string;
  shared: number;
  status: ConsentFlowStatus;
  reason: string | null;
  sealed: string | null;
  started_at: string;
  expires_at: string;
  finished_at: string | null;
}

function fromRaw(r: Raw): ConsentFlowRow {
  return {
    cartId: r.cart_id,
    cartCreatedAt: r.cart_created_at,
    shared: r.shared === 1,
    status: r.status,
    reason: r.reason,
    sealed: r.sealed,
    startedAt: r.started_at,
    expiresAt: r.expires_at,
    finishedAt: r.finished_at,
  };
}

export function getConsentFlow(db: SqlReader, cartId: number): ConsentFlowRow | undefined {
  const raw = db.get<Raw>('SELECT * FROM consent_flows WHERE cart_id = ?', [cartId]);
  return raw ? fromRaw(raw) : undefined;
}

/** A new pending flow replaces whatever the cart had: one flow per cart. */
export function putPendingConsentFlow(
  db: SqlRunner,
  flow: Pick<ConsentFlowRow, 'cartId' | 'cartCreatedAt' | 'shared' | 'startedAt' | 'expiresAt'> & { sealed: string },
): void {
  db.run('DELETE FROM consent_flows WHERE cart_id = ?', [flow.cartId]);
  db.run(
    `INSERT INTO consent_flows (cart_id, cart_created_at, shared, status, reason, sealed, started_at, expires_at, finished_at)
     VALUES (?, ?, ?, 'pending', NULL, ?, ?, ?, NULL)`,
    [flow.cartId, flow.cartCreatedAt, flow.shared ? 1 : 0, flow.sealed, flow.startedAt, flow.expiresAt],
  );
}

/** Ends a flow: what it was checked against is dropped, how it ended is kept. */
export function finishConsentFlow(db: SqlRunner, cartId: number, outcome: { status: 'connected' | 'failed'; reason: string | null }, now: string): void {
  db.run('UPDATE consent_flows SET status = ?, reason = ?, sealed = NULL, finished_at = ? WHERE cart_id = ?', [outcome.status, outcome.reason, now, cartId]);
}

export function deleteConsentFlow(db: SqlRunner, cartId: number): void {
  db.run('DELETE FROM consent_flows WHERE cart_id = ?', [cartId]);
}
