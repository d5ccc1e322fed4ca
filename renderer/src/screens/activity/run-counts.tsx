/** A run's counts as "downloaded 5 · new 5", skipping zeros and bookkeeping (pages, throttle waits). */
const HIDDEN = new Set(['pages', 'throttleWaitMs']);

export function describeCounts(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([key, n]) => n !== 0 && !HIDDEN.has(key))
    .map(([key, n]) => `${humanize(key)} ${n.toLocaleString()}`);
  return parts.length ? parts.join(' · ') : 'nothing to do';
}

function humanize(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
}

export function RunCounts({ counts }: { counts: Record<string, number> }) {
  return <span className="activity-counts">{describeCounts(counts)}</span>;
}
