import type { ServiceName } from '../../../shared/domain.js';
import { deliverOrders } from './deliver-orders.js';
import { downloadOrders } from './download-orders.js';
import { pickupInventory } from './pickup-inventory.js';
import { pickupShipments } from './pickup-shipments.js';
import type { RunContext } from './run-context.js';
import { uploadInventory } from './upload-inventory.js';
import { uploadShipments } from './upload-shipments.js';

/** The six services, each `(run, targetId)`: cart id for cart services, merchant id for merchant ones. */
export const SERVICES: Record<ServiceName, (rc: RunContext, targetId: number) => Promise<void>> = {
  order_download: downloadOrders,
  order_delivery: deliverOrders,
  shipment_pickup: pickupShipments,
  shipment_upload: uploadShipments,
  inventory_pickup: pickupInventory,
  inventory_upload: uploadInventory,
};
