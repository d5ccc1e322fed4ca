import type { AccountView, CartView, MerchantView } from '../../../../shared/api-types.js';
import { useApi } from '../../api/hooks.js';
import { Link } from '../../app/router.js';
import { Plus } from 'lucide-react';
import { Empty, ErrorState, Loading } from '../../components/states.js';
import { schedulesSummary } from './schedules-summary.js';

/** `#/merchants`: every merchant with its code, carts and WMS schedules; "Your business" in single-merchant mode. */
export function MerchantsScreen({ account }: { account: AccountView }) {
  const single = account.mode === 'single_merchant';
  const merchants = useApi('merchants.list', {});
  const carts = useApi('carts.list', {});
  const canAdd = !single || (merchants.data?.length ?? 0) === 0;
  const addLabel = single ? 'Set up your business' : 'Add merchant';

  let body;
  if (merchants.isPending || carts.isPending) body = <Loading what="Loading merchants" />;
  else if (merchants.isError) body = <ErrorState error={merchants.error} onRetry={() => void merchants.refetch()} />;
  else if (carts.isError) body = <ErrorState error={carts.error} onRetry={() => void carts.refetch()} />;
  else if (merchants.data.length === 0)
    body = (
      <Empty title={single ? 'Your business is not set up yet' : 'No merchants yet'}>
        <p>{single ? 'Enter your business name and code, then connect your shop.' : 'A merchant is a client whose shop orders the warehouse fulfils.'}</p>
        <Link to="/merchants/new" className="button button--primary">
          <Plus size={16} aria-hidden="true" />
          {addLabel}
        </Link>
      </Empty>
    );
  else body = <MerchantTable merchants={merchants.data} carts={carts.data} />;

  return (
    <div className="merchants-screen">
      <div className="page-header">
        <h1>{single ? 'Your business' : 'Merchants'}</h1>
        {canAdd && merchants.data && merchants.data.length > 0 ? (
          <Link to="/merchants/new" className="button button--primary">
            <Plus size={16} aria-hidden="true" />
            {addLabel}
          </Link>
        ) : null}
      </div>
      {body}
    </div>
  );
}

function MerchantTable({ merchants, carts }: { merchants: MerchantView[]; carts: CartView[] }) {
  const cartCount = new Map<number, number>();
  for (const cart of carts) cartCount.set(cart.merchantId, (cartCount.get(cart.merchantId) ?? 0) + 1);
  return (
    <div className="table-wrap">
      <table aria-label="Merchants">
        <thead>
          <tr>
            <th>Name</th>
            <th>Code</th>
            <th>Carts</th>
            <th>WMS schedules</th>
          </tr>
        </thead>
        <tbody>
          {merchants.map((merchant) => (
            <tr key={merchant.id}>
              <td>
                <Link to={`/merchants/${merchant.id}`}>{merchant.name}</Link>
              </td>
              <td className="mono">{merchant.code}</td>
              <td>{cartCount.get(merchant.id) ?? 0}</td>
              <td className="muted">{schedulesSummary(merchant.schedules)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
