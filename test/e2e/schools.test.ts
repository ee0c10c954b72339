import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, startServer, type RunningServer } from '../helpers/server.ts';
import { createClerk, launchBrowser, localOnlyContext, signInOnPage } from './helpers.ts';
import { schoolYearOf } from '../../src/modules/registry/contract.ts';

const ADMIN_PASSWORD = 'e2e-admin-password';
const dir = mkdtempSync(join(tmpdir(), 'sogd-e2e-schools-'));
let server: RunningServer;
let browser: Browser;
let schoolId: string;
let schoolName = '';
const YEAR = schoolYearOf(); // the demo province's school year: the running one

beforeAll(async () => {
  server = await startServer(
    { DATA_DIR: join(dir, 'data'), DATABASE_URL: '', SOGD_ADMIN_PASSWORD: ADMIN_PASSWORD },
    ['--demo-schools', '8', '--demo-students', '300'],
  );
  const admin = await apiSignIn(server.url, 'admin', ADMIN_PASSWORD);
  const units = (await (await admin.get('/api/orgs/search?q=truong')).json()) as {
    id: string;
    kind: string;
    name: string;
  }[];
  schoolId = units.find((u) => u.kind === 'school')!.id;
  await createClerk(server.url, admin, {
    username: 'vanthu.csvc',
    fullName: 'Văn thư Trường',
    orgUnitId: schoolId,
    password: 'Phong-hoc-sang-2026',
  });
  schoolName = units.find((u) => u.id === schoolId)!.name;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a school clerk keeps the rooms of the school', () => {
  it('changes a room count on a phone-sized screen and finds it saved', async () => {
    const { context, remoteRequests } = await localOnlyContext(browser, {
      width: 390,
      height: 844,
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signInOnPage(page, server.url, 'vanthu.csvc', 'Phong-hoc-sang-2026');
    await page.goto(`${server.url}/truong-hoc`);
    // The page opens on the running school year, the demo's.
    await expect.poll(() => page.getByTitle(YEAR).first().isVisible()).toBe(true);
    await page.getByRole('tab', { name: 'Cơ sở vật chất' }).click();

    const first = page.getByLabel('Số phòng dòng 1', { exact: true });
    await expect.poll(() => first.isVisible()).toBe(true);
    const before = Number(await first.inputValue());
    const total = Number(await page.getByTestId('facility-total').innerText());
    await first.fill(String(before + 3));
    await expect
      .poll(async () => Number(await page.getByTestId('facility-total').innerText()))
      .toBe(total + 3);
    // An area typed the Vietnamese way (decimal comma) is 96,5 m², not 965 (issue #13 item 1).
    const area = page.getByLabel('Diện tích dòng 1', { exact: true });
    await area.fill('96,5x');
    expect(await area.getAttribute('aria-invalid')).toBe('true');
    await area.fill('96,5');
    expect(await area.getAttribute('aria-invalid')).toBeNull();
    // The save's answer, not its toast (which may be gone by the time a loaded machine looks).
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().includes('/facilities?'),
    );
    await page.getByRole('button', { name: 'Lưu cơ sở vật chất' }).click();
    expect((await saved).status()).toBe(200);

    await page.reload();
    // The page opens on the running school year, the demo's.
    await expect.poll(() => page.getByTitle(YEAR).first().isVisible()).toBe(true);
    await page.getByRole('tab', { name: 'Cơ sở vật chất' }).click();
    await expect
      .poll(async () =>
        Number(await page.getByLabel('Số phòng dòng 1', { exact: true }).inputValue()),
      )
      .toBe(before + 3);
    expect(await page.getByLabel('Diện tích dòng 1', { exact: true }).inputValue()).toBe('96,5');
    // Totals are shown vi-VN: a dot between thousands, a comma before decimals.
    expect(await page.getByTestId('facility-area').innerText()).toMatch(/^[\d.]+(,\d)?$/);

    // A count that is not allowed is refused with the row named, and nothing changes.
    await page.getByLabel('Số phòng dòng 1', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Thêm dòng' }).click();
    await page.getByRole('button', { name: 'Lưu cơ sở vật chất' }).click();
    await expect.poll(() => page.getByTestId('facility-errors').isVisible()).toBe(true);
    expect(await page.getByTestId('facility-errors').innerText()).toMatch(/Dòng \d+: trùng/);

    expect(remoteRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe('the department opens a school of its province', () => {
  it('picks among schools only, and is warned of a homeroom teacher on two classes', async () => {
    const { context, remoteRequests } = await localOnlyContext(browser, {
      width: 1280,
      height: 800,
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signInOnPage(page, server.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${server.url}/truong-hoc`);
    // The department is found by its name, but the picker offers schools only.
    await page.getByRole('combobox').first().click();
    const searched = page.waitForResponse((r) => r.url().includes('/api/orgs/search'));
    await page.keyboard.type('Sở Giáo dục');
    const found = (await (await searched).json()) as { kind: string }[];
    expect(found.some((u) => u.kind === 'department')).toBe(true);
    const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await expect.poll(() => open.locator('.ant-empty-description').innerText()).toBe('Trống');
    await page.getByRole('combobox').first().fill(schoolName);
    const options = page.locator('.ant-select-item-option');
    // The list is final once it offers the school typed (not an earlier query's answer).
    await expect.poll(() => options.filter({ hasText: schoolName }).count()).toBeGreaterThan(0);
    for (const text of await options.allInnerTexts()) expect(text).toMatch(/, Trường\)$/);
    await options.filter({ hasText: schoolName }).first().click();

    await page.getByRole('tab', { name: 'Lớp' }).click();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    const teacher = (await rows.nth(0).locator('td').nth(3).innerText()).split('\n')[0]!;
    await page
      .getByRole('button', { name: /^Sửa lớp / })
      .nth(1)
      .click();
    await page.getByLabel('Giáo viên chủ nhiệm').click();
    await page.keyboard.type(teacher);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .first()
      .click();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => page.getByText(/Đã lưu lớp\. Lưu ý:/).isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('class-warning').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('class-warning').first().innerText()).toContain(teacher);

    // In English the registry's menu and pages speak English (#13 item 17).
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('.ant-menu').first().innerText()).toContain('Transfers');
    const menu = (await page.locator('.ant-menu').first().innerText()).split('\n');
    for (const name of ['School', 'Students', 'Staff', 'Promotion', 'Transfers'])
      expect(menu).toContain(name);
    await expect.poll(() => page.getByRole('tab', { name: 'Facilities' }).isVisible()).toBe(true);
    await page.getByRole('tab', { name: 'Facilities' }).click();
    await expect.poll(() => page.locator('th', { hasText: 'Room type' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Save facilities' }).count()).toBe(1);
    await page.getByRole('menuitem', { name: /Staff$/ }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Find staff' }).isVisible()).toBe(true);
    expect(await page.locator('th', { hasText: 'Position' }).count()).toBe(1);
    expect(remoteRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
