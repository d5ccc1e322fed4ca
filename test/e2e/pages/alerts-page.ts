import type { Locator, Page } from 'playwright-core';

/** The open alerts, each with where it points and a Dismiss button. */
export class AlertsPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto(new URL('#/alerts', this.page.url()).toString());
    await this.page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
  }

  /** The screen as an alert e-mail's link opens it: `#/alerts?alert=<id>`. */
  async gotoLinked(id: number): Promise<void> {
    await this.page.goto(new URL(`#/alerts?alert=${id}`, this.page.url()).toString());
    await this.page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
  }

  /** The alert the link picked out. */
  linked(): Locator {
    return this.page.getByRole('list', { name: 'Open alerts' }).locator('li[aria-current="true"]');
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
