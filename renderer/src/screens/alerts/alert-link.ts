import type { AlertView } from '../../../../shared/api-types.js';

/**
 * The alert a link points at: alert e-mails link to `<appUrl>/#/alerts?alert=<id>`, and the Alerts screen
 * picks that alert out, or says it is no longer open (alerts clear themselves once solved, a person may
 * have dismissed it, or the link is old or mistyped).
 */
export type LinkedAlert = { kind: 'open'; id: number } | { kind: 'not_open'; id: number } | { kind: 'unreadable'; text: string };

/** The `alert` of the screen's query, or null when the link names none. */
export function linkedAlert(query: URLSearchParams, open: readonly AlertView[]): LinkedAlert | null {
  const text = query.get('alert');
  if (text === null || text.trim() === '') return null;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) return { kind: 'unreadable', text };
  const id = Number(text);
  return open.some((a) => a.id === id) ? { kind: 'open', id } : { kind: 'not_open', id };
}

/** What the screen says of a linked alert it cannot show; null when it is shown (or none is linked). */
export function linkedAlertNotice(linked: LinkedAlert | null): string | null {
  if (!linked || linked.kind === 'open') return null;
  if (linked.kind === 'unreadable') return `The link names no alert Dockhand can find ("${linked.text}"). The open alerts are below.`;
  return `Alert #${linked.id} from the link is no longer open: it cleared itself once its problem was solved, or someone dismissed it. It comes back if the problem does. The open alerts are below.`;
}
