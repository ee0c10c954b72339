import type { Page } from 'playwright-core';

/** Picks a school year in the registry's year select (a select, never free text: #13 item 7). */
export async function chooseYear(page: Page, label: string, year: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page
    .locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) [title="${year}"]`)
    .click();
}
