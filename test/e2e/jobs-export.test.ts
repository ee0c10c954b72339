import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { launchBrowser, localOnlyContext, signInOnPage } from './helpers.ts';

// Issue 13 item 11: the department exports the whole province from the page,
// as a job whose progress the page follows, and downloads the file.
const ADMIN_PASSWORD = 'e2e-admin-password';
const dataDir = mkdtempSync(join(tmpdir(), 'sogd-e2e-export-'));
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(
    { DATA_DIR: dataDir, DATABASE_URL: '', SOGD_ADMIN_PASSWORD: ADMIN_PASSWORD },
    ['--demo-schools', '3', '--demo-students', '90'],
  );
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('exporting the province from the students page', () => {
  it('runs as a job, shows it, and gives the file', async () => {
    const { context, remoteRequests } = await localOnlyContext(browser, {
      width: 1280,
      height: 800,
    });
    const page = await context.newPage();
    await signInOnPage(page, server.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${server.url}/hoc-sinh`);
    await page.getByRole('button', { name: 'Xuất toàn bộ (chạy nền)' }).click();
    const link = page.getByRole('link', { name: /Tải tệp về \(90 dòng\)/ });
    await link.waitFor({ timeout: 60_000 });
    const file = await page.request.get(
      new URL((await link.getAttribute('href'))!, server.url).href,
    );
    expect(file.status()).toBe(200);
    const bytes = await file.body();
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    // The jobs page lists it, with its figures and the same file.
    await page.goto(`${server.url}/cong-viec-nen`);
    const row = page.locator('tr[data-job-id]', { hasText: 'Xuất danh sách học sinh' });
    await expect.poll(() => row.innerText()).toContain('Số dòng: 90');
    expect(await row.getByRole('link', { name: 'Tải tệp về' }).count()).toBe(1);
    expect(remoteRequests).toEqual([]);
    await context.close();
  });
});
