import { SERVICE_NAMES, type ServiceName } from '../../../../shared/domain.js';

/** The Activity screen's filter, read from its query (`?service=order_download&target=3`). */
export interface ActivityFilter {
  service: ServiceName | undefined;
  targetId: number | undefined;
}

export function readActivityFilter(query: URLSearchParams): ActivityFilter {
  const service = query.get('service');
  const target = Number(query.get('target'));
  return {
    service: (SERVICE_NAMES as readonly string[]).includes(service ?? '') ? (service as ServiceName) : undefined,
    targetId: Number.isInteger(target) && target > 0 ? target : undefined,
  };
}

export function matchesFilter(filter: ActivityFilter, item: { service: ServiceName; targetId: number }): boolean {
  return (!filter.service || item.service === filter.service) && (!filter.targetId || item.targetId === filter.targetId);
}
