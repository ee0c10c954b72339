import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, startServer, type RunningServer } from '../helpers/server.ts';
import { createClerk, launchBrowser, localOnlyContext, signInOnPage } from './helpers.ts';

// Issue 13 items 9 and 10: the audit log reads like a register; consequential
// one-click actions say what they will do, with the counts, before doing it.
const ADMIN_PASSWORD = 'e2e-admin-password';
const dataDir = mkdtempSync(join(tmpdir(), 'sogd-e2e-register-'));
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
let server: RunningServer;
let browser: Browser;
let school: { id: string; name: string; code: string; students: number };

beforeAll(async () => {
  server = await startServer(
    { DATA_DIR: dataDir, DATABASE_URL: '', SOGD_ADMIN_PASSWORD: ADMIN_PASSWORD },
    ['--demo-schools', '2', '--demo-students', '30'],
  );
  const admin = await apiSignIn(server.url, 'admin', ADMIN_PASSWORD);
  const hits = (await (await admin.get('/api/registry/students?pageSize=1')).json()) as {
    items: { school: { id: string; name: string; code: string } }[];
  };
  const found = hits.items[0]!.school;
  const unit = (await (await admin.get(`/api/orgs/${found.id}`)).json()) as {
    counts: { students: number };
  };
  school = { ...found, students: unit.counts.students };
  await createClerk(server.url, admin, {
    username: 'vanthu.e2e',
    fullName: 'Lê Thị Hoa',
    orgUnitId: found.id,
    password: 'mat-khau-van-thu-e2e',
  });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const confirmDialog = (page: Page) => page.locator('.ant-modal-confirm');

describe('a school’s location', () => {
  it('at 390 px: typed with the decimal comma, refused at the field outside Viet Nam, shown and saved', async () => {
    const { context, remoteRequests } = await localOnlyContext(browser, {
      width: 390,
      height: 844,
    });
    const page = await context.newPage();
    await signInOnPage(page, server.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${server.url}/don-vi/${school.id}`);
    await page.getByRole('button', { name: 'Sửa', exact: true }).click();
    const dialog = page.locator('.ant-modal');
    const errors = () => dialog.locator('.ant-form-item-explain-error').allInnerTexts();
    await dialog.getByLabel('Vĩ độ').fill('210,28');
    await dialog.getByLabel('Kinh độ').fill('105,8542');
    let puts = 0;
    page.on('request', (r) => {
      if (r.method() === 'PATCH' || r.method() === 'PUT') puts++;
    });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(errors).toContain('Nằm ngoài lãnh thổ Việt Nam: cần một số từ 8 đến 24.');
    expect(puts).toBe(0);
    await dialog.getByLabel('Vĩ độ').fill('21,0285');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.locator('main').innerText()).toContain('21,0285 · 105,8542');
    const admin = await apiSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const unit = (await (await admin.get(`/api/orgs/${school.id}`)).json()) as {
      location: { lat: number; lon: number } | null;
    };
    expect(unit.location).toEqual({ lat: 21.0285, lon: 105.8542 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(remoteRequests).toEqual([]);
    await context.close();
  });
});

describe('confirmations and the register', () => {
  it('asks before resetting a password and before deactivating a school, with counts', async () => {
    expect(school.students).toBeGreaterThan(0);
    const { context } = await localOnlyContext(browser, { width: 1280, height: 800 });
    const page = await context.newPage();
    await signInOnPage(page, server.url, 'admin', ADMIN_PASSWORD);

    await page.goto(`${server.url}/nguoi-dung`);
    const row = page.locator('tr', { hasText: 'vanthu.e2e' });
    await row.getByRole('button', { name: 'Cấp lại mật khẩu' }).click();
    const ask = confirmDialog(page);
    await expect.poll(() => ask.innerText()).toContain('Lê Thị Hoa (vanthu.e2e)');
    expect(await ask.innerText()).toContain('phiên đăng nhập đang mở');
    // Cancelled: nothing happens, no temporary password.
    await ask.getByRole('button', { name: 'Huỷ' }).click();
    await expect.poll(() => ask.count()).toBe(0);
    expect(await page.getByTestId('temporary-password').count()).toBe(0);
    // The old password still works.
    await apiSignIn(server.url, 'vanthu.e2e', 'mat-khau-van-thu-e2e');
    await row.getByRole('button', { name: 'Cấp lại mật khẩu' }).click();
    await confirmDialog(page).getByRole('button', { name: 'Cấp lại mật khẩu' }).click();
    await expect.poll(() => page.getByTestId('temporary-password').isVisible()).toBe(true);
    await page.keyboard.press('Escape');

    await page.goto(`${server.url}/don-vi/${school.id}`);
    await page.getByRole('button', { name: 'Ngừng hoạt động' }).click();
    const counts = page.getByTestId('deactivate-counts');
    await expect
      .poll(() => counts.innerText())
      .toContain(`${school.students.toLocaleString('vi-VN')} học sinh`);
    expect(await confirmDialog(page).innerText()).toContain(`Ngừng hoạt động ${school.name}?`);
    await confirmDialog(page).getByRole('button', { name: 'Huỷ' }).click();
    await expect.poll(() => confirmDialog(page).count()).toBe(0);
    const title = page.locator('.ant-card-head').first();
    expect(await title.innerText()).not.toContain('Ngừng hoạt động');
    await page.getByRole('button', { name: 'Ngừng hoạt động' }).click();
    await confirmDialog(page).getByRole('button', { name: 'Ngừng hoạt động' }).click();
    await expect.poll(() => title.innerText()).toContain('Ngừng hoạt động');
    await context.close();
  });

  it('shows the audit log as register lines, field labels when expanded, at 390 px too', async () => {
    for (const width of [1280, 390]) {
      const { context } = await localOnlyContext(browser, { width, height: 800 });
      const page = await context.newPage();
      await signInOnPage(page, server.url, 'admin', ADMIN_PASSWORD);
      await page.goto(`${server.url}/nhat-ky`);
      const table = page.locator('.ant-table-tbody');
      const unitLine = `Sửa đơn vị ${school.name} (${school.code})`;
      await expect.poll(() => table.innerText(), { timeout: 20_000 }).toContain(unitLine);
      const text = await table.innerText();
      expect(text).toContain('Sửa tài khoản Lê Thị Hoa (vanthu.e2e)');
      expect(text).toContain('Đăng nhập');
      expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
      expect(text).not.toMatch(UUID);
      expect(text).not.toContain('org_unit');
      expect(text).not.toContain('{');

      const row = page.locator('tr.ant-table-row', { hasText: unitLine }).first();
      await row.locator('.ant-table-row-expand-icon').click();
      const changes = page.getByTestId('audit-changes').first();
      await expect.poll(() => changes.innerText()).toMatch(/Đang hoạt động\s+Có\s+Không/);
      // Ids and the row images only under "Chi tiết kỹ thuật", folded.
      expect(await changes.innerText()).not.toMatch(UUID);
      await page.getByText('Chi tiết kỹ thuật').first().click();
      await expect.poll(() => page.locator('pre').first().innerText()).toMatch(UUID);

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(overflow).toBeLessThanOrEqual(width);

      // English: the same lines in English.
      await page.getByRole('button', { name: 'English' }).click();
      await expect
        .poll(() => table.innerText())
        .toContain(`Edited unit ${school.name} (${school.code})`);
      await page.getByRole('button', { name: 'Tiếng Việt' }).click();
      await context.close();
    }
  });
});
