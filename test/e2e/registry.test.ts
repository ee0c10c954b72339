import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, startServer, type RunningServer } from '../helpers/server.ts';
import { createClerk, launchBrowser, localOnlyContext, signInOnPage } from './helpers.ts';
import { chooseYear } from './registry-helpers.ts';

const ADMIN_PASSWORD = 'e2e-admin-password';
const dir = mkdtempSync(join(tmpdir(), 'sogd-e2e-reg-'));
let server: RunningServer;
let browser: Browser;
let school: { id: string; code: string; className: string; year: string };

beforeAll(async () => {
  server = await startServer(
    { DATA_DIR: join(dir, 'data'), DATABASE_URL: '', SOGD_ADMIN_PASSWORD: ADMIN_PASSWORD },
    ['--demo-schools', '8', '--demo-students', '300'],
  );
  const admin = await apiSignIn(server.url, 'admin', ADMIN_PASSWORD);
  // A primary school of the demo, one of its grade-3 classes, and a clerk for it.
  const units = (await (await admin.get('/api/orgs/search?q=tieu hoc')).json()) as {
    id: string;
    code: string;
    kind: string;
  }[];
  const unit = units.find((u) => u.kind === 'school')!;
  const classes = (await (await admin.get(`/api/orgs/${unit.id}/classes`)).json()) as {
    name: string;
    grade: number;
    schoolYear: string;
  }[];
  const cls = classes.find((c) => c.grade === 3) ?? classes[0]!;
  school = { id: unit.id, code: unit.code, className: cls.name, year: cls.schoolYear };
  await createClerk(server.url, admin, {
    username: 'vanthu.th',
    fullName: 'Văn thư Tiểu học',
    orgUnitId: unit.id,
    password: 'Lop-hoc-vui-ve-2026',
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a school clerk imports a student list', () => {
  it('downloads the template, sees each mistake with row and column, fixes it, imports, finds the student', async () => {
    const { context, remoteRequests } = await localOnlyContext(browser, {
      width: 1280,
      height: 800,
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signInOnPage(page, server.url, 'vanthu.th', 'Lop-hoc-vui-ve-2026');
    await page.getByRole('menuitem', { name: /Học sinh$/ }).click();
    await page.getByRole('tab', { name: 'Nhập danh sách' }).click();
    await chooseYear(page, 'Năm học nhập', school.year);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'tệp mẫu' }).click();
    const templatePath = join(dir, 'mau.xlsx');
    await (await download).saveAs(templatePath);
    const fill = async (rows: (string | null)[][], name: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(templatePath) as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      rows.forEach((r, i) => (sheet.getRow(i + 2).values = r));
      const path = join(dir, name);
      await wb.xlsx.writeFile(path);
      return path;
    };
    const bad = await fill(
      [
        [school.code, school.className, 'Hồ Thị Yến', '31/02/2017', 'Nữ'],
        [school.code, school.className, 'Lâm Văn Tú', '01/01/2017', 'Trai'],
      ],
      'sai.xlsx',
    );
    await page.locator('input[type=file]').setInputFiles(bad);
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    const errors = page.getByTestId('import-errors');
    await expect.poll(() => errors.isVisible()).toBe(true);
    const text = await errors.innerText();
    expect(text).toMatch(/2\s+Ngày sinh\s+"31\/02\/2017" không phải ngày có thật/);
    expect(text).toMatch(/3\s+Giới tính\s+Giới tính "Trai" không hợp lệ/);

    const good = await fill(
      [
        [school.code, school.className, 'Hồ Thị Yến', '28/02/2017', 'Nữ', null, 'E2E000001'],
        [school.code, school.className, 'Lâm Văn Tú', '01/01/2017', 'Nam', null, 'E2E000002'],
      ],
      'dung.xlsx',
    );
    await page.locator('input[type=file]').setInputFiles(good);
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await expect
      .poll(async () =>
        (await page.getByTestId('import-result').innerText()).includes('2 thêm mới'),
      )
      .toBe(true);
    await page.getByRole('button', { name: 'Nhập vào cơ sở dữ liệu' }).click();
    await expect
      .poll(async () => (await page.getByTestId('import-result').innerText()).includes('Đã nhập'))
      .toBe(true);

    // A corrected name: the check lists what the import would overwrite, before → after.
    const renamed = await fill(
      [[school.code, school.className, 'Hồ Thị Yến Nhi', '28/02/2017', 'Nữ', null, 'E2E000001']],
      'sua.xlsx',
    );
    await page.locator('input[type=file]').setInputFiles(renamed);
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    const changes = page.getByTestId('import-changes');
    await expect.poll(() => changes.isVisible()).toBe(true);
    expect(await changes.innerText()).toMatch(
      /2\s+Hồ Thị Yến\s+Họ và tên\s*Hồ Thị Yến\s*→\s*Hồ Thị Yến Nhi/,
    );

    await page.getByRole('tab', { name: 'Tìm học sinh' }).click();
    await chooseYear(page, 'Năm học', school.year);
    await page.getByPlaceholder(/Họ tên \(không cần dấu\)/).fill('ho thi yen');
    await page.getByPlaceholder(/Họ tên \(không cần dấu\)/).press('Enter');
    await expect.poll(() => page.getByRole('cell', { name: 'Hồ Thị Yến' }).isVisible()).toBe(true);
    // A date of birth typed in the same box, with or without the name (#13 item 6).
    await page.getByPlaceholder(/Họ tên \(không cần dấu\)/).fill('28/02/2017');
    await page.getByPlaceholder(/Họ tên \(không cần dấu\)/).press('Enter');
    await expect
      .poll(() => page.getByRole('cell', { name: '28/02/2017' }).first().isVisible())
      .toBe(true);
    expect(await page.getByRole('cell', { name: '01/01/2017' }).count()).toBe(0);
    await page.getByPlaceholder(/Họ tên \(không cần dấu\)/).fill('31/02/2017');
    await page.getByPlaceholder(/Họ tên \(không cần dấu\)/).press('Enter');
    await expect
      .poll(() => page.getByTestId('search-error').innerText())
      .toContain('Ngày sinh 31/02/2017 không có thật');
    await page.getByPlaceholder(/Họ tên \(không cần dấu\)/).fill('ho thi yen 28/02/2017');
    await page.getByPlaceholder(/Họ tên \(không cần dấu\)/).press('Enter');
    await expect.poll(() => page.getByRole('cell', { name: 'Hồ Thị Yến' }).isVisible()).toBe(true);
    expect(remoteRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
