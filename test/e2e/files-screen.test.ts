import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilesPage } from './pages/files-page.js';
import { startApp, type AppUnderTest } from './support/app.js';

describe('the Files screen on demo data', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startApp();
    await app.call('account.setup', { mode: 'fulfillment' });
    // The page was opened before the account existed: it shows the first-run screen until reloaded.
    await app.page.reload();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('says what to expect before any file, then lists the sent order file, opens it and shows its rows', async () => {
    const files = new FilesPage(app.page);
    await files.goto();
    await app.page.getByText('No files yet: files appear here once Dockhand sends or picks one up.').waitFor();

    const { merchantId, cartId } = await app.call('demo.setup', {});
    await app.call('services.runNow', { service: 'order_download', targetId: cartId });
    await app.call('services.runNow', { service: 'order_delivery', targetId: merchantId });
    const sent = await app.call('files.list', { direction: 'sent', kind: 'order' });
    expect(sent.total).toBeGreaterThan(0);
    const kept = sent.items[sent.items.length - 1]!;
    const orders = (await app.call('orders.list', { merchantId, limit: 500, offset: 0 })).items.filter((o) => o.status !== 'new');

    await files.goto();
    await files.filterDirection('Sent');
    const row = files.rows(kept.name);
    await row.waitFor();
    expect(await row.getByRole('cell').nth(3).textContent()).toBe('Order file');
    expect(await row.getByRole('cell').nth(5).textContent()).toBe(String(kept.rows));

    await files.open(kept.name);
    const text = (await files.content(kept.name).textContent()) ?? '';
    // The preview holds the file's rows: a header, then a line (or more, one per item) per order.
    expect(orders.some((o) => text.includes(o.orderNumber))).toBe(true);
    expect(text.trim().split('\n').length).toBeGreaterThan(kept.rows);
    await files.downloadButton().waitFor();
    const [download] = await Promise.all([app.page.waitForEvent('download'), files.downloadButton().click()]);
    expect(download.suggestedFilename()).toBe(kept.name);
    await app.screenshot('files-screen');
  });
});
