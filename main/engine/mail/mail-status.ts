import type { AlertMailState, MailStatusView } from '../../../shared/api-types.js';
import {
  failingDigests,
  getMailSetting,
  MAIL_ALERT_PREFIX,
  merchantOfGroup,
  openAlertMailRows,
  pendingDigest,
  recipientGroupOf,
} from '../store/repositories/alert-mail-repo.js';
import { openAlerts } from '../store/repositories/alerts-repo.js';
import { getMerchant } from '../store/repositories/merchants-repo.js';
import type { SqlReader } from '../store/sql.js';
import { audienceOf, nextDigestAt } from './alert-digest.js';

/** The minute the mail job next looks: a queued alert with no wait goes out then. */
const JOB_EVERY_MS = 60_000;

/**
 * What the Alerts screen says of each open alert's e-mail: queued (and when it goes), sent (when), failing
 * (why, how often, next try), or not mailed (why: no mail setting, nobody to tell, an alert about mail).
 */
export function mailStatus(db: SqlReader, now: Date): MailStatusView {
  const saved = getMailSetting(db);
  const rows = new Map(openAlertMailRows(db).map((r) => [r.alertId, r]));
  const alerts: Record<string, AlertMailState> = {};
  for (const alert of openAlerts(db)) {
    const row = rows.get(alert.id);
    if (!saved) {
      alerts[alert.id] = { state: 'not_mailed', reason: 'E-mail alerts are off: no mail server is set up' };
    } else if (alert.key.startsWith(MAIL_ALERT_PREFIX)) {
      alerts[alert.id] = { state: 'not_mailed', reason: 'Alerts about e-mail itself are not e-mailed' };
    } else if (row?.digest) {
      alerts[alert.id] = { state: 'sent', to: row.digest.recipients, sentAt: row.digest.sentAt ?? row.digest.createdAt };
    } else if (row) {
      const pending = pendingDigest(db, row.group);
      const audience = audienceOf(db, row.group, saved.settings);
      if (pending && pending.attempts > 0) {
        alerts[alert.id] = { state: 'failing', to: pending.recipients, attempts: pending.attempts, reason: pending.lastError ?? '', nextTryAt: pending.nextTryAt ?? now.toISOString() };
      } else {
        const at = Math.max(nextDigestAt(db, row.group), Date.parse(row.queuedAt), now.getTime());
        alerts[alert.id] = { state: 'queued', to: audience?.to ?? [], sendsAt: new Date(at).toISOString() };
      }
    } else {
      const group = recipientGroupOf(db, alert);
      const audience = audienceOf(db, group, saved.settings);
      alerts[alert.id] = audience
        ? { state: 'queued', to: audience.to, sendsAt: new Date(Math.max(nextDigestAt(db, group), now.getTime() + JOB_EVERY_MS)).toISOString() }
        : { state: 'not_mailed', reason: nobodyReason(db, group) };
    }
  }
  const failing = failingDigests(db).map((d) => {
    const merchantId = merchantOfGroup(d.group);
    const about = merchantId === null ? 'the warehouse account' : (getMerchant(db, merchantId)?.name ?? `Merchant #${merchantId}`);
    const queued = [...rows.values()].filter((r) => r.group === d.group && !r.digest).length;
    return { id: d.id, to: d.recipients, about, attempts: d.attempts, reason: d.lastError ?? '', nextTryAt: d.nextTryAt ?? now.toISOString(), alerts: queued };
  });
  return { configured: saved !== undefined, alerts, failing };
}

function nobodyReason(db: SqlReader, group: string): string {
  const merchantId = merchantOfGroup(group);
  if (merchantId === null) return 'Not e-mailed: it is about no merchant, and the mail settings name no account contact';
  const name = getMerchant(db, merchantId)?.name ?? `merchant #${merchantId}`;
  return `Not e-mailed: ${name} has no error contacts`;
}
