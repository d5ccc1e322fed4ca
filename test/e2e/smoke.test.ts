import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from './support/app.js';

describe('the screens served by the headless host', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('open in Chromium after the token login, with no failed request or console error', async () => {
    await app.page.waitForLoadState('domcontentloaded');
    expect(app.page.url()).not.toContain('token=');
    await expect.poll(() => app.page.title()).toBe('Get started · Dockhand');
    const errors: string[] = [];
    app.page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
    });
    app.page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    await app.page.reload();
    await app.page.waitForSelector('#root > *');
    expect(errors).toEqual([]);
  });
});
