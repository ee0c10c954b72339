import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, startServer, type RunningServer } from '../helpers/server.ts';
import { createClerk, launchBrowser, localOnlyContext, signInOnPage } from './helpers.ts';
import { chooseYear } from './registry-helpers.ts';

const ADMIN_PASSWORD = 'e2e-admin-password';
const dir = mkdtempSync(join(tmpdir(), 'sogd-e2e-year-'));
let server: RunningServer;
let browser: Browser;
let year = '';
/** A pupil of the school and another school's code: the transfer that waits through the promotion. */
let mover = { name: '', to: '' };

beforeAll(async () => {
  server = await startServer(
    { DATA_DIR: join(dir, 'data'), DATABASE_URL: '', SOGD_ADMIN_PASSWORD: ADMIN_PASSWORD },
    ['--demo-schools', '4', '--demo-students', '200'],
  );
  const admin = await apiSignIn(server.url, 'admin', ADMIN_PASSWORD);
  const units = (await (await admin.get('/api/orgs/search?q=tieu hoc')).json()) as {
    id: string;
    kind: string;
  }[];
  const unit = units.find((u) => u.kind === 'school')!;
  const classes = (await (await admin.get(`/api/orgs/${unit.id}/classes`)).json()) as {
    schoolYear: string;
  }[];
  year = classes[0]!.schoolYear;
  const classId = (classes[0] as { id?: string }).id;
  const pupils = (await (await admin.get(`/api/classes/${classId}/students`)).json()) as {
    fullName: string;
  }[];
  const schools = (await (await admin.get('/api/orgs/search?q=truong')).json()) as {
    id: string;
    kind: string;
    code: string;
  }[];
  mover = {
    name: pupils[0]!.fullName,
    to: schools.find((u) => u.kind === 'school' && u.id !== unit.id)!.code,
  };
  await createClerk(server.url, admin, {
    username: 'vanthu.ll',
    fullName: 'Văn thư lên lớp',
    orgUnitId: unit.id,
    password: 'Len-lop-vui-ve-2026',
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a school clerk opens the new school year', () => {
  it('asks a transfer for a chosen year, previews per class, keeps one pupil back, applies, and the request follows the pupil', async () => {
    const { context } = await localOnlyContext(browser, { width: 1280, height: 800 });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signInOnPage(page, server.url, 'vanthu.ll', 'Len-lop-vui-ve-2026');
    // A transfer request carries the school year chosen on the form (#13 item 2).
    await page.getByRole('menuitem', { name: 'Chuyển trường' }).click();
    await page.getByRole('tab', { name: 'Chuyển trường cho học sinh' }).click();
    await page.getByLabel('Tìm học sinh chuyển đi').fill(mover.name);
    await page.getByLabel('Tìm học sinh chuyển đi').press('Enter');
    await page.getByRole('radio').first().check();
    await chooseYear(page, 'Năm học chuyển trường', year);
    await page.getByLabel('Trường chuyển đến').fill(mover.to);
    await page.locator('.ant-select-item-option').filter({ hasText: mover.to }).first().click();
    await page.getByLabel('Lý do chuyển trường').fill('Gia đình chuyển nơi ở');
    await page.getByRole('button', { name: 'Gửi đề nghị chuyển trường' }).click();
    // Sent: the form lets go of the pupil (not the toast, which may be gone by the time a loaded
    // machine looks); the request itself is found in the list below.
    await expect.poll(() => page.getByRole('radio').first().isChecked()).toBe(false);

    await page.getByRole('menuitem', { name: 'Lên lớp' }).click();
    await chooseYear(page, 'Năm học kết thúc', year);
    await page.getByRole('button', { name: 'Xem trước' }).click();
    const totals = page.getByTestId('promotion-totals');
    await expect.poll(() => totals.textContent()).toMatch(/lên lớp/);
    const before = (await totals.textContent()) ?? '';
    const promoted = Number(/: (\d+) lên lớp/.exec(before)?.[1]);
    await page
      .getByRole('button', { name: /Expand row|Mở rộng/ })
      .first()
      .click();
    await page
      .getByRole('checkbox', { name: /^Ở lại lớp: / })
      .first()
      .check();
    await expect
      .poll(async () => (await totals.textContent()) ?? '')
      .toContain(`: ${promoted - 1} lên lớp, 1 ở lại lớp`);
    await page.getByRole('button', { name: 'Áp dụng lên lớp' }).click();
    await page.getByRole('button', { name: 'Áp dụng', exact: true }).click();
    await expect.poll(() => page.getByText(/Đã áp dụng/).count()).toBe(1);
    await expect.poll(async () => (await totals.textContent()) ?? '').toContain(': 0 lên lớp');

    // The request that waited moved with its pupil to the new year.
    const next = `${Number(year.slice(0, 4)) + 1}-${Number(year.slice(0, 4)) + 2}`;
    await page.getByRole('menuitem', { name: 'Chuyển trường' }).click();
    await page.getByRole('tab', { name: 'Chuyển đi' }).click();
    const row = page.getByRole('row').filter({ hasText: mover.name });
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await row.innerText()).toContain(next);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
