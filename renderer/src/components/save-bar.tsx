import type { ReactNode } from 'react';
import { Save } from 'lucide-react';

/**
 * The bottom bar of a long form: its submit button (and any others) stay in view while the form
 * scrolls, with the last outcome ("Merchant saved.") beside them, announced politely.
 */
export function SaveBar({ disabled, label, status, children }: { disabled: boolean; label: string; status?: ReactNode; children?: ReactNode }) {
  return (
    <div className="save-bar">
      <button type="submit" className="button button--primary" disabled={disabled}>
        <Save size={16} aria-hidden="true" />
        {label}
      </button>
      {children}
      <span className="save-bar__status" role="status">
        {status}
      </span>
    </div>
  );
}
