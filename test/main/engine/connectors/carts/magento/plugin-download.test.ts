import { afterEach, describe, expect, it } from 'vitest';
import type { CartContext, OrderPage } from '../../../../../../main/engine/connectors/carts/cart-connector.js';
import { createMagentoConnector } from '../../../../../../main/engine/connectors/carts/magento/connector.js';
import { magentoPlugin } from '../../../../../../main/engine/connectors/carts/magento/plugin.js';
import { silentLogger } from '../../../../../../main/engine/platform/ports.js';
import { magentoSettingsSchema, type MagentoSettings } from '../../../../../../shared/platforms/magento.js';
import { createFakeMagento, type FakeMagento } from '../../../../../fakes/magento/index.js';
import { recordingHttp } from './helpers.js';

let fake: FakeMagento | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const EARLIEST = '2026-11-01T00:00:00Z';

function ctxOf(): CartContext {
  const http = recordingHttp();
  return { clock: http.clock, log: silentLogger, signal: new AbortController().signal };
}

function settingsFor(store: FakeMagento, extra: Partial<MagentoSettings> = {}): MagentoSettings {
  return magentoSettingsSchema.parse({ storeUrl: store.url, ...extra });
}

async function pages(iterable: AsyncIterable<OrderPage>): Promise<OrderPage[]> {
  const out: OrderPage[] = [];
  for await (const page of iterable) out.push(page);
  return out;
}

describe('the Magento order download', () => {
  it('hands over every status, with a skip reason for the statuses the cart does not download', async () => {
    fake = await createFakeMagento();
    fake.state.addOrder({ status: 'processing' });
    fake.state.addOrder({ status: 'pending', state: 'new' });
    const connector = createMagentoConnector(ctxOf(), settingsFor(fake), { accessToken: fake.integrationToken });
    const [page] = await pages(connector.fetchOrders({ cursor: null, earliestOrderDate: EARLIEST }));
    expect(page.orders.map((o) => [o.orderNumber, o.skipReason])).toEqual([
      ['000000001', undefined],
      ['000000002', 'order status pending is not in the filter (processing)'],
    ]);
  });

  it('walks pages by keyset, so an order changed mid-run neither hides an unread one nor stops the walk', async () => {
    fake = await createFakeMagento();
    for (let i = 0; i < 7; i++) fake.state.addOrder();
    const connector = createMagentoConnector(ctxOf(), settingsFor(fake), { accessToken: fake.integrationToken }, { pageSize: 3 });
    const seen: string[] = [];
    for await (const page of connector.fetchOrders({ cursor: null, earliestOrderDate: EARLIEST })) {
      if (seen.length === 0) {
        // The first order handed over changes in the admin: it moves to the end of the updated_at sort.
        fake.state.advance(1);
        fake.state.modifyOrder(Number(page.orders[0].cartOrderId));
      }
      seen.push(...page.orders.map((o) => o.cartOrderId));
    }
    expect(new Set(seen)).toEqual(new Set(['1', '2', '3', '4', '5', '6', '7']));
    expect(seen.filter((id) => id === '1')).toHaveLength(2);
    const searches = fake.requests.filter((r) => r.path === '/V1/orders');
    expect(searches.every((r) => r.query.get('searchCriteria[currentPage]') === '1')).toBe(true);
    expect(searches[1].query.get('searchCriteria[filter_groups][1][filters][1][field]')).toBe('entity_id');
  });

  it('records a malformed order once as invalid and moves the position past it, never backwards', async () => {
    fake = await createFakeMagento();
    fake.state.addOrder();
    const bad = fake.state.addOrder();
    fake.corruptOrder(bad.entity_id, { ...(fake.state.view(bad) as object), grand_total: 'lots' });
    const connector = createMagentoConnector(ctxOf(), settingsFor(fake), { accessToken: fake.integrationToken });
    const first = await pages(connector.fetchOrders({ cursor: null, earliestOrderDate: EARLIEST }));
    expect(first.flatMap((p) => p.invalid)).toEqual([{ cartOrderId: '2', orderNumber: bad.increment_id, reason: expect.stringContaining('grand_total') }]);
    const position = JSON.parse(first.at(-1)!.cursor) as { updatedAt: string };
    expect(position.updatedAt).toBe(`${bad.updated_at.replace(' ', 'T')}.000Z`);

    // A later run that finds nothing newer keeps the position where it was.
    const again = await pages(connector.fetchOrders({ cursor: first.at(-1)!.cursor, earliestOrderDate: EARLIEST }));
    expect((JSON.parse(again.at(-1)!.cursor) as { updatedAt: string }).updatedAt).toBe(position.updatedAt);
    expect(again.flatMap((p) => p.orders)).toEqual([]);
  });

  it('leaves out orders created before the earliest order date on the first run', async () => {
    fake = await createFakeMagento();
    fake.state.addOrder({ createdAt: '2026-10-01 08:00:00' });
    fake.state.addOrder();
    const connector = createMagentoConnector(ctxOf(), settingsFor(fake), { accessToken: fake.integrationToken });
    const run = await pages(connector.fetchOrders({ cursor: null, earliestOrderDate: EARLIEST }));
    expect(run.flatMap((p) => p.orders).map((o) => o.cartOrderId)).toEqual(['2']);
  });

  it('signs in with an admin user name and password when the cart says so', async () => {
    fake = await createFakeMagento({ orders: 2, admin: { username: 'dockhand', password: 'S3cret!pass' } });
    const settings = settingsFor(fake, { authMode: 'admin_user' });
    const connector = createMagentoConnector(ctxOf(), settings, { username: 'dockhand', password: 'S3cret!pass' });
    const run = await pages(connector.fetchOrders({ cursor: null, earliestOrderDate: EARLIEST }));
    expect(run.flatMap((p) => p.orders)).toHaveLength(2);
    expect(fake.requests.some((r) => r.path === '/V1/integration/admin/token')).toBe(true);
  });

  it('reuses the admin token across runs of the same store, and signs in again once it is refused', async () => {
    fake = await createFakeMagento({ orders: 1, admin: { username: 'dockhand', password: 'S3cret!pass' } });
    const settings = settingsFor(fake, { authMode: 'admin_user' });
    const run = () => pages(createMagentoConnector(ctxOf(), settings, { username: 'dockhand', password: 'S3cret!pass' }).fetchOrders({ cursor: null, earliestOrderDate: EARLIEST }));
    const signIns = () => fake!.requests.filter((r) => r.path === '/V1/integration/admin/token').length;
    await run();
    await run();
    expect(signIns()).toBe(1);
    fake.expireAdminTokens();
    expect((await run()).flatMap((p) => p.orders)).toHaveLength(1);
    expect(signIns()).toBe(2);
  });
});

