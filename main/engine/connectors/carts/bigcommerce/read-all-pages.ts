import type { BigCommerceClient } from './rest-client.js';

export const V2_MAX_PAGE_SIZE = 250;

/** Every page of a v2 list (an order's lines, addresses or shipments can outgrow one page); 204 ends it. */
export async function readAllPages(client: BigCommerceClient, path: string): Promise<unknown[]> {
  const all: unknown[] = [];
  for (let page = 1; ; page += 1) {
    const items = await client.getList(path, { page, limit: V2_MAX_PAGE_SIZE });
    all.push(...items);
    if (items.length < V2_MAX_PAGE_SIZE) return all;
  }
}
