import type { OrderStatus } from '../../../shared/domain.js';
import { RUN_STATUS_LABELS, STATUS_LABELS } from '../format/labels.js';
import './health-waiting.css';

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <span className={`badge badge--order-${status}`}>{STATUS_LABELS[status] ?? status}</span>;
}

export function RunStatusBadge({ status }: { status: string | null }) {
  if (!status) return <span className="badge">Never run</span>;
  return <span className={`badge badge--run-${status}`}>{RUN_STATUS_LABELS[status] ?? status}</span>;
}

export function HealthBadge({ health }: { health: 'ok' | 'failing' | 'paused' | 'idle' | 'waiting' }) {
  const label = { ok: 'Healthy', failing: 'Failing', paused: 'Paused', idle: 'Not run yet', waiting: 'Waiting to be connected' }[health];
  return <span className={`badge badge--health-${health}`}>{label}</span>;
}
