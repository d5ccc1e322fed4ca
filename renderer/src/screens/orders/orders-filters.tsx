import { HEALTH_BUCKETS, ORDER_STATUSES, type HealthBucket, type OrderStatus } from '../../../../shared/domain.js';
import { useApi } from '../../api/hooks.js';
import { SelectField } from '../../components/field.js';
import { BUCKET_LABELS, STATUS_LABELS } from '../../format/labels.js';
import { withBucket, withStatus, type OrdersFilter } from './orders-query.js';
import { SearchBox } from './search-box.js';

/**
 * Merchant, cart (of that merchant), what the orders wait for (the dashboard's buckets), status and search;
 * every change starts again at the first page.
 */
export function OrdersFilters({ filter, onFilter }: { filter: OrdersFilter; onFilter: (next: OrdersFilter) => void }) {
  const merchants = useApi('merchants.list', {});
  const carts = useApi('carts.list', {});
  const cartsShown = (carts.data ?? []).filter((c) => !filter.merchantId || c.merchantId === filter.merchantId);
  const merchantOptions = [{ value: '', label: 'All merchants' }, ...(merchants.data ?? []).map((m) => ({ value: String(m.id), label: m.name }))];
  const cartOptions = [{ value: '', label: 'All carts' }, ...cartsShown.map((c) => ({ value: String(c.id), label: c.name }))];
  // A cart from the URL that the lists do not hold yet still needs an option, or the select shows a lie.
  if (filter.cartId && !cartOptions.some((o) => o.value === String(filter.cartId))) cartOptions.push({ value: String(filter.cartId), label: `Cart ${filter.cartId}` });
  if (filter.merchantId && !merchantOptions.some((o) => o.value === String(filter.merchantId)))
    merchantOptions.push({ value: String(filter.merchantId), label: `Merchant ${filter.merchantId}` });
  const statusOptions = [{ value: '', label: 'All statuses' }, ...ORDER_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))];
  const bucketOptions = [{ value: '', label: 'Any bucket' }, ...HEALTH_BUCKETS.map((b) => ({ value: b, label: BUCKET_LABELS[b].label }))];
  const set = (patch: Partial<OrdersFilter>) => onFilter({ ...filter, ...patch, offset: 0 });
  return (
    <div className="toolbar orders__filters">
      <SelectField
        label="Merchant"
        value={filter.merchantId ? String(filter.merchantId) : ''}
        options={merchantOptions}
        onValue={(value) => {
          const merchantId = Number(value) || undefined;
          const cart = carts.data?.find((c) => c.id === filter.cartId);
          // The cart filter stays only if the cart belongs to the chosen merchant.
          set({ merchantId, cartId: merchantId && cart?.merchantId !== merchantId ? undefined : filter.cartId });
        }}
      />
      <SelectField label="Cart" value={filter.cartId ? String(filter.cartId) : ''} options={cartOptions} onValue={(value) => set({ cartId: Number(value) || undefined })} />
      <SelectField
        label="Waiting for"
        value={filter.bucket ?? ''}
        options={bucketOptions}
        title={filter.bucket ? BUCKET_LABELS[filter.bucket].waitsFor : 'What the orders wait for, as the dashboard counts them'}
        onValue={(value) => onFilter(withBucket(filter, (value || undefined) as HealthBucket | undefined))}
      />
      <SelectField
        label="Status"
        value={filter.status ?? ''}
        options={statusOptions}
        onValue={(value) => onFilter(withStatus(filter, (value || undefined) as OrderStatus | undefined))}
      />
      <SearchBox value={filter.search ?? ''} onSearch={(text) => set({ search: text || undefined })} />
    </div>
  );
}
