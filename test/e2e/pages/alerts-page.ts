import type { Locator, Page } from 'playwright-core';

/** The open alerts, each with where it points and a Dismiss button. */
export class AlertsPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto(new URL('#/alerts', this.page.url()).toString());
    await this.page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
  }

  /** Alerts whose message contains the text. */
  alert(text: string | RegExp): Locator {
    return this.page.getByRole('list', { name: 'Open alerts' }).getByRole('listitem').filter({ hasText: text });
  }

  async dismiss(text: string | RegExp): Promise<void> {
    await this.alert(text).getByRole('button', { name: 'Dismiss' }).click();
  }

  emptyState(): Locator {
    return this.page.getByText('No open alerts');
  }
}
