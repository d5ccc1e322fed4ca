import { useState } from 'react';
import type { MerchantView } from '../../../../shared/api-types.js';
import { errorMessage } from '../../api/api-error.js';
import { useApiMutation } from '../../api/hooks.js';
import { navigate } from '../../app/router.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { TextField } from '../../components/field.js';
import { apiFieldErrors } from '../../components/form-errors.js';
import { toast } from '../../components/toaster.js';

/** Deleting a merchant takes its carts and orders with it, so the name must be typed to confirm. */
export function DeleteMerchantDialog({ merchant, cartCount, onClose }: { merchant: MerchantView; cartCount: number; onClose: () => void }) {
  const [typed, setTyped] = useState('');
  const remove = useApiMutation('merchants.delete', {
    onSuccess: () => {
      toast(`Merchant ${merchant.name} deleted.`);
      navigate('/merchants');
    },
  });
  const fieldError = remove.error ? (apiFieldErrors(remove.error).confirmName ?? errorMessage(remove.error)) : undefined;
  return (
    <ConfirmDialog
      title={`Delete ${merchant.name}?`}
      confirmLabel="Delete merchant"
      danger
      busy={remove.isPending}
      confirmDisabled={typed.trim() !== merchant.name}
      onConfirm={() => remove.mutate({ id: merchant.id, confirmName: typed })}
      onCancel={onClose}
    >
      <p>
        This removes the merchant, its {cartCount === 1 ? 'cart connection' : `${cartCount} cart connections`} and their orders from Dockhand. Files already
        on the WMS and orders in the shops are not touched. It cannot be undone.
      </p>
      <TextField label={`Type "${merchant.name}" to confirm`} value={typed} onValue={setTyped} error={fieldError} autoComplete="off" />
    </ConfirmDialog>
  );
}
