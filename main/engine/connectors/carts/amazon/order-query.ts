import type { AmazonSettings } from '../../../../../shared/schemas/amazon.js';

/**
 * getOrders' query. The first page carries the filters; a NextToken page carries only NextToken and
 * MarketplaceIds (Amazon uses the token instead of the other criteria and refuses a mix).
 *
 * The two-minute rule: LastUpdatedBefore must be at least two minutes before now (Amazon's order index
 * lags); the window asks up to then, and the next run's overlap starts from there.
 */

/** How far behind now LastUpdatedBefore must stay. */
export const TWO_MINUTES_MS = 2 * 60_000;

/** Orders per page: getOrders' maximum (MaxResultsPerPage 1..100). */
export const AMAZON_ORDERS_PAGE_SIZE = 100;

/** The statuses downloaded: unshipped orders, part-shipped ones, and cancellations (so a canceled order stops at the warehouse). */
export const DOWNLOADED_STATUSES = ['Unshipped', 'PartiallyShipped', 'Canceled'] as const;

/** ISO 8601 without milliseconds, as Amazon's examples write it. */
export function amazonTime(iso: string | number | Date): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The latest LastUpdatedBefore allowed at `nowMs`, to the whole second (never later than now - 2 min). */
export function lastUpdatedBeforeAt(nowMs: number): string {
  return amazonTime(Math.floor((nowMs - TWO_MINUTES_MS) / 1000) * 1000);
}

export function firstPageQuery(settings: Pick<AmazonSettings, 'marketplaceIds' | 'includeAfn'>, after: string, before: string, pageSize = AMAZON_ORDERS_PAGE_SIZE): URLSearchParams {
  const q = new URLSearchParams({
    MarketplaceIds: settings.marketplaceIds.join(','),
    LastUpdatedAfter: amazonTime(after),
    LastUpdatedBefore: before,
    OrderStatuses: DOWNLOADED_STATUSES.join(','),
    MaxResultsPerPage: String(pageSize),
  });
  if (!settings.includeAfn) q.set('FulfillmentChannels', 'MFN');
  return q;
}

export function nextPageQuery(settings: Pick<AmazonSettings, 'marketplaceIds'>, nextToken: string): URLSearchParams {
  return new URLSearchParams({ MarketplaceIds: settings.marketplaceIds.join(','), NextToken: nextToken });
}
