import { isDockhandError } from '../../../shared/errors.js';
import type { MailSettings } from '../../../shared/schemas/mail.js';
import type { EngineEvent } from '../engine-api.js';
import type { Clock, Logger, SecretCipher } from '../platform/ports.js';
import {
  createDigest,
  dropDigest,
  dropQueued,
  getMailSetting,
  groupsWithQueuedAlerts,
  lastSentDigest,
  markDigestFailed,
  markDigestSent,
  MAIL_ALERT_PREFIX,
  merchantOfGroup,
  pruneAlertMail,
  pendingDigest,
  queueAlertMail,
  queuedAlerts,
  recipientGroupOf,
  settleClosedAlerts,
  unqueuedOpenAlerts,
  type DigestRow,
  type SavedMail,
} from '../store/repositories/alert-mail-repo.js';
import { clearAlert, openAlerts, raiseAlert } from '../store/repositories/alerts-repo.js';
import { getMerchant } from '../store/repositories/merchants-repo.js';
import type { SqlReader, Store } from '../store/sql.js';
import { digestMessage, utcMinute } from './digest-message.js';
import { savedMailPassword } from './mail-secret.js';
import { sendMail as smtpSend, type SendMail } from './smtp-transport.js';

/**
 * E-mail alerts, one pass (the engine runs it every minute, main/engine/mail/alert-mail-job.ts):
 *
 * 1. Every open alert not yet queued is queued for its group: the error contacts of the merchant it is
 *    about, or the account contacts of the mail setting for an alert about no merchant (the WMS setup,
 *    the store). A group with nobody to tell queues nothing: such alerts are shown, not mailed.
 * 2. A queued alert that closed before its digest went out is dropped (not mailed).
 * 3. Each group's digest goes out when the group heard nothing in the last 30 minutes: so the first alert
 *    after a quiet spell is mailed at once (within the minute), and alerts raised in the 30 minutes after
 *    a digest wait and go together in the next one. A warehouse manager hears of a new problem at once,
 *    and a failing night is one message every half hour, not one per alert.
 * 4. The digest row is written before the message is handed to the server, and marked sent in the same
 *    transaction that ties its alerts to it: a restart neither loses it nor sends it again. A crash after
 *    the server accepted it but before that commit sends it once more (at least once).
 * 5. A failed send is retried with backoff (1, 2, 4 ... up to 60 minutes), shown on the Alerts screen
 *    with its reason and next try, and after 3 failures raises an alert of its own; alerts about mail
 *    are never mailed, so a broken server does not mail about itself in a loop.
 */

export const DIGEST_EVERY_MS = 30 * 60_000;
/** Failures of one digest before its own alert is raised. */
export const FAILURES_BEFORE_ALERT = 3;
const MAX_BACKOFF_MS = 60 * 60_000;
/** How long sent digests are kept (the Alerts screen names when an open alert was mailed). */
export const DIGESTS_KEPT_MS = 30 * 24 * 3_600_000;

export interface AlertMailDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  secrets: SecretCipher;
  emit?(event: EngineEvent): void;
  /** The SMTP client; tests pass one that trusts their own server's certificate. */
  send?: SendMail;
}

export interface AlertMailPass {
  sent: number;
  failed: number;
  leftOut: number;
}

/** The wait before the next try after `attempts` failures: 1, 2, 4, ... minutes, at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** Math.max(0, attempts - 1));
}

export function failureAlertKey(group: string): string {
  return `${MAIL_ALERT_PREFIX}failing:${group}`;
}

interface Audience {
  to: string[];
  about: string;
  why: string;
}

/** Who a group's digest goes to, now (contacts may have changed since the alert was queued). */
export function audienceOf(db: SqlReader, group: string, settings: MailSettings): Audience | null {
  const merchantId = merchantOfGroup(group);
  if (merchantId === null) {
    const to = [...new Set(settings.accountContacts)];
    return to.length ? { to, about: 'the warehouse account', why: 'You receive it as an account contact in Dockhand\'s mail settings.' } : null;
  }
  const merchant = getMerchant(db, merchantId);
  const to = [...new Set(merchant?.errorContacts ?? [])];
  return merchant && to.length ? { to, about: merchant.name, why: `You receive it as an error contact of ${merchant.name} in Dockhand.` } : null;
}

/** When a group's next digest may go out: at once unless one went out in the last 30 minutes. */
export function nextDigestAt(db: SqlReader, group: string): number {
  const pending = pendingDigest(db, group);
  if (pending) return pending.nextTryAt ? Date.parse(pending.nextTryAt) : 0;
  const last = lastSentDigest(db, group);
  return last?.sentAt ? Date.parse(last.sentAt) + DIGEST_EVERY_MS : 0;
}

