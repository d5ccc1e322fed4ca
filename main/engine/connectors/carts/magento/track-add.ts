import { DockhandError } from '../../../../../shared/errors.js';
import { OutcomeUnknownError } from '../../../net/index.js';
import type { TrackingAddResult, TrackingToAdd } from '../cart-connector.js';
import type { MagentoRestClient } from './rest-client.js';
import { shipmentSearchResultSchema, shipmentTrackSchema } from './schemas.js';
import { orderEntityId, trackOf } from './shipment-upload.js';

/**
 * A box with no lines of its own -> a track added to the order's Magento shipment that carried the
 * lines (POST /V1/shipment/track: the shipment's other tracks stay). Idempotent by the tracking number:
 * a number any shipment of the order carries already is not added again, and an add whose outcome is
 * unknown is looked up before anyone retries it.
 */
export async function addTrack(client: MagentoRestClient, t: TrackingToAdd): Promise<TrackingAddResult> {
  const orderId = orderEntityId(t);
  const shipmentId = Number(t.joinsRemoteId);
  if (!/^\d+$/.test(t.joinsRemoteId) || !Number.isSafeInteger(shipmentId)) {
    throw new DockhandError('data', `Order ${t.orderNumber}: "${t.joinsRemoteId}" is not a Magento shipment id`);
  }
  const before = await shipmentsOf(client, orderId);
  const holding = carrying(before, t.trackingNumber);
  if (holding) return { outcome: 'accepted', remoteId: holding, alreadyExisted: true };
  if (!before.some((s) => s.entity_id === shipmentId)) {
    const what = t.joinsTrackingNumber ? `the shipment of tracking ${t.joinsTrackingNumber}` : `shipment ${shipmentId}`;
    return { outcome: 'refused', reason: `Magento order ${t.orderNumber} no longer has ${what}: package ${t.trackingNumber} cannot be added to it` };
  }
  try {
    await client.post('/V1/shipment/track', shipmentTrackSchema, {
      what: `adding tracking ${t.trackingNumber} to order ${t.orderNumber}`,
      body: { entity: { order_id: orderId, parent_id: shipmentId, ...trackOf(t) } },
      creates: true,
    });
  } catch (err) {
    if (!(err instanceof OutcomeUnknownError)) throw err;
    const added = carrying(await shipmentsOf(client, orderId), t.trackingNumber);
    if (added) return { outcome: 'accepted', remoteId: added, alreadyExisted: false };
    throw err;
  }
  return { outcome: 'accepted', remoteId: String(shipmentId), alreadyExisted: false };
}

type ShipmentTracks = { entity_id: number; tracks?: { track_number: string }[] | null };

async function shipmentsOf(client: MagentoRestClient, orderId: number): Promise<ShipmentTracks[]> {
  const query = new URLSearchParams({
    'searchCriteria[filter_groups][0][filters][0][field]': 'order_id',
    'searchCriteria[filter_groups][0][filters][0][value]': String(orderId),
    'searchCriteria[filter_groups][0][filters][0][condition_type]': 'eq',
  });
  const reply = await client.get('/V1/shipments', shipmentSearchResultSchema, { what: `the shipments of order ${orderId}`, query });
  return reply.items;
}

function carrying(shipments: ShipmentTracks[], trackingNumber: string): string | undefined {
  const match = shipments.find((s) => (s.tracks ?? []).some((tr) => tr.track_number === trackingNumber));
  return match ? String(match.entity_id) : undefined;
}
