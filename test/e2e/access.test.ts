import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, REPO, startServer, type RunningServer } from '../helpers/server.ts';
import { launchBrowser, localOnlyContext } from './helpers.ts';

const ADMIN_PASSWORD = 'e2e-admin-password';
const dataDir = mkdtempSync(join(tmpdir(), 'sogd-e2e-'));
const shots = join(REPO, 'test/e2e/screenshots');
let server: RunningServer;
let browser: Browser;
let schoolA: { id: string; code: string; name: string };
let schoolB: { id: string; code: string; name: string };

beforeAll(async () => {
  server = await startServer(
    { DATA_DIR: dataDir, DATABASE_URL: '', SOGD_ADMIN_PASSWORD: ADMIN_PASSWORD },
    ['--demo-schools', '12', '--demo-students', '600'],
  );
  const admin = await apiSignIn(server.url, 'admin', ADMIN_PASSWORD);
  const schools = (await (await admin.get('/api/orgs/search?q=truong')).json()) as {
    id: string;
    code: string;
    name: string;
    kind: string;
  }[];
  const list = schools.filter((s) => s.kind === 'school');
  schoolA = list[0]!;
  schoolB = list[1]!;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a school clerk, created by the admin in the browser', () => {
  it('reaches school A only: school B pages and API answers are refused', async () => {
    const { context, remoteRequests } = await localOnlyContext(browser, {
      width: 1280,
      height: 800,
    });
    const page = await context.newPage();

    // Admin signs in and creates the clerk of school A.
    await page.goto(`${server.url}/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/don-vi\//);
    await page.getByRole('menuitem', { name: 'Tài khoản' }).click();
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên đăng nhập').fill('vanthu.truonga');
    await dialog.getByLabel('Họ và tên').fill('Lê Thị Hồng Nhung');
    await dialog.getByLabel('Vai trò').click();
    await page.getByTitle('Văn thư/nhân viên trường').click();
    // The choice shows in the form itself (the list is a popup outside the dialog).
    await expect.poll(() => dialog.getByTitle('Văn thư/nhân viên trường').isVisible()).toBe(true);
    await dialog.getByLabel('Đơn vị').fill(schoolA.code);
    await page.getByTitle(new RegExp(`\\(${schoolA.code},`)).click();
    await expect
      .poll(() => dialog.getByTitle(new RegExp(`\\(${schoolA.code},`)).isVisible())
      .toBe(true);
    await dialog.getByRole('button', { name: /Lưu/ }).click();
    const temporary = (await page.getByTestId('temporary-password').innerText()).trim();
    expect(temporary).toMatch(/^\S{14}$/);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /Đăng xuất/ }).click();
    await page.waitForURL(/dang-nhap/);

    // The clerk signs in with the temporary password and must set their own.
    await page.getByLabel('Tên đăng nhập').fill('vanthu.truonga');
    await page.getByLabel('Mật khẩu').fill(temporary);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/doi-mat-khau/);
    await page.getByLabel('Mật khẩu hiện tại').fill(temporary);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('Phuong-vi-do-2026');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('Phuong-vi-do-2026');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(new RegExp(`/don-vi/${schoolA.id}`));
    await expect.poll(() => page.getByText(schoolA.name).first().isVisible()).toBe(true);
    await page.screenshot({ path: join(shots, 'clerk-school-a-desktop.png') });

    // School B: the page says access is refused, and so does every API answer.
    await page.goto(`${server.url}/don-vi/${schoolB.id}`);
    await expect.poll(() => page.getByText('Không có quyền truy cập').isVisible()).toBe(true);
    expect(await page.getByText(schoolB.name).count()).toBe(0);
    for (const path of [
      `/api/orgs/${schoolB.id}`,
      `/api/orgs/${schoolB.id}/children`,
      `/api/orgs/${schoolB.id}/classes`,
      `/api/orgs/${schoolB.id}/history`,
      `/api/users?orgUnitId=${schoolB.id}`,
    ]) {
      const response = await page.request.get(`${server.url}${path}`);
      expect(response.status(), path).toBe(403);
    }
    const search = await page.request.get(
      `${server.url}/api/orgs/search?q=${encodeURIComponent(schoolB.name)}`,
    );
    expect(await search.json()).toEqual([]);
    expect(remoteRequests).toEqual([]);
    await context.close();
  });

  it('lays the unit page out cleanly on a phone', async () => {
    const { context } = await localOnlyContext(browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await page.goto(`${server.url}/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/don-vi\//);
    await expect.poll(() => page.getByText('Đơn vị cấp dưới').first().isVisible()).toBe(true);
    // Nothing wider than the screen: no sideways scrolling on a phone.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(shots, 'admin-unit-phone.png') });
    await context.close();
  });
});
