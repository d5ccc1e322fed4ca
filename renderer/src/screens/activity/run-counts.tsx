import type { RunStatus, RunView } from '../../../../shared/api-types.js';

/** A run's counts as "downloaded 5 · new 5", skipping zeros and bookkeeping (pages, throttle waits). */
const HIDDEN = new Set(['pages', 'throttleWaitMs']);

/**
 * With no counts, the words depend on how the run went: "nothing to do" only for a run that finished
 * well, never for one still going or one that failed (that would hide a failure as a quiet day).
 */
export function describeCounts(counts: Record<string, number>, status: RunStatus = 'ok'): string {
  const parts = Object.entries(counts)
    .filter(([key, n]) => n !== 0 && !HIDDEN.has(key))
    .map(([key, n]) => `${humanize(key)} ${n.toLocaleString()}`);
  if (parts.length) return parts.join(' · ');
  if (status === 'running') return 'in progress';
  if (status === 'failed') return 'nothing done: it failed';
  return 'nothing to do';
}

function humanize(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
}

/**
 * What a run's Errors column says first: for a failed run what failed (its message), otherwise its
 * first error with where it happened; `more` counts the errors listed below it. null: no error.
 */
export function firstProblem(run: Pick<RunView, 'status' | 'message' | 'errors'>): { text: string; more: number } | null {
  const [first, ...rest] = run.errors;
  const errorText = first ? `${first.where ? `${first.where}: ` : ''}${first.message}` : null;
  if (run.status === 'failed') {
    return { text: run.message || errorText || 'The run failed', more: run.message ? run.errors.length : rest.length };
  }
  return errorText ? { text: errorText, more: rest.length } : null;
}

export function RunCounts({ counts, status }: { counts: Record<string, number>; status?: RunStatus }) {
  return <span className="activity-counts">{describeCounts(counts, status)}</span>;
}
