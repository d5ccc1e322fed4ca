import { describe, expect, it } from 'vitest';
import { mapWooOrder } from '../../../../../../main/engine/connectors/carts/woocommerce/order-mapper.js';
import { skipReasonFor, statusesToQuery } from '../../../../../../main/engine/connectors/carts/woocommerce/order-filters.js';
import { orderJson } from '../../../../../fakes/woocommerce/fake-model.js';
import { FakeWooStore } from '../../../../../fakes/woocommerce/fake-store.js';

function orderWithStatus(status: 'processing' | 'on-hold' | 'cancelled') {
  const store = new FakeWooStore();
  const [fake] = store.seedOrders([{ status }]);
  const result = mapWooOrder(orderJson(fake, 'UTC', 'https://shop.example'));
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe('WooCommerce order statuses to download', () => {
  it('asks for processing by default, plus the statuses that stop an order', () => {
    expect(statusesToQuery([])).toEqual(['processing', 'cancelled', 'refunded', 'failed']);
    expect(statusesToQuery(['processing', 'on-hold'])).toEqual(['processing', 'on-hold', 'cancelled', 'refunded', 'failed']);
  });

  it('keeps a chosen status and skips the others with a reason', () => {
    const processing = orderWithStatus('processing');
    expect(skipReasonFor(processing.order, processing.status, [])).toBeUndefined();
    const onHold = orderWithStatus('on-hold');
    expect(skipReasonFor(onHold.order, onHold.status, [])).toBe('order status on-hold is not in the statuses to download (processing)');
    expect(skipReasonFor(onHold.order, onHold.status, ['processing', 'on-hold'])).toBeUndefined();
    const cancelled = orderWithStatus('cancelled');
    expect(skipReasonFor(cancelled.order, cancelled.status, [])).toContain('stopped in WooCommerce');
  });
});
