import type { AlertMailState, MailDeliveryView } from '../../../../shared/api-types.js';
import { useApi } from '../../api/hooks.js';
import { Link } from '../../app/router.js';
import { formatClock, formatDateTime } from '../../format/time.js';

/**
 * E-mail alerts on the Alerts screen: each alert's mail state (queued, sent, failing, not mailed and
 * why), and every digest that keeps failing, with its reason and next try, so a failed e-mail is never
 * lost silently. One `mail.status` query serves every row (the query is shared by its key).
 */

function useMailStatus() {
  return useApi('mail.status', {}, { refetchInterval: 30_000 });
}

export function mailStateText(state: AlertMailState): string {
  switch (state.state) {
    case 'queued':
      return `E-mail queued for ${state.to.join(', ')}: goes out ${formatClock(state.sendsAt)}`;
    case 'sent':
      return `E-mailed to ${state.to.join(', ')} at ${formatDateTime(state.sentAt)}`;
    case 'failing':
      return `E-mail to ${state.to.join(', ')} failed ${state.attempts} ${state.attempts === 1 ? 'time' : 'times'}: ${state.reason} Next try ${formatClock(state.nextTryAt)}`;
    case 'not_mailed':
      return state.reason;
  }
}

/** One line under an alert: what happened to its e-mail. Nothing while e-mail alerts are off. */
export function AlertMailState({ alertId }: { alertId: number }) {
  const status = useMailStatus();
  const state = status.data?.alerts[alertId];
  if (!status.data?.configured || !state) return null;
  return <p className={`alert-mail-state alert-mail-state--${state.state}`}>{mailStateText(state)}</p>;
}

export function deliveryText(d: MailDeliveryView): string {
  return `E-mail to ${d.to.join(', ')} (alerts of ${d.about}) failed ${d.attempts} ${d.attempts === 1 ? 'time' : 'times'}: ${d.reason.replace(/\.$/, '')}; next try ${formatClock(d.nextTryAt)}`;
}

/** Digests that keep failing, above the list. */
export function FailingAlertMail() {
  const status = useMailStatus();
  const failing = status.data?.failing ?? [];
  if (failing.length === 0) return null;
  return (
    <div className="banner banner--warning alert-mail-failing" role="status" aria-label="Failing alert e-mails">
      <ul>
        {failing.map((d) => (
          <li key={d.id}>{deliveryText(d)}</li>
        ))}
      </ul>
      <Link to="/settings/mail">Check the mail settings</Link>
    </div>
  );
}
