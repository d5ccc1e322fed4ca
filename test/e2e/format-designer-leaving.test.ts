import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormatDesignerPage } from './pages/format-designer-page.js';
import { FormatsPage } from './pages/formats-page.js';
import { startApp, type AppUnderTest } from './support/app.js';

/**
 * The designer's unsaved changes are never dropped on the way out, whichever way that is: the sidebar,
 * the page's own back link, Back in the browser, or an address typed in. Staying keeps the changes;
 * leaving (said so) goes where the person was going. The tests run in order on one app.
 */
describe('leaving the format designer with changes not saved', () => {
  let app: AppUnderTest;
  let designer: FormatDesignerPage;
  const PRESET = 'One row per line, ship-to in separate columns';
  const question = () => app.page.getByRole('alertdialog', { name: 'Leave without saving?' });
  const form = () => app.page.getByRole('form', { name: `Edit ${PRESET}` });
  const nameField = () => app.page.getByLabel('Name', { exact: true });

  /** Asked, the person stays: the dialog closes and the edit is still there. */
  async function stay(): Promise<void> {
    await question().waitFor();
    await question().getByRole('button', { name: 'Cancel' }).click();
    await question().waitFor({ state: 'detached' });
    await form().waitFor();
    expect(await nameField().inputValue()).toBe(`${PRESET} (edited)`);
    expect(new URL(app.page.url()).hash).toMatch(/^#\/formats\/\d+$/);
  }

  beforeAll(async () => {
    app = await startApp();
    await app.call('account.setup', { mode: 'fulfillment' });
    await app.page.reload();
    const formats = new FormatsPage(app.page);
    designer = new FormatDesignerPage(app.page);
    await formats.goto();
    await formats.usePreset('Order files', PRESET);
    await formats.row('order file', PRESET).waitFor();
    await designer.open(PRESET);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('leaves without asking while nothing is changed', async () => {
    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await app.page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
    expect(await question().count()).toBe(0);
    await app.page.goBack();
    await form().waitFor();
  });

  it('asks before the sidebar, the back link, Back and a typed address leave, and keeps the changes when the person stays', async () => {
    await nameField().fill(`${PRESET} (edited)`);

    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await stay();

    await app.page.getByRole('link', { name: '← File formats' }).click();
    await stay();

    await app.page.goBack();
    await stay();

    await app.page.evaluate(() => (window.location.hash = '#/activity'));
    await stay();
  });

  it('goes where the person was going once they say to leave', async () => {
    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await question().getByRole('button', { name: 'Leave and drop the changes' }).click();
    await app.page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
    expect(new URL(app.page.url()).hash).toBe('#/orders');
    const saved = (await app.call('formats.list', { kind: 'order' })).map((f) => f.name);
    expect(saved).toContain(PRESET);
    expect(saved).not.toContain(`${PRESET} (edited)`);
  });
});
