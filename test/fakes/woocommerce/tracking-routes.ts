import { createHash } from 'node:crypto';
import type { FakeWooStore } from './fake-store.js';
import { isRecord, type RouteRequest } from './orders-routes.js';
import { formatGmt } from './site-time.js';
import { json, missingParam, restError, type FakeReply } from './wp-replies.js';

/**
 * The Shipment Tracking extension's routes (/wp-json/wc-shipment-tracking/v3/...): tracking items per
 * order and the public providers list. Saving an item saves the order, so its date_modified moves.
 */

export const PROVIDERS: Record<string, Record<string, string>> = {
  Global: { 'DHL Express': 'https://www.dhl.com/en/express/tracking.html?AWB=%1$s' },
  'United States': {
    UPS: 'https://www.ups.com/track?loc=en_US&tracknum=%1$s',
    USPS: 'https://tools.usps.com/go/TrackConfirmAction_input?qtc_tLabels1=%1$s',
    Fedex: 'https://www.fedex.com/apps/fedextrack/?action=track&tracknumbers=%1$s',
  },
};

export const PUBLIC_TRACKING_PATHS = ['shipment-trackings/providers'];

export function trackingRoute(store: FakeWooStore, req: RouteRequest): FakeReply | undefined {
  const [first, idText, sub, trackingId, extra] = req.parts;
  if (first === 'shipment-trackings' && idText === 'providers' && sub === undefined) {
    return req.method === 'GET' ? json(200, PROVIDERS) : undefined;
  }
  if (first !== 'orders' || !/^\d+$/.test(idText ?? '') || sub !== 'shipment-trackings' || extra !== undefined) return undefined;
  const orderId = Number(idText);
  if (!store.orders.has(orderId)) return restError(404, 'woocommerce_rest_order_invalid_id', 'Invalid order ID.');
  const items = store.trackingsOf(orderId);
  if (trackingId === undefined) {
    if (req.method === 'GET') return json(200, items.map(trackingJson));
    if (req.method === 'POST') return create(store, req, orderId);
    return undefined;
  }
  const found = items.find((t) => t.tracking_id === trackingId);
  if (!found) return restError(404, 'woocommerce_rest_order_invalid_tracking_id', 'Invalid tracking ID.');
  if (req.method === 'GET') return json(200, trackingJson(found));
  if (req.method === 'DELETE') {
    store.trackings.set(orderId, items.filter((t) => t !== found));
    store.modifyOrder(orderId);
    return json(200, trackingJson(found));
  }
  return undefined;
}

function create(store: FakeWooStore, req: RouteRequest, orderId: number): FakeReply {
  const body = isRecord(req.body) ? req.body : {};
  if (typeof body.tracking_number !== 'string' || body.tracking_number === '') return missingParam('tracking_number');
  const custom = typeof body.custom_tracking_provider === 'string' && body.custom_tracking_provider !== '';
  const provider = typeof body.tracking_provider === 'string' ? body.tracking_provider : '';
  const dateShipped = typeof body.date_shipped === 'string' && body.date_shipped !== '' ? body.date_shipped : formatGmt(store.nowMs).slice(0, 10);
  const item = {
    tracking_id: createHash('md5').update(`${orderId}:${body.tracking_number}:${store.nowMs}`).digest('hex'),
    tracking_provider: custom ? '' : provider,
    custom_tracking_provider: custom ? String(body.custom_tracking_provider) : undefined,
    custom_tracking_link: typeof body.custom_tracking_link === 'string' ? body.custom_tracking_link : undefined,
    tracking_number: body.tracking_number,
    date_shipped: dateShipped,
  };
  store.trackings.set(orderId, [...store.trackingsOf(orderId), item]);
  store.modifyOrder(orderId);
  return json(201, trackingJson(item), { Location: `${req.baseUrl}/wp-json/wc-shipment-tracking/v3/orders/${orderId}/shipment-trackings/${item.tracking_id}` });
}

function trackingJson(item: { tracking_id: string; tracking_provider: string; custom_tracking_provider?: string; custom_tracking_link?: string; tracking_number: string; date_shipped: string }) {
  const provider = item.custom_tracking_provider ?? item.tracking_provider;
  const format = item.custom_tracking_link ?? findProviderUrl(item.tracking_provider) ?? '';
  return {
    tracking_id: item.tracking_id,
    tracking_provider: provider,
    tracking_link: format.replace('%1$s', encodeURIComponent(item.tracking_number)),
    tracking_number: item.tracking_number,
    date_shipped: item.date_shipped,
  };
}

function findProviderUrl(name: string): string | undefined {
  for (const group of Object.values(PROVIDERS)) {
    for (const [provider, url] of Object.entries(group)) if (provider.toLowerCase() === name.toLowerCase()) return url;
  }
  return undefined;
}
