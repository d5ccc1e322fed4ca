import { CART_SERVICES, MERCHANT_SERVICES } from '../../../../shared/domain.js';
import type { MailSettings } from '../../../../shared/schemas/mail.js';
import type { SqlReader, SqlRunner } from '../sql.js';
import { parseJson } from './json-column.js';
import { getSetting, putSetting } from './settings-repo.js';

/**
 * E-mail alerts in the store (migration 014): the SMTP setting, which alert is queued for which group of
 * contacts, and the digests with their attempts. A group is a merchant's error contacts
 * ("merchant:3") or the account's contacts ("account").
 */

const MAIL_SETTING_KEY = 'mail';

/** Alerts Dockhand raises about its own e-mail: never e-mailed (a failing server would mail itself in a loop). */
export const MAIL_ALERT_PREFIX = 'mail:';

export interface SavedMail {
  settings: MailSettings;
  /** The password sealed to the server's address (saved-secret.ts), or null. */
  secretsSealed: string | null;
}

export function getMailSetting(db: SqlReader): SavedMail | undefined {
  return getSetting<SavedMail>(db, MAIL_SETTING_KEY);
}

export function saveMailSetting(db: SqlRunner, saved: SavedMail, now: string): void {
  putSetting(db, MAIL_SETTING_KEY, saved, now);
}

export type RecipientGroup = `merchant:${number}` | 'account';

export function merchantOfGroup(group: string): number | null {
  const match = /^merchant:(\d+)$/.exec(group);
  return match ? Number(match[1]) : null;
}

interface AlertRow {
  id: number;
  alert_key: string;
  target_type: string | null;
  target_id: number | null;
}

/**
 * Whose contacts hear of an alert: the merchant it is about (through its cart or order where it is about
 * one of those), else the account. A merchant's warehouse job paused by a setup problem ("the merchant's
 * confirmations folder is missing") is that merchant's; a refused WMS login is one alert for every
 * merchant (`auth:wms`, job-alerts.ts), so it is the account's, as are the store's own alerts.
 */
export function recipientGroupOf(db: SqlReader, alert: { key: string; targetType: string | null; targetId: number | null }): RecipientGroup {
  const { targetType: type, targetId: id } = alert;
  if (type === null || id === null || alert.key === 'auth:wms') return 'account';
  let merchantId: number | undefined;
  if (type === 'merchant' || type === 'wms' || (MERCHANT_SERVICES as readonly string[]).includes(type)) {
    merchantId = db.get<{ id: number }>('SELECT id FROM merchants WHERE id = ?', [id])?.id;
  } else if (type === 'cart' || (CART_SERVICES as readonly string[]).includes(type)) {
    merchantId = db.get<{ merchant_id: number }>('SELECT merchant_id FROM cart_connections WHERE id = ?', [id])?.merchant_id;
  } else if (type === 'order') {
    merchantId = db.get<{ merchant_id: number }>('SELECT merchant_id FROM orders WHERE id = ?', [id])?.merchant_id;
  }
  return merchantId === undefined ? 'account' : `merchant:${merchantId}`;
}

/** Open alerts that no queued or sent mail row covers yet (the mail's own alerts excepted). */
export function unqueuedOpenAlerts(db: SqlReader): { id: number; key: string; targetType: string | null; targetId: number | null }[] {
  return db
    .all<AlertRow>(
      `SELECT a.id, a.alert_key, a.target_type, a.target_id FROM alerts a
       WHERE a.cleared_at IS NULL AND a.alert_key NOT LIKE ?
         AND NOT EXISTS (SELECT 1 FROM alert_mail m WHERE m.alert_id = a.id AND m.ended = 0)
       ORDER BY a.id`,
      [`${MAIL_ALERT_PREFIX}%`],
    )
    .map((r) => ({ id: r.id, key: r.alert_key, targetType: r.target_type, targetId: r.target_id }));
}

export function queueAlertMail(db: SqlRunner, alertId: number, group: RecipientGroup, now: string): void {
  db.run('INSERT INTO alert_mail (alert_id, recipient_group, queued_at) VALUES (?, ?, ?)', [alertId, group, now]);
}

/**
 * Alerts that closed (solved, dismissed or deleted): one still queued is left out of every digest (its
 * row goes); one already mailed ends its episode, so raising it again later mails it again.
 * Returns how many queued ones were left out.
 */
