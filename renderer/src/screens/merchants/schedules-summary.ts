import type { MerchantView } from '../../../../shared/api-types.js';
import { MERCHANT_SERVICES } from '../../../../shared/domain.js';
import { describeMinutes } from '../../../../shared/frequency.js';
import { SERVICE_LABELS } from '../../format/labels.js';

/** "Order Delivery every 15 min · Shipping Confirmations every 30 min · Inventory off" */
export function schedulesSummary(schedules: MerchantView['schedules']): string {
  return MERCHANT_SERVICES.map((service) => {
    const minutes = schedules[service];
    return `${SERVICE_LABELS[service]} ${minutes === null ? 'off' : describeMinutes(minutes)}`;
  }).join(' · ');
}
