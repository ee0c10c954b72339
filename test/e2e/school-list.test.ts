import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { launchBrowser, localOnlyContext, signInOnPage } from './helpers.ts';

// Issue 13 item 8: the department's list of its schools, at desktop and phone width.
const ADMIN_PASSWORD = 'e2e-admin-password';
const dir = mkdtempSync(join(tmpdir(), 'sogd-e2e-school-list-'));
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(
    { DATA_DIR: join(dir, 'data'), DATABASE_URL: '', SOGD_ADMIN_PASSWORD: ADMIN_PASSWORD },
    ['--demo-schools', '8', '--demo-students', '300'],
  );
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the department opens its list of schools', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ])
    it(`lists, filters, sorts and exports at ${viewport.width} px`, async () => {
      const { context, remoteRequests } = await localOnlyContext(browser, viewport);
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await signInOnPage(page, server.url, 'admin', ADMIN_PASSWORD);
      if (viewport.width < 600) await page.goto(`${server.url}/danh-sach-truong`);
      else await page.getByRole('menuitem', { name: 'Danh sách trường' }).click();
      await expect.poll(() => page.getByText(/^\d+ trường$/).isVisible()).toBe(true);
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      const all = Number((await page.getByText(/^\d+ trường$/).innerText()).split(' ')[0]);
      expect(all).toBeGreaterThan(1);
      await expect.poll(() => rows.count()).toBe(Math.min(all, 50));

      // Sorting by students, largest first, puts the biggest school on top.
      const header = page.locator('th', { hasText: 'Học sinh' });
      await header.click();
      await header.click();
      const counts = async () =>
        (await page.getByTestId('school-students').allInnerTexts()).map((t) =>
          Number(t.replace(/\./g, '')),
        );
      await expect
        .poll(async () => {
          const c = await counts();
          return c.length > 1 && c.every((n, i) => i === 0 || c[i - 1]! >= n);
        })
        .toBe(true);

      // A filter on the level narrows the list.
      await page.getByLabel('Cấp học', { exact: true }).click();
      await page.getByTitle('Tiểu học', { exact: true }).click();
      await expect.poll(async () => (await rows.count()) < all).toBe(true);

      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Xuất Excel' }).click();
      expect((await download).suggestedFilename()).toMatch(/^truong-hoc-\d{4}-\d{4}\.xlsx$/);

      // Nothing wider than the screen.
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(viewport.width);
      expect(pageErrors).toEqual([]);
      expect(remoteRequests).toEqual([]);
      await context.close();
    });
});