export function settleClosedAlerts(db: SqlRunner): number {
  const closed = `NOT EXISTS (SELECT 1 FROM alerts a WHERE a.id = alert_mail.alert_id AND a.cleared_at IS NULL)`;
  const leftOut = db.run(`DELETE FROM alert_mail WHERE ended = 0 AND digest_id IS NULL AND ${closed}`).changes;
  db.run(`UPDATE alert_mail SET ended = 1 WHERE ended = 0 AND digest_id IS NOT NULL AND ${closed}`);
  return leftOut;
}

/** Drops the queued rows of a group that has nobody to tell (its contacts were removed). */
export function dropQueued(db: SqlRunner, group: string): void {
  db.run('DELETE FROM alert_mail WHERE recipient_group = ? AND digest_id IS NULL', [group]);
}

export interface QueuedAlert {
  mailId: number;
  alertId: number;
  severity: 'info' | 'warning' | 'error';
  message: string;
  targetType: string | null;
  targetId: number | null;
  updatedAt: string;
  queuedAt: string;
}

/** The group's alerts waiting for a digest that are still open, oldest first. */
export function queuedAlerts(db: SqlReader, group: string): QueuedAlert[] {
  return db
    .all<{ mail_id: number; alert_id: number; severity: QueuedAlert['severity']; message: string; target_type: string | null; target_id: number | null; updated_at: string; queued_at: string }>(
      `SELECT m.id AS mail_id, a.id AS alert_id, a.severity, a.message, a.target_type, a.target_id, a.updated_at, m.queued_at
       FROM alert_mail m JOIN alerts a ON a.id = m.alert_id
       WHERE m.recipient_group = ? AND m.digest_id IS NULL AND m.ended = 0 AND a.cleared_at IS NULL
       ORDER BY m.queued_at, m.id`,
      [group],
    )
    .map((r) => ({
      mailId: r.mail_id,
      alertId: r.alert_id,
      severity: r.severity,
      message: r.message,
      targetType: r.target_type,
      targetId: r.target_id,
      updatedAt: r.updated_at,
      queuedAt: r.queued_at,
    }));
}

/** Groups with alerts waiting for a digest. */
export function groupsWithQueuedAlerts(db: SqlReader): string[] {
  return db
    .all<{ recipient_group: string }>('SELECT DISTINCT recipient_group FROM alert_mail WHERE digest_id IS NULL AND ended = 0 ORDER BY recipient_group')
    .map((r) => r.recipient_group);
}

export interface DigestRow {
  id: number;
  group: string;
  status: 'pending' | 'sent' | 'dropped';
  recipients: string[];
  attempts: number;
  lastError: string | null;
  nextTryAt: string | null;
  createdAt: string;
  sentAt: string | null;
}

interface RawDigest {
  id: number;
  recipient_group: string;
  status: DigestRow['status'];
  recipients_json: string;
  attempts: number;
  last_error: string | null;
  next_try_at: string | null;
  created_at: string;
  sent_at: string | null;
}

const digestOf = (r: RawDigest): DigestRow => ({
  id: r.id,
  group: r.recipient_group,
  status: r.status,
  recipients: parseJson<string[]>(r.recipients_json, []),
  attempts: r.attempts,
  lastError: r.last_error,
  nextTryAt: r.next_try_at,
  createdAt: r.created_at,
  sentAt: r.sent_at,
});

/** The group's digest that has not gone out yet (at most one: it takes every queued alert of the group). */
export function pendingDigest(db: SqlReader, group: string): DigestRow | undefined {
  const r = db.get<RawDigest>(`SELECT * FROM alert_mail_digests WHERE recipient_group = ? AND status = 'pending' ORDER BY id LIMIT 1`, [group]);
  return r ? digestOf(r) : undefined;
}

export function lastSentDigest(db: SqlReader, group: string): DigestRow | undefined {
  const r = db.get<RawDigest>(`SELECT * FROM alert_mail_digests WHERE recipient_group = ? AND status = 'sent' ORDER BY sent_at DESC, id DESC LIMIT 1`, [group]);
  return r ? digestOf(r) : undefined;
}

export function getDigest(db: SqlReader, id: number): DigestRow | undefined {
  const r = db.get<RawDigest>('SELECT * FROM alert_mail_digests WHERE id = ?', [id]);
  return r ? digestOf(r) : undefined;
}

/** Every digest still trying to go out after failing at least once. */
export function failingDigests(db: SqlReader): DigestRow[] {
  return db.all<RawDigest>(`SELECT * FROM alert_mail_digests WHERE status = 'pending' AND attempts > 0 ORDER BY id`).map(digestOf);
}

