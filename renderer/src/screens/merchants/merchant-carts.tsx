import type { CartView } from '../../../../shared/api-types.js';
import { useApi } from '../../api/hooks.js';
import { Link, withQuery } from '../../app/router.js';
import { Empty, QueryView } from '../../components/states.js';
import { cartState } from './cart-state.js';

/** The cart connections of one merchant, each a link to its setup, and "Connect a cart". */
export function MerchantCarts({ merchantId }: { merchantId: number }) {
  const carts = useApi('carts.list', { merchantId });
  const platforms = useApi('carts.platforms', {});
  const platformName = (platform: string) => platforms.data?.find((p) => p.platform === platform)?.displayName ?? platform;
  const connect = withQuery('/carts/new', { merchant: merchantId });
  return (
    <section className="panel merchant-carts" aria-labelledby="merchant-carts-title">
      <div className="page-header">
        <h2 id="merchant-carts-title">Carts</h2>
        <Link to={connect} className="button button--primary">
          Connect a cart
        </Link>
      </div>
      <QueryView query={carts} what="Loading carts">
        {(list: CartView[]) =>
          list.length === 0 ? (
            <Empty title="No carts connected yet">Connect the merchant's shop so Dockhand can download its orders.</Empty>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>Cart</th>
                    <th>Platform</th>
                    <th>Orders from</th>
                    <th>State</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((cart) => (
                    <tr key={cart.id}>
                      <td>
                        <Link to={`/carts/${cart.id}`}>{cart.name}</Link>
                      </td>
                      <td>{platformName(cart.platform)}</td>
                      {/* The earliest order date is a calendar date kept as UTC midnight: show that date, not the local day before. */}
                      <td>{cart.earliestOrderDate.slice(0, 10)}</td>
                      <td>
                        <CartStateCell cart={cart} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </section>
  );
}

/** The State cell: a settings notice means it works but a setting needs a person (the cart screen says which). */
function CartStateCell({ cart }: { cart: CartView }) {
  const state = cartState(cart);
  switch (state.state) {
    case 'waiting':
      return (
        <>
          <span className="badge badge--health-waiting">{state.label}</span> — <Link to={`/carts/${cart.id}`}>{state.action}</Link>
        </>
      );
    case 'refused':
      return <span className="badge badge--health-failing">{state.label}</span>;
    case 'settings':
      return <span className="badge badge--health-paused">{state.label}</span>;
    case 'connected':
      return <span className="badge badge--health-ok">{state.label}</span>;
  }
}
