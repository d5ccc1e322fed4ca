import type { OutgoingMail } from './smtp-transport.js';
import type { QueuedAlert } from '../store/repositories/alert-mail-repo.js';

/**
 * The words of one digest: what is wrong, since when, and where to open each alert. Times are written in
 * UTC with the zone named, as the engine does not know the reader's zone.
 */

const SEVERITY_WORDS: Record<QueuedAlert['severity'], string> = { error: 'Error', warning: 'Warning', info: 'Note' };
const SUBJECT_CHARS = 90;

/** "2026-12-06 14:03 UTC" */
export function utcMinute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * Where a person opens an alert: the Alerts screen at the app's address, with the alert's number (the
 * screens route by hash, as the desktop notifications link `#/alerts`). Without an address, the words.
 */
export function alertLink(appUrl: string, alertId: number): string {
  if (!appUrl) return `alert #${alertId} on Dockhand's Alerts screen`;
  return `${appUrl.replace(/\/+$/, '')}/#/alerts?alert=${alertId}`;
}

export function digestMessage(input: { to: string[]; about: string; alerts: readonly QueuedAlert[]; appUrl: string; everyMinutes: number; why: string }): OutgoingMail {
  const { alerts, about } = input;
  const first = alerts[0];
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  const subject =
    alerts.length === 1
      ? `Dockhand ${SEVERITY_WORDS[first.severity].toLowerCase()} for ${about}: ${shorten(oneLine(first.message), SUBJECT_CHARS)}`
      : `Dockhand: ${alerts.length} new alerts for ${about}`;
  const lines = [
    alerts.length === 1 ? `Dockhand raised an alert for ${about}:` : `Dockhand raised ${alerts.length} alerts for ${about}:`,
    '',
    ...alerts.flatMap((a, i) => [
      `${i + 1}. ${SEVERITY_WORDS[a.severity]}, ${utcMinute(a.updatedAt)}: ${oneLine(a.message)}`,
      `   Open it: ${alertLink(input.appUrl, a.alertId)}`,
      '',
    ]),
    'Alerts clear themselves once their cause is fixed; an alert that cleared before this message went out is not listed.',
    `Dockhand sends at most one such message every ${input.everyMinutes} minutes for ${about}.`,
    input.why,
  ];
  return { to: input.to, subject, text: lines.join('\n') };
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
