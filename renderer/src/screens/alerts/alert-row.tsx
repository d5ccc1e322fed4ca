import { useEffect, useRef } from 'react';
import type { AlertView } from '../../../../shared/api-types.js';
import { useApiMutation } from '../../api/hooks.js';
import { Link } from '../../app/router.js';
import { formatDateTime, formatRelative } from '../../format/time.js';
import { FieldError } from '../../components/field-error.js';
import { alertRuns } from './alert-target.js';
import { AlertMailState } from './alert-mail-state.js';
import './alert-link.css';
import { ReconnectButton } from './reconnect-button.js';

const SEVERITY_LABELS: Record<AlertView['severity'], string> = { error: 'Error', warning: 'Warning', info: 'Info' };

/**
 * One open alert: how bad, what, since when, about what, and a Dismiss button. The one a link points at
 * (`linked`, an alert e-mail's) is scrolled to, focused for keyboard and screen reader users, and marked.
 */
export function AlertRow({
  alert,
  target,
  onDismissed,
  linked = false,
  reconnect = null,
}: {
  alert: AlertView;
  target: { to: string; label: string } | null;
  onDismissed: (alert: AlertView) => void;
  linked?: boolean;
  /** A refused grant of a consent cart: its Reconnect button (reconnect-target.ts). */
  reconnect?: { cartId: number; platformName: string } | null;
}) {
  const dismiss = useApiMutation('alerts.dismiss', { onSuccess: () => onDismissed(alert) });
  const runs = alertRuns(alert);
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!linked) return;
    item.current?.scrollIntoView({ block: 'center' });
    item.current?.focus({ preventScroll: true });
  }, [linked]);
  return (
    <li
      ref={item}
      className={`panel alerts-item alerts-item--${alert.severity}${linked ? ' alerts-item--linked' : ''}`}
      aria-label={`${SEVERITY_LABELS[alert.severity]}: ${alert.message}`}
      aria-current={linked ? 'true' : undefined}
      tabIndex={linked ? -1 : undefined}
    >
      <div className="alerts-item__head">
        <span className={`badge alerts-severity alerts-severity--${alert.severity}`}>{SEVERITY_LABELS[alert.severity]}</span>
        {linked ? <span className="alerts-item__linked-label">The alert from your link</span> : null}
        <span className="muted" title={`First raised ${formatDateTime(alert.createdAt)}`}>
          {formatRelative(alert.updatedAt)}, {formatDateTime(alert.updatedAt)}
        </span>
      </div>
      <p className="alerts-item__message">{alert.message}</p>
      <AlertMailState alertId={alert.id} />
      <div className="alerts-item__actions">
        {reconnect ? <ReconnectButton cartId={reconnect.cartId} platformName={reconnect.platformName} /> : null}
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
