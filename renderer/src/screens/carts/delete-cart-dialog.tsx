import type { CartView } from '../../../../shared/api-types.js';
import { errorMessage } from '../../api/api-error.js';
import { useApiMutation } from '../../api/hooks.js';
import { navigate } from '../../app/router.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { Banner } from '../../components/states.js';
import { toast } from '../../components/toaster.js';

/** Removing a connection stops its syncs; its orders stay in Dockhand. */
export function DeleteCartDialog({ cart, onClose }: { cart: CartView; onClose: () => void }) {
  const remove = useApiMutation('carts.delete', {
    onSuccess: () => {
      toast(`Cart connection ${cart.name} removed.`);
      navigate(`/merchants/${cart.merchantId}`);
    },
  });
  return (
    <ConfirmDialog
      title={`Remove ${cart.name}?`}
      confirmLabel="Remove connection"
      danger
      busy={remove.isPending}
      onConfirm={() => remove.mutate({ id: cart.id })}
      onCancel={onClose}
    >
      {remove.error ? <Banner kind="error">{errorMessage(remove.error)}</Banner> : null}
      <p>Dockhand stops downloading orders from this shop and sending it tracking numbers and stock. Orders already downloaded are kept.</p>
    </ConfirmDialog>
  );
}