/** Recorded before the message is handed to the server, so its attempts survive a restart. */
export function createDigest(db: SqlRunner, group: string, recipients: readonly string[], now: string): number {
  return db.run(`INSERT INTO alert_mail_digests (recipient_group, status, recipients_json, created_at) VALUES (?, 'pending', ?, ?)`, [
    group,
    JSON.stringify(recipients),
    now,
  ]).lastInsertRowid;
}

/** The server took the digest: it and the alerts it carried are done, in one transaction. */
export function markDigestSent(db: SqlRunner, digestId: number, mailIds: readonly number[], recipients: readonly string[], now: string): void {
  db.run(`UPDATE alert_mail_digests SET status = 'sent', sent_at = ?, attempts = attempts + 1, recipients_json = ?, last_error = NULL, next_try_at = NULL WHERE id = ?`, [
    now,
    JSON.stringify(recipients),
    digestId,
  ]);
  for (const id of mailIds) db.run('UPDATE alert_mail SET digest_id = ? WHERE id = ? AND digest_id IS NULL', [digestId, id]);
}

export function markDigestFailed(db: SqlRunner, digestId: number, recipients: readonly string[], reason: string, nextTryAt: string): DigestRow {
  db.run('UPDATE alert_mail_digests SET attempts = attempts + 1, last_error = ?, next_try_at = ?, recipients_json = ? WHERE id = ?', [
    reason,
    nextTryAt,
    JSON.stringify(recipients),
    digestId,
  ]);
  return getDigest(db, digestId)!;
}

/** Nothing left to say (every alert closed before it went out): no empty digest is sent. */
export function dropDigest(db: SqlRunner, digestId: number): void {
  db.run(`UPDATE alert_mail_digests SET status = 'dropped', next_try_at = NULL WHERE id = ?`, [digestId]);
}

export interface AlertMailRow {
  alertId: number;
  group: string;
  queuedAt: string;
  digest: DigestRow | null;
}

/** The current mail row of each open alert, with its digest once it has one. */
export function openAlertMailRows(db: SqlReader): AlertMailRow[] {
  const rows = db.all<{ alert_id: number; recipient_group: string; queued_at: string; digest_id: number | null }>(
    `SELECT m.alert_id, m.recipient_group, m.queued_at, m.digest_id FROM alert_mail m
     JOIN alerts a ON a.id = m.alert_id WHERE m.ended = 0 AND a.cleared_at IS NULL`,
  );
  const digests = new Map<number, DigestRow>();
  return rows.map((r) => {
    let digest: DigestRow | null = null;
    if (r.digest_id !== null) {
      digest = digests.get(r.digest_id) ?? getDigest(db, r.digest_id) ?? null;
      if (digest) digests.set(r.digest_id, digest);
    }
    return { alertId: r.alert_id, group: r.recipient_group, queuedAt: r.queued_at, digest };
  });
}

/**
 * Keeps the mail history bounded (DESIGN.md: retention): digests sent or dropped before `cutoff` go, with
 * the rows of alerts that have since closed; what an open alert's state names is kept.
 */
export function pruneAlertMail(db: SqlRunner, cutoff: string): void {
  db.run(
    `DELETE FROM alert_mail WHERE ended = 1
       AND digest_id IN (SELECT id FROM alert_mail_digests WHERE status = 'sent' AND sent_at < ?)`,
    [cutoff],
  );
  db.run(
    `DELETE FROM alert_mail_digests WHERE status IN ('sent', 'dropped') AND created_at < ?
       AND id NOT IN (SELECT digest_id FROM alert_mail WHERE digest_id IS NOT NULL)`,
    [cutoff],
  );
}

/** Saved mail settings are a person's fix: digests waiting out a backoff are tried on the next pass. */
export function retryPendingDigestsNow(db: SqlRunner, now: string): void {
  db.run(`UPDATE alert_mail_digests SET next_try_at = ? WHERE status = 'pending' AND attempts > 0`, [now]);
}

/**
 * E-mail alerts turned off: the setting and its sealed password go, nothing queued or failing waits to be
 * sent later, and the alerts about failing e-mail clear. Turned on again, the alerts open then are mailed.
 */
export function removeMailSetting(db: SqlRunner, now: string): void {
  db.run('DELETE FROM settings WHERE setting_key = ?', [MAIL_SETTING_KEY]);
  db.run('DELETE FROM alert_mail WHERE digest_id IS NULL');
  db.run(`UPDATE alert_mail_digests SET status = 'dropped', next_try_at = NULL WHERE status = 'pending'`);
  db.run('UPDATE alerts SET cleared_at = ? WHERE alert_key LIKE ? AND cleared_at IS NULL', [now, `${MAIL_ALERT_PREFIX}%`]);
}
