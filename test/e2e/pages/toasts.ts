import type { Locator, Page } from 'playwright-core';

/**
 * A "saved" style message as a person sees it: in the notifications region at the window's corner.
 * (Radix also copies the text into a hidden live region for screen readers, so a bare getByText finds it twice.)
 */
export function toast(page: Page, text: string | RegExp): Locator {
  return page.getByRole('region', { name: /^Notifications/ }).getByText(text);
}
