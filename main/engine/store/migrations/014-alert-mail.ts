import type { SqlRunner } from '../sql.js';

/**
 * E-mail alerts (main/engine/mail). `alert_mail` holds one row per alert episode that is to be mailed:
 * queued when the alert is seen open, tied to the digest that carried it once that digest was accepted
 * by the SMTP server, deleted if the alert closed before then (an alert that solved itself is not
 * mailed). `alert_mail_digests` is one message to one group of contacts (a merchant's error contacts, or
 * the account's), with its attempts: a digest is created before it is sent and marked sent in the same
 * transaction that ties its alerts to it, so a restart neither loses nor sends it twice (a crash between
 * the server's accept and that commit sends it once more: at least once).
 */
export const alertMail = {
  version: 14,
  name: 'alert mail',
  up(db: SqlRunner): void {
    db.run(`CREATE TABLE alert_mail_digests (
      id INTEGER PRIMARY KEY,
      recipient_group TEXT NOT NULL,
      status TEXT NOT NULL,
      recipients_json TEXT NOT NULL DEFAULT '[]',
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      next_try_at TEXT,
      created_at TEXT NOT NULL,
      sent_at TEXT
    )`);
    db.run('CREATE INDEX alert_mail_digests_by_group ON alert_mail_digests (recipient_group, status)');
    db.run(`CREATE TABLE alert_mail (
      id INTEGER PRIMARY KEY,
      alert_id INTEGER NOT NULL,
      recipient_group TEXT NOT NULL,
      queued_at TEXT NOT NULL,
      digest_id INTEGER REFERENCES alert_mail_digests(id),
      ended INTEGER NOT NULL DEFAULT 0
    )`);
    db.run('CREATE INDEX alert_mail_by_alert ON alert_mail (alert_id, ended)');
    db.run('CREATE INDEX alert_mail_by_group ON alert_mail (recipient_group, digest_id)');
  },
};
