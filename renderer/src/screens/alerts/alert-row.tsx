import type { AlertView } from '../../../../shared/api-types.js';
import { useApiMutation } from '../../api/hooks.js';
import { Link } from '../../app/router.js';
import { formatDateTime, formatRelative } from '../../format/time.js';
import { FieldError } from '../../components/field-error.js';
import { alertRuns } from './alert-target.js';
import { AlertMailState } from './alert-mail-state.js';

const SEVERITY_LABELS: Record<AlertView['severity'], string> = { error: 'Error', warning: 'Warning', info: 'Info' };

/** One open alert: how bad, what, since when, about what, and a Dismiss button. */
export function AlertRow({ alert, target, onDismissed }: { alert: AlertView; target: { to: string; label: string } | null; onDismissed: (alert: AlertView) => void }) {
  const dismiss = useApiMutation('alerts.dismiss', { onSuccess: () => onDismissed(alert) });
  const runs = alertRuns(alert);
  return (
    <li className={`panel alerts-item alerts-item--${alert.severity}`} aria-label={`${SEVERITY_LABELS[alert.severity]}: ${alert.message}`}>
      <div className="alerts-item__head">
        <span className={`badge alerts-severity alerts-severity--${alert.severity}`}>{SEVERITY_LABELS[alert.severity]}</span>
        <span className="muted" title={`First raised ${formatDateTime(alert.createdAt)}`}>
          {formatRelative(alert.updatedAt)}, {formatDateTime(alert.updatedAt)}
        </span>
      </div>
      <p className="alerts-item__message">{alert.message}</p>
      <AlertMailState alertId={alert.id} />
      <div className="alerts-item__actions">
        {target ? <Link to={target.to}>Go to {target.label}</Link> : null}
        {runs ? <Link to={runs.to}>See {runs.label}</Link> : null}
        <button type="button" className="button button--small" disabled={dismiss.isPending} onClick={() => dismiss.mutate({ id: alert.id })}>
          {dismiss.isPending ? 'Dismissing…' : 'Dismiss'}
        </button>
      </div>
      <FieldError message={dismiss.error?.message} />
    </li>
  );
}
