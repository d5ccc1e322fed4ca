import { useApi } from '../../api/hooks.js';
import { QueryView } from '../../components/states.js';
import { CartMappingPanel } from './cart-mapping-panel.js';
import { MethodsEditor } from './methods-editor.js';

/** Ship methods (`#/ship-methods?cart=`): the WMS list, and per cart the mapping of every code it sent. */
export function ShipMethodsScreen({ query }: { query: URLSearchParams }) {
  const methods = useApi('shipMethods.list', {});
  const carts = useApi('carts.list', {});
  const merchants = useApi('merchants.list', {});
  const cartId = Number(query.get('cart')) || null;
  return (
    <div className="ship-methods">
      <div className="page-header">
        <h1>Ship methods</h1>
      </div>
      <QueryView query={methods} what="Loading ship methods">
        {(saved) => (
          <>
            {/* The editor takes the saved list once: a refetch must not wipe unsaved edits. */}
            <MethodsEditor saved={saved} />
            <QueryView query={carts} what="Loading carts">
              {(cartList) => <CartMappingPanel carts={cartList} merchants={merchants.data ?? []} methods={saved} cartId={cartId} />}
            </QueryView>
          </>
        )}
      </QueryView>
    </div>
  );
}
