import type { HealthBucket, OrderStatus, ServiceName } from '../../../shared/domain.js';

/** The words the screens use for the engine's names (PRODUCT.md's vocabulary). */

export const SERVICE_LABELS: Record<ServiceName, string> = {
  order_download: 'Order Download',
  order_delivery: 'Order Delivery',
  shipment_pickup: 'Shipping Confirmations',
  shipment_upload: 'Shipment Upload',
  inventory_pickup: 'Inventory',
  inventory_upload: 'Inventory Upload',
};

export const STATUS_LABELS: Record<OrderStatus, string> = {
  new: 'New',
  at_wms: 'At WMS',
  partially_shipped: 'Partially shipped',
  shipped: 'Shipped',
  confirmed: 'Confirmed',
  error: 'Error',
  on_hold: 'On Hold',
  cancel_sending: 'Cancel Sending',
  canceled: 'Canceled',
  skipped: 'Skipped',
};

export const BUCKET_LABELS: Record<HealthBucket, { label: string; waitsFor: string }> = {
  to_deliver: { label: 'To deliver', waitsFor: 'Dockhand owes the warehouse these orders' },
  at_warehouse: { label: 'At the warehouse', waitsFor: 'The warehouse owes a shipment (or the rest of a partial one)' },
  to_confirm: { label: 'To confirm', waitsFor: 'Dockhand owes the shop a tracking number' },
  needs_attention: { label: 'Needs attention', waitsFor: 'A person must act' },
  done: { label: 'Done', waitsFor: 'Nothing: confirmed, canceled or skipped' },
};

export const RUN_STATUS_LABELS: Record<string, string> = {
  running: 'Running',
  ok: 'OK',
  partial: 'Partly failed',
  failed: 'Failed',
};