export async function runAlertMailPass(deps: AlertMailDeps): Promise<AlertMailPass> {
  const pass: AlertMailPass = { sent: 0, failed: 0, leftOut: 0 };
  const saved = await deps.store.read((db) => getMailSetting(db));
  if (!saved) return pass;

  pass.leftOut = await deps.store.write((db) => {
    const now = deps.clock.now().toISOString();
    const leftOut = settleClosedAlerts(db);
    pruneAlertMail(db, new Date(deps.clock.now().getTime() - DIGESTS_KEPT_MS).toISOString());
    for (const alert of unqueuedOpenAlerts(db)) {
      const group = recipientGroupOf(db, alert);
      if (audienceOf(db, group, saved.settings)) queueAlertMail(db, alert.id, group, now);
    }
    return leftOut;
  });

  const groups = await deps.store.read((db) => groupsWithQueuedAlerts(db));
  for (const group of groups) {
    const outcome = await sendGroupDigest(deps, saved, group);
    if (outcome === 'sent') pass.sent++;
    if (outcome === 'failed') pass.failed++;
  }
  return pass;
}

async function sendGroupDigest(deps: AlertMailDeps, saved: SavedMail, group: string): Promise<'sent' | 'failed' | 'waiting'> {
  const now = () => deps.clock.now().toISOString();
  const planned = await deps.store.write((db) => {
    if (nextDigestAt(db, group) > deps.clock.now().getTime()) return null;
    const audience = audienceOf(db, group, saved.settings);
    const existing = pendingDigest(db, group);
    if (!audience) {
      // Nobody to tell any more (the contacts were removed): the queued alerts are shown, not mailed.
      dropQueued(db, group);
      if (existing) dropDigest(db, existing.id);
      clearAlert(db, failureAlertKey(group), now());
      return null;
    }
    const alerts = queuedAlerts(db, group);
    if (alerts.length === 0) {
      if (existing) dropDigest(db, existing.id);
      clearAlert(db, failureAlertKey(group), now());
      return null;
    }
    const digestId = existing?.id ?? createDigest(db, group, audience.to, now());
    return { digestId, audience, alerts };
  });
  if (!planned) return 'waiting';

  const { digestId, audience, alerts } = planned;
  const message = digestMessage({ to: audience.to, about: audience.about, alerts, appUrl: saved.settings.appUrl, everyMinutes: DIGEST_EVERY_MS / 60_000, why: audience.why });
  try {
    const password = savedMailPassword(deps.secrets, saved);
    await (deps.send ?? smtpSend)({ settings: saved.settings, password }, message);
  } catch (err) {
    const reason = isDockhandError(err) ? err.message : String((err as Error)?.message ?? err);
    const failed = await deps.store.write((db) => {
      const attempts = (pendingDigest(db, group)?.attempts ?? 0) + 1;
      const nextTryAt = new Date(deps.clock.now().getTime() + backoffMs(attempts)).toISOString();
      const digest = markDigestFailed(db, digestId, audience.to, reason, nextTryAt);
      if (digest.attempts >= FAILURES_BEFORE_ALERT) raiseFailureAlert(db, group, audience, digest, now());
      return digest;
    });
    deps.log.log('warn', 'An alert e-mail could not be sent; it is tried again', { group, attempts: failed.attempts, nextTryAt: failed.nextTryAt, reason });
    if (failed.attempts >= FAILURES_BEFORE_ALERT) emitAlert(deps, failureAlertKey(group));
    return 'failed';
  }
  await deps.store.write((db) => {
    markDigestSent(db, digestId, alerts.map((a) => a.mailId), audience.to, now());
    clearAlert(db, failureAlertKey(group), now());
  });
  deps.log.log('info', 'Alert e-mail sent', { group, alerts: alerts.length, recipients: audience.to.length });
  return 'sent';
}

function raiseFailureAlert(db: Parameters<typeof raiseAlert>[0], group: string, audience: Audience, digest: DigestRow, now: string): void {
  const reason = (digest.lastError ?? '').replace(/\.+$/, '');
  raiseAlert(
    db,
    {
      key: failureAlertKey(group),
      severity: 'error',
      targetType: 'mail',
      message: `E-mail alerts for ${audience.about} to ${audience.to.join(', ')} failed ${digest.attempts} times: ${reason}. Dockhand tries again at ${utcMinute(digest.nextTryAt ?? now)}; check the mail settings.`,
    },
    now,
  );
}

function emitAlert(deps: AlertMailDeps, key: string): void {
  if (!deps.emit) return;
  void deps.store
    .read((db) => openAlerts(db).find((a) => a.key === key))
    .then((alert) => {
      if (alert) deps.emit?.({ type: 'alert', at: alert.updatedAt, data: { alert } });
    })
    .catch(() => {});
}
