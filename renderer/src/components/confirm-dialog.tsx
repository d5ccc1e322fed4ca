import type { ReactNode } from 'react';
import { AlertDialog } from 'radix-ui';

/**
 * A modal question ("Delete merchant Acme?") that must be answered before anything happens. Radix's
 * AlertDialog does what a hand-written one got partly right: role alertdialog, focus trapped inside and
 * returned to the button that opened it, Escape to cancel, the page behind made inert.
 * Callers mount it when it should show; closing it in any way but the confirm button is onCancel.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger,
  busy,
  confirmDisabled,
  onConfirm,
  onCancel,
}: {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <AlertDialog.Root
      open
      onOpenChange={(open) => {
        if (!open && !busy) onCancel();
      }}
    >
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-backdrop" />
        <AlertDialog.Content className="dialog">
          <AlertDialog.Title asChild>
            <h2>{title}</h2>
          </AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="dialog__body">{children}</div>
          </AlertDialog.Description>
          <div className="dialog__actions">
            <AlertDialog.Cancel className="button" disabled={busy}>
              Cancel
            </AlertDialog.Cancel>
            {/* Not AlertDialog.Action: that closes at once, and the dialog must stay while the work runs. */}
            <button type="button" className={`button ${danger ? 'button--danger' : 'button--primary'}`} onClick={onConfirm} disabled={busy || confirmDisabled}>
              {busy ? 'Working…' : confirmLabel}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
