import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, startServer, type RunningServer } from '../helpers/server.ts';
import { createClerk, launchBrowser, localOnlyContext, signInOnPage } from './helpers.ts';

// Issue 13 item 4: a school clerk opens a student's record from the search,
// edits it, changes the status, prints the profile and adds a student by hand.
const ADMIN_PASSWORD = 'e2e-admin-password';
const PASSWORD = 'Ho-so-hoc-sinh-2026';
const dir = mkdtempSync(join(tmpdir(), 'sogd-e2e-student-'));
let server: RunningServer;
let browser: Browser;
let studentName: string;

beforeAll(async () => {
  server = await startServer(
    { DATA_DIR: join(dir, 'data'), DATABASE_URL: '', SOGD_ADMIN_PASSWORD: ADMIN_PASSWORD },
    ['--demo-schools', '8', '--demo-students', '300'],
  );
  const admin = await apiSignIn(server.url, 'admin', ADMIN_PASSWORD);
  const units = (await (await admin.get('/api/orgs/search?q=truong')).json()) as {
    id: string;
    kind: string;
  }[];
  const schoolId = units.find((u) => u.kind === 'school')!.id;
  const hits = (await (
    await admin.get(`/api/registry/students?q=a&schoolId=${schoolId}&pageSize=5`)
  ).json()) as { items: { fullName: string }[] };
  studentName = hits.items[0]!.fullName;
  await createClerk(server.url, admin, {
    username: 'vanthu.hs',
    fullName: 'Văn thư Trường',
    orgUnitId: schoolId,
    password: PASSWORD,
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("a school clerk keeps a student's record", () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ])
    it(`opens, edits, changes the status and prints at ${viewport.width} px`, async () => {
      const { context, remoteRequests } = await localOnlyContext(browser, viewport);
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await signInOnPage(page, server.url, 'vanthu.hs', PASSWORD);
      await page.goto(`${server.url}/hoc-sinh`);
      const search = page.getByPlaceholder(/^Họ tên \(không cần dấu\)/);
      await search.fill(studentName);
      await search.press('Enter');
      await page.getByRole('link', { name: studentName, exact: true }).first().click();
      await page.waitForURL(/\/hoc-sinh\/[0-9a-f-]{36}$/);
      await expect.poll(() => page.getByText('Lý lịch', { exact: true }).isVisible()).toBe(true);
      await expect
        .poll(() => page.getByText('Lớp theo năm học', { exact: true }).isVisible())
        .toBe(true);

      // Edit the address: saved and shown.
      const address = `Thôn ${viewport.width}, xã Kiểm Thử`;
      await page.getByRole('button', { name: 'Sửa hồ sơ' }).click();
      await page.getByLabel('Chỗ ở hiện nay').fill(address);
      await page.getByRole('button', { name: 'Lưu' }).click();
      // The dialog closes once saved, and the page shows the new address (not the toast, which
      // may be gone by the time a loaded machine looks).
      await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(false);
      await expect.poll(() => page.getByText(address).isVisible()).toBe(true);

      // The profile PDF is there for the printer.
      const href = await page
        .getByRole('link', { name: 'In sơ yếu lý lịch (PDF)' })
        .getAttribute('href');
      const pdf = await page.request.get(`${server.url}${href}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');

      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(viewport.width);
      expect(pageErrors).toEqual([]);
      expect(remoteRequests).toEqual([]);
      await context.close();
    });

  it('adds a student by hand and changes the status with a reason', async () => {
    const { context } = await localOnlyContext(browser, { width: 1280, height: 800 });
    const page = await context.newPage();
    await signInOnPage(page, server.url, 'vanthu.hs', PASSWORD);
    await page.goto(`${server.url}/hoc-sinh`);
    await page.getByRole('link', { name: 'Thêm học sinh' }).click();
    await page.getByLabel('Họ và tên').fill('Đỗ Thị Kiểm Thử');
    await page.getByLabel('Ngày sinh (dd/mm/yyyy)').fill('31/02/2015');
    await page.getByLabel('Giới tính').click();
    await page.getByTitle('Nữ', { exact: true }).click();
    // The first class of the year: the open list's active option.
    await page.getByLabel('Lớp', { exact: true }).click();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Lưu' }).click();
    // A day that does not exist is named on its field; nothing is added.
    await expect
      .poll(() => page.getByText(/Ngày sinh "31\/02\/2015" không hợp lệ/).isVisible())
      .toBe(true);
    await page.getByLabel('Ngày sinh (dd/mm/yyyy)').fill('28/02/2015');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/\/hoc-sinh\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText('Đỗ Thị Kiểm Thử').first().isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Đổi trạng thái' }).click();
    await page.getByRole('dialog').getByLabel('Tình trạng').click();
    await page.getByTitle('Thôi học', { exact: true }).click();
    await page.getByLabel('Lý do').fill('Gia đình chuyển đi nơi khác');
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(false);
    await expect
      .poll(() =>
        page.getByRole('cell', { name: 'Gia đình chuyển đi nơi khác', exact: true }).isVisible(),
      )
      .toBe(true);
    await context.close();
  });
});
