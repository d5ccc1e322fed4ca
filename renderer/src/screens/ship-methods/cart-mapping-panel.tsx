import type { CartView, MerchantView, ShipCodeMappingView } from '../../../../shared/api-types.js';
import type { ShipMethod } from '../../../../shared/domain.js';
import { useApi } from '../../api/hooks.js';
import { Link, navigate, withQuery } from '../../app/router.js';
import { SelectField } from '../../components/field.js';
import { Banner, Empty, QueryView } from '../../components/states.js';
import { MappingRow } from './mapping-row.js';

/** Per cart: every ship code seen from it, mapped to a WMS ship method. Codes that hold orders come first. */
export function CartMappingPanel({ carts, merchants, methods, cartId }: { carts: CartView[]; merchants: MerchantView[]; methods: ShipMethod[]; cartId: number | null }) {
  const cart = carts.find((c) => c.id === cartId) ?? carts[0];
  return (
    <section className="panel" aria-labelledby="ship-methods-mapping-title">
      <h2 id="ship-methods-mapping-title">Ship codes by cart</h2>
      {carts.length === 0 || !cart ? (
        <Empty title="No cart connections yet">
          Connect a cart to a merchant first; the codes it sends appear here after its first Order Download. <Link to="/merchants">Go to Merchants</Link>
        </Empty>
      ) : (
        <>
          <div className="toolbar">
            <SelectField
              label="Cart"
              value={String(cart.id)}
              onValue={(value) => navigate(withQuery('/ship-methods', { cart: value }))}
              options={carts.map((c) => ({ value: String(c.id), label: cartLabel(c, merchants) }))}
            />
          </div>
          <CartMappings cart={cart} methods={methods} />
        </>
      )}
    </section>
  );
}

function cartLabel(cart: CartView, merchants: MerchantView[]): string {
  const merchant = merchants.find((m) => m.id === cart.merchantId);
  return merchant ? `${merchant.name} — ${cart.name}` : cart.name;
}

function CartMappings({ cart, methods }: { cart: CartView; methods: ShipMethod[] }) {
  const mappings = useApi('shipMethods.mappings', { cartId: cart.id });
  return (
    <QueryView query={mappings} what="Loading ship codes">
      {(list) => {
        if (list.length === 0) {
          return <Empty title="No codes seen yet">The ship codes {cart.name} sends appear here after its first Order Download.</Empty>;
        }
        const sorted = [...list].sort((a, b) => attention(b) - attention(a) || a.cartCode.localeCompare(b.cartCode));
        const unmapped = list.filter((m) => m.wmsCode === null);
        const held = list.reduce((sum, m) => sum + m.heldOrders, 0);
        return (
          <>
            {unmapped.length ? (
              <Banner kind="warning">
                {unmapped.length === 1 ? '1 code is not mapped' : `${unmapped.length} codes are not mapped`}
                {cart.rejectUnmappedShipCodes ? '; orders with an unmapped code are held.' : '; their orders go to the WMS with the code as received.'}
              </Banner>
            ) : null}
            {held > 0 ? (
              <Banner kind="info">
                {held === 1 ? '1 order is' : `${held} orders are`} held because the ship code was not mapped when they were downloaded.
                Mapping a code does not release the orders it already holds: map it, then release them here or on each order.
              </Banner>
            ) : null}
            {methods.length === 0 ? <Banner kind="warning">There are no WMS ship methods to map to yet: add them above and save.</Banner> : null}
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>Code from the cart</th>
                    <th>WMS ship method</th>
                    <th>Held orders</th>
                    <th aria-label="Actions" />
                  </tr>
                </thead>
                <tbody>
                  {sorted.map((mapping) => (
                    <MappingRow key={mapping.cartCode} mapping={mapping} methods={methods} />
                  ))}
                </tbody>
              </table>
            </div>
          </>
        );
      }}
    </QueryView>
  );
}

/** Unmapped codes first, then mapped codes that still hold orders, then the rest. */
function attention(m: ShipCodeMappingView): number {
  return (m.wmsCode === null ? 2 : 0) + (m.heldOrders > 0 ? 1 : 0);
}
