import type { Locator, Page } from 'playwright-core';

/** Activity: the jobs with Run now / Pause / Resume, and the runs. */
export class ActivityPage {
  constructor(private readonly page: Page) {}

  async goto(query = ''): Promise<void> {
    await this.page.goto(new URL(`#/activity${query}`, this.page.url()).toString());
    await this.page.getByRole('heading', { name: 'Activity', level: 1 }).waitFor();
  }

  /** A job's row, e.g. job('Order Download', 'Demo store'). */
  job(service: string, target: string): Locator {
    return this.page.getByRole('table', { name: 'Jobs' }).getByRole('row', { name: `${service} for ${target}`, exact: true });
  }

  async runNow(service: string, target: string): Promise<void> {
    await this.job(service, target).getByRole('button', { name: /^Run now/ }).click();
  }

  async pause(service: string, target: string): Promise<void> {
    await this.job(service, target).getByRole('button', { name: /^Pause/ }).click();
  }

  async resume(service: string, target: string): Promise<void> {
    await this.job(service, target).getByRole('button', { name: /^Resume/ }).click();
  }

  /** The State cell of a job's row: next run, progress, retry with its error, or why it is paused. */
  jobState(service: string, target: string): Locator {
    return this.job(service, target).getByRole('cell').nth(2);
  }

  /** What a Run now reported in the job's row once the run finished. */
  runResult(service: string, target: string): Locator {
    return this.job(service, target).getByRole('status');
  }

  /** The runs of one service for one target, newest first. */
  runs(service: string, target: string): Locator {
    return this.page.getByRole('table', { name: 'Runs' }).getByRole('row', { name: new RegExp(`^Run \\d+: ${service} for ${target}$`) });
  }

  async pauseAll(): Promise<void> {
    await this.page.getByRole('button', { name: 'Pause all' }).click();
  }

  async resumeAll(): Promise<void> {
    await this.page.getByRole('button', { name: 'Resume all' }).click();
  }
}
