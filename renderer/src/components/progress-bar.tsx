/** A run's progress: determinate when the total is known, otherwise an indeterminate bar with a count. */
export function ProgressBar({ done, total, label }: { done: number; total: number | null; label: string }) {
  const percent = total && total > 0 ? Math.min(100, Math.round((done / total) * 100)) : null;
  return (
    <div className="progress">
      <div
        className={`progress__track${percent === null ? ' progress__track--indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total ?? undefined}
        aria-valuenow={total ? done : undefined}
      >
        <div className="progress__bar" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
      <span className="progress__text">{total ? `${done} of ${total}` : `${done} so far`}</span>
    </div>
  );
}
