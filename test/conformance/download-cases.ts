import { expect } from 'vitest';
import { daysAgo, downloadOnce, idsOf, sameVersionTwice, type CaseEnv } from './case-env.js';
import { hook } from './hooks.js';

/** Order download through the connector: where the first run starts, paging, incremental runs. */

export async function firstRunFromEarliestDate(env: CaseEnv): Promise<void> {
  const seedAt = hook(env.fake, 'seedOrdersCreatedAt');
  const earliest = daysAgo(env.clock, 10);
  await seedAt(3, daysAgo(env.clock, 20));
  await seedAt(4, daysAgo(env.clock, 5));
  await env.fake.seedOrders(2);

  const first = await downloadOnce(env, null, { earliestOrderDate: earliest });
  expect(first.orders).toHaveLength(6);
  for (const o of first.orders) expect(Date.parse(o.orderDate), `${o.orderNumber} ${o.orderDate}`).toBeGreaterThanOrEqual(Date.parse(earliest));
  expect(first.position, 'the first run saves a position').toBeTruthy();

  // An order from before the earliest date that changes later is still not one of ours.
  const change = hook(env.fake, 'changeOrder');
  const old = await oldOrderId(env, earliest);
  await change(old);
  const next = await downloadOnce(env, first.position, { earliestOrderDate: earliest });
  expect(idsOf(next.orders)).not.toContain(old);
}

/** The id of a seeded order created before `earliest`, found through a download that ignores the date. */
async function oldOrderId(env: CaseEnv, earliest: string): Promise<string> {
  const all = await downloadOnce(env, null, { earliestOrderDate: daysAgo(env.clock, 60) });
  const old = all.orders.find((o) => Date.parse(o.orderDate) < Date.parse(earliest));
  if (!old) throw new Error('The fake handed over no order created before the earliest date, even from further back');
  return old.cartOrderId;
}

export async function pagesAcrossThreeOrMore(env: CaseEnv): Promise<void> {
  const pageSize = hook(env.fake, 'pageSize');
  const count = pageSize * 3 + 2;
  await env.fake.seedOrders(count);
  const run = await downloadOnce(env, null);
  expect(run.pages.length).toBeGreaterThanOrEqual(4);
  expect(new Set(idsOf(run.orders)).size).toBe(count);
  expect(run.orders).toHaveLength(count);
  for (const page of run.pages) expect(page.position, 'every page carries the position after it').toBeTruthy();

  // A run that stopped after its first page resumes from that page's position: nothing lost, nothing again.
  const resumed = await downloadOnce(env, run.pages[0].position);
  const firstPage = new Set(idsOf(run.pages[0].orders));
  expect(idsOf(resumed.orders).filter((id) => firstPage.has(id))).toEqual([]);
  expect(new Set([...firstPage, ...idsOf(resumed.orders)]).size).toBe(count);
}

export async function incrementalNewOnly(env: CaseEnv): Promise<void> {
  await env.fake.seedOrders(3);
  const first = await downloadOnce(env, null);
  expect(first.orders).toHaveLength(3);

  await env.fake.seedOrders(2);
  const second = await downloadOnce(env, first.position);
  expect(second.orders).toHaveLength(2);
  expect(idsOf(second.orders).filter((id) => idsOf(first.orders).includes(id))).toEqual([]);

  const third = await downloadOnce(env, second.position);
  expect(idsOf(third.orders), 'nothing changed: nothing handed over').toEqual([]);
}

export async function incrementalChangedOnly(env: CaseEnv): Promise<void> {
  const change = hook(env.fake, 'changeOrder');
  await env.fake.seedOrders(4);
  const first = await downloadOnce(env, null);
  const target = first.orders[1];
  const updatedAt = await change(target.cartOrderId);

  const second = await downloadOnce(env, first.position);
  expect(idsOf(second.orders)).toEqual([target.cartOrderId]);
  expect(Date.parse(second.orders[0].updatedAt)).toBe(Date.parse(updatedAt));
  expect(idsOf((await downloadOnce(env, second.position)).orders)).toEqual([]);
}

export async function changedDuringRun(env: CaseEnv): Promise<void> {
  const change = hook(env.fake, 'changeOrder');
  const pageSize = hook(env.fake, 'pageSize');
  const count = pageSize * 2 + 2;
  await env.fake.seedOrders(count);

  // After the first page, one order already handed over and the last one, not reached yet, change in
  // the cart. A first read (reads change nothing) tells which order comes last.
  const lastId = (await downloadOnce(env, null)).orders.at(-1)!.cartOrderId;
  const changed = new Map<string, string>();
  const run = await downloadOnce(env, null, {
    afterPage: async (page, index) => {
      if (index !== 0) return;
      const handed = page.orders[0].cartOrderId;
      changed.set(handed, await change(handed));
      if (lastId !== handed) changed.set(lastId, await change(lastId));
    },
  });
  const after = await downloadOnce(env, run.position);
  const handedOver = [...run.orders, ...after.orders];

  expect(new Set(idsOf(handedOver)).size, 'no order lost').toBe(count);
  expect(sameVersionTwice(handedOver), 'no order handed over twice in the same version').toEqual([]);
  for (const [id, updatedAt] of changed) {
    const versions = handedOver.filter((o) => o.cartOrderId === id).map((o) => Date.parse(o.updatedAt));
    expect(versions, `the changed version of ${id} is handed over`).toContain(Date.parse(updatedAt));
  }
}

/**
 * A bulk action in the cart's admin saves more orders in one second than the window remembers by default
 * (1,000): every one is handed over once, none again on the next run, and a newer order still comes.
 * Platforms that keep times to the second must never split that second when bounding what they remember.
 */
export async function massActionInOneSecond(env: CaseEnv): Promise<void> {
  const count = 1_200;
  const seed = hook(env.fake, 'seedOrdersInOneGo');
  await env.clock.held(() => seed(count));
  const first = await downloadOnce(env, null);
  expect(new Set(idsOf(first.orders)).size).toBe(count);
  expect(sameVersionTwice(first.orders)).toEqual([]);

  const again = await downloadOnce(env, first.position);
  expect(idsOf(again.orders), 'no order of that second is handed over again').toEqual([]);

  await env.clock.sleep(2_000);
  await env.fake.seedOrders(1);
  const next = await downloadOnce(env, again.position ?? first.position);
  expect(next.orders, 'the newer order still comes, alone').toHaveLength(1);
}