describe('the Magento connection test', () => {
  it('names an http:// store address as the problem instead of sending the token', async () => {
    const connector = createMagentoConnector(ctxOf(), { ...magentoSettingsSchema.parse({ storeUrl: 'https://shop.example.com' }), storeUrl: 'http://shop.example.com' }, { accessToken: 'tok' });
    const result = await connector.testConnection(['order_download']);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/https:\/\//);
  });

  it('says which credential is missing for the chosen sign-in', async () => {
    fake = await createFakeMagento();
    const connector = createMagentoConnector(ctxOf(), settingsFor(fake, { authMode: 'admin_user' }), { username: 'dockhand' });
    const result = await connector.testConnection(['order_download']);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('admin user name and password are required') });
  });
});

describe('a Magento sync position typed in Diagnostics', () => {
  const context = { earliestOrderDate: EARLIEST, now: '2026-11-20T10:00:00Z' };

  it('is saved as the download writes it, keeping the earliest order date', () => {
    expect(JSON.parse(magentoPlugin.parseCursor!('2026-11-19T08:00:00+01:00', context))).toEqual({
      v: 1,
      updatedAt: '2026-11-19T07:00:00.000Z',
      createdAtMin: '2026-11-01T00:00:00.000Z',
    });
  });

  it('is refused when it cannot be read or lies in the future', () => {
    expect(() => magentoPlugin.parseCursor!('yesterday', context)).toThrow(/time with its zone/);
    expect(() => magentoPlugin.parseCursor!('2027-01-01T00:00:00Z', context)).toThrow(/in the future/);
  });
});

describe('the Magento download after a mass action (thousands of orders saved in one second)', () => {
  async function run(connector: ReturnType<typeof createMagentoConnector>, cursor: string | null) {
    const got = await pages(connector.fetchOrders({ cursor, earliestOrderDate: EARLIEST }));
    return { ids: got.flatMap((p) => p.orders.map((o) => o.cartOrderId)), cursor: got.at(-1)?.cursor ?? cursor };
  }

  it('hands none of 1,500 orders of one updated_at second over again, nor after a newer order arrives', async () => {
    fake = await createFakeMagento();
    for (let i = 0; i < 1500; i++) fake.state.addOrder();
    const connector = createMagentoConnector(ctxOf(), settingsFor(fake), { accessToken: fake.integrationToken });
    const first = await run(connector, null);
    expect(new Set(first.ids).size).toBe(1500);
    expect(first.ids).toHaveLength(1500);
    // Every one of the second is remembered in the position, past the 1,000 bound.
    expect(Object.keys(JSON.parse(first.cursor as string).recent)).toHaveLength(1500);

    // The next run re-reads the overlap, the whole second included: nothing is handed over again.
    const second = await run(connector, first.cursor);
    expect(second.ids).toEqual([]);

    // A shopper's order a second later moves the high-water mark; the mass action's second stays remembered.
    fake.state.advance(1);
    const newer = fake.state.addOrder();
    const third = await run(connector, second.cursor);
    expect(third.ids).toEqual([String(newer.entity_id)]);
    expect((await run(connector, third.cursor)).ids).toEqual([]);
  });
});

