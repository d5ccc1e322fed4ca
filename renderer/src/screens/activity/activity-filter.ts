import { CART_SERVICES, MERCHANT_SERVICES, SERVICE_NAMES, type ServiceName } from '../../../../shared/domain.js';
import { withQuery } from '../../app/router.js';
import { SERVICE_LABELS } from '../../format/labels.js';

/** What a target id names: cart ids and merchant ids are separate sequences, so an id alone is ambiguous. */
export type TargetKind = 'cart' | 'merchant';

export const SERVICES_OF_KIND: Record<TargetKind, readonly ServiceName[]> = { cart: CART_SERVICES, merchant: MERCHANT_SERVICES };

/** The Activity screen's filter, read from its query (`?service=order_download&kind=cart&target=3`). */
export interface ActivityFilter {
  service: ServiceName | undefined;
  /** With a target: that cart's or that merchant's jobs and runs; alone: every cart's or every merchant's. */
  kind: TargetKind | undefined;
  targetId: number | undefined;
}

export function readActivityFilter(query: URLSearchParams): ActivityFilter {
  const service = query.get('service');
  const kind = query.get('kind');
  const target = Number(query.get('target'));
  return {
    service: (SERVICE_NAMES as readonly string[]).includes(service ?? '') ? (service as ServiceName) : undefined,
    kind: kind === 'cart' || kind === 'merchant' ? kind : undefined,
    targetId: Number.isInteger(target) && target > 0 ? target : undefined,
  };
}

export function activityPath(filter: Partial<ActivityFilter>): string {
  return withQuery('/activity', { service: filter.service, kind: filter.kind, target: filter.targetId });
}

/** Choosing a service of the other kind drops the target, which could not have run it. */
export function withService(filter: ActivityFilter, service: ServiceName | undefined): ActivityFilter {
  if (service && filter.kind && !SERVICES_OF_KIND[filter.kind].includes(service)) return { service, kind: undefined, targetId: undefined };
  return { ...filter, service };
}

export function isFiltered(filter: ActivityFilter): boolean {
  return Boolean(filter.service || filter.kind || filter.targetId);
}

export function matchesFilter(filter: ActivityFilter, item: { service: ServiceName; targetId: number }): boolean {
  return (
    (!filter.service || item.service === filter.service) &&
    (!filter.kind || SERVICES_OF_KIND[filter.kind].includes(item.service)) &&
    (!filter.targetId || item.targetId === filter.targetId)
  );
}

const KIND_WORDS: Record<TargetKind, { one: string; every: string }> = {
  cart: { one: 'store connection', every: 'every store connection' },
  merchant: { one: 'merchant', every: 'every merchant' },
};

/** The kind of target a service runs for. */
export function kindOfService(service: ServiceName): TargetKind {
  return SERVICES_OF_KIND.cart.includes(service) ? 'cart' : 'merchant';
}

/**
 * What the filter shows, in words ("Order Download of store connection Demo store"); names come from the
 * jobs, which carry their target's name. A service says the kind of its target when the link did not.
 */
export function describeFilter(filter: ActivityFilter, jobs: readonly { service: ServiceName; targetId: number; targetName: string }[]): string {
  const what = filter.service ? SERVICE_LABELS[filter.service] : 'all services';
  const kind = filter.kind ?? (filter.service ? kindOfService(filter.service) : undefined);
  const { targetId } = filter;
  let whose: string;
  if (kind && targetId) {
    const name = jobs.find((job) => job.targetId === targetId && SERVICES_OF_KIND[kind].includes(job.service))?.targetName;
    whose = `${KIND_WORDS[kind].one} ${name ?? `#${targetId}`}`;
  } else if (kind) whose = KIND_WORDS[kind].every;
  else if (targetId) whose = `target #${targetId} (a store connection or a merchant)`;
  else whose = 'every target';
  return `${what} of ${whose}`;
}
