import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, startServer, type RunningServer } from '../helpers/server.ts';
import { createClerk, launchBrowser, localOnlyContext, signInOnPage } from './helpers.ts';

const ADMIN_PASSWORD = 'e2e-admin-password';
const dir = mkdtempSync(join(tmpdir(), 'sogd-e2e-year-'));
let server: RunningServer;
let browser: Browser;
let year = '';

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
  it('previews per class, keeps one pupil back, applies, and sees the transfers page', async () => {
    const { context } = await localOnlyContext(browser, { width: 1280, height: 800 });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signInOnPage(page, server.url, 'vanthu.ll', 'Len-lop-vui-ve-2026');
    await page.getByRole('menuitem', { name: 'Lên lớp' }).click();
    await page.getByLabel('Năm học kết thúc').fill(year);
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

    await page.getByRole('menuitem', { name: 'Chuyển trường' }).click();
    await page.getByRole('tab', { name: 'Chuyển đi' }).click();
    await page.getByRole('tab', { name: 'Chuyển trường cho học sinh' }).click();
    await page.getByLabel('Tìm học sinh chuyển đi').waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
