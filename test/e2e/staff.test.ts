import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, startServer, type RunningServer } from '../helpers/server.ts';
import { createClerk, launchBrowser, localOnlyContext, signInOnPage } from './helpers.ts';

const ADMIN_PASSWORD = 'e2e-admin-password';
const dir = mkdtempSync(join(tmpdir(), 'sogd-e2e-staff-'));
let server: RunningServer;
let browser: Browser;
let school: { id: string; code: string };

beforeAll(async () => {
  server = await startServer(
    { DATA_DIR: join(dir, 'data'), DATABASE_URL: '', SOGD_ADMIN_PASSWORD: ADMIN_PASSWORD },
    ['--demo-schools', '8', '--demo-students', '300'],
  );
  const admin = await apiSignIn(server.url, 'admin', ADMIN_PASSWORD);
  const units = (await (await admin.get('/api/orgs/search?q=tieu hoc')).json()) as {
    id: string;
    code: string;
    kind: string;
  }[];
  const unit = units.find((u) => u.kind === 'school')!;
  school = { id: unit.id, code: unit.code };
  await createClerk(server.url, admin, {
    username: 'vanthu.cb',
    fullName: 'Văn thư trường',
    orgUnitId: unit.id,
    password: 'Giao-vien-gioi-2026',
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a school clerk imports the staff list', () => {
  it('fills the template, sees each mistake, imports with progress, finds the teacher without diacritics', async () => {
    const { context, remoteRequests } = await localOnlyContext(browser, {
      width: 1280,
      height: 800,
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signInOnPage(page, server.url, 'vanthu.cb', 'Giao-vien-gioi-2026');
    await page.getByRole('menuitem', { name: 'Cán bộ, giáo viên' }).click();
    await page.waitForURL(/\/can-bo/);
    await page.getByRole('tab', { name: 'Nhập danh sách' }).click();

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'tệp mẫu' }).click();
    const templatePath = join(dir, 'mau-can-bo.xlsx');
    await (await download).saveAs(templatePath);
    const fill = async (rows: (string | null)[][], name: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(templatePath) as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      expect(sheet.getCell(2, 6).dataValidation.formulae).toEqual([
        '"Giáo viên,Cán bộ quản lý,Nhân viên"',
      ]);
      rows.forEach((r, i) => (sheet.getRow(i + 2).values = r));
      const path = join(dir, name);
      await wb.xlsx.writeFile(path);
      return path;
    };
    const teacher = [
      school.code,
      'Khổng Thị Diễm Hương',
      '14/02/1990',
      'Nữ',
      '',
      'Giáo viên',
      'Ngữ văn',
    ];
    const bad = await fill(
      [
        [...teacher.slice(0, 5), 'Giáo vien chính'],
        [school.code, 'Lục Văn Tài', '30/02/1985', 'Nam', '', 'Nhân viên'],
      ],
      'sai.xlsx',
    );
    await page.locator('input[type=file]').setInputFiles(bad);
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    const errors = page.getByTestId('import-errors');
    await expect.poll(() => errors.isVisible()).toBe(true);
    const text = await errors.innerText();
    expect(text).toMatch(/2\s+Vị trí\s+Vị trí "Giáo vien chính" không hợp lệ/);
    expect(text).toMatch(/3\s+Ngày sinh\s+"30\/02\/1985" không phải ngày có thật/);
    await expect
      .poll(async () =>
        (await page.getByTestId('import-result').innerText()).includes('chưa ghi gì'),
      )
      .toBe(true);

    // A list big enough for the progress to be seen: the two people and 1,500 more.
    const filler = Array.from({ length: 1500 }, (_, i) => [
      school.code,
      `Tạ Văn Thử ${i + 1}`,
      '01/01/1980',
      'Nam',
      '',
      'Nhân viên',
    ]);
    const good = await fill(
      [teacher, [school.code, 'Lục Văn Tài', '28/02/1985', 'Nam', '', 'Nhân viên'], ...filler],
      'dung.xlsx',
    );
    // Whether the progress panel ever showed, however quick the server.
    await page.evaluate(() => {
      const w = window as unknown as { sawProgress: string[] };
      w.sawProgress = [];
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid=import-progress]');
        if (el) w.sawProgress.push(el.textContent ?? '');
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await page.locator('input[type=file]').setInputFiles(good);
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await expect
      .poll(async () =>
        (await page.getByTestId('import-result').innerText()).includes(
          '1.502 dòng hợp lệ: 1.502 thêm mới',
        ),
      )
      .toBe(true);
    await page.getByRole('button', { name: 'Nhập vào cơ sở dữ liệu' }).click();
    await expect
      .poll(async () => (await page.getByTestId('import-result').innerText()).includes('Đã nhập'))
      .toBe(true);
    const seen = await page.evaluate(
      () => (window as unknown as { sawProgress: string[] }).sawProgress,
    );
    expect(seen.some((t) => t.includes('Gửi tệp'))).toBe(true);
    expect(seen.some((t) => /đã đọc [\d.]+ dòng|Ghi vào cơ sở dữ liệu\d/.test(t))).toBe(true);

    await page.getByRole('tab', { name: 'Tìm cán bộ, giáo viên' }).click();
    const search = page.getByPlaceholder(/Họ tên \(không cần dấu\)/);
    await search.fill('khong thi diem');
    await search.press('Enter');
    const table = page.getByTestId('staff-table');
    await expect
      .poll(() => table.getByRole('cell', { name: 'Khổng Thị Diễm Hương' }).isVisible())
      .toBe(true);
    expect(await table.innerText()).toContain('Ngữ văn');
    expect(remoteRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe('a school clerk keeps a staff record (#13 item 5)', () => {
  it('adds a teacher by hand, edits, adds training and records leaving, on a phone', async () => {
    const { context, remoteRequests } = await localOnlyContext(browser, {
      width: 390,
      height: 844,
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signInOnPage(page, server.url, 'vanthu.cb', 'Giao-vien-gioi-2026');
    await page.goto(`${server.url}/can-bo/moi`);
    await page.getByLabel('Họ và tên').fill('Đinh Thị Ngọc Lan');
    await page.getByLabel('Ngày sinh (dd/mm/yyyy)').fill('31/02/1990');
    await page.getByLabel('Giới tính').click();
    await page.getByTitle('Nữ', { exact: true }).click();
    await page.getByLabel('Loại hợp đồng').click();
    await page.getByTitle('Biên chế', { exact: true }).click();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    // The server's field error lands under the field; nothing is added.
    await expect
      .poll(() => page.getByText(/Ngày sinh "31\/02\/1990" không hợp lệ/).isVisible())
      .toBe(true);
    await page.getByLabel('Ngày sinh (dd/mm/yyyy)').fill('28/02/1990');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.waitForURL(/\/can-bo\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText('Đang công tác').isVisible()).toBe(true);

    await page.getByLabel('Ngạch, hạng chức danh nghề nghiệp').fill('Giáo viên tiểu học hạng III');
    // The save's answer, not its toast (which may be gone by the time a loaded machine looks).
    const saved = page.waitForResponse(
      (r) =>
        r.request().method() === 'PATCH' && /\/api\/registry\/staff\/[0-9a-f-]{36}$/.test(r.url()),
    );
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    expect((await saved).status()).toBe(200);
    expect(((await (await saved).json()) as { rank: string }).rank).toBe(
      'Giáo viên tiểu học hạng III',
    );

    await page.getByLabel('Từ ngày').fill('01/07/2025');
    await page.getByLabel('Nội dung').fill('Bồi dưỡng thường xuyên 2025');
    await page.getByRole('button', { name: 'Thêm mục bồi dưỡng' }).click();
    await expect
      .poll(() => page.getByTestId('staff-training').innerText())
      .toContain('Bồi dưỡng thường xuyên 2025');

    await page.getByRole('button', { name: 'Nghỉ công tác' }).click();
    await page.getByLabel('Lý do (nghỉ hưu, chuyển công tác, thôi việc…)').fill('Nghỉ hưu');
    await page.getByRole('dialog').getByRole('button', { name: 'Nghỉ công tác' }).click();
    await expect
      .poll(() => page.getByTestId('staff-left').innerText())
      .toMatch(/Đã nghỉ từ \d\d\/\d\d\/\d{4}: Nghỉ hưu/);
    // After reload the record is still there, read-only, with the rank kept.
    await page.reload();
    await expect.poll(() => page.getByTestId('staff-left').isVisible()).toBe(true);
    expect(await page.getByLabel('Ngạch, hạng chức danh nghề nghiệp').inputValue()).toBe(
      'Giáo viên tiểu học hạng III',
    );
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    expect(remoteRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe('the school filter of the staff list', () => {
  it('shows the answer to the newest query, not a late answer to an earlier one', async () => {
    const { context, remoteRequests } = await localOnlyContext(browser, {
      width: 1280,
      height: 800,
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // The answer to the first query ("tieu hoc", many schools) is held back until the second
    // (the school's code, one school) has been answered and shown.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/orgs/search?**', async (route) => {
      if (new URL(route.request().url()).searchParams.get('q') === 'tieu hoc') await held;
      await route.continue();
    });
    await signInOnPage(page, server.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${server.url}/can-bo`);
    const filter = page.getByLabel('Lọc theo trường');
    await filter.click();
    const early = page.waitForResponse(
      (r) => new URL(r.url()).searchParams.get('q') === 'tieu hoc',
    );
    await filter.fill('tieu hoc');
    await filter.fill(school.code);
    const options = page.locator('.ant-select-item-option:visible');
    await expect
      .poll(() => options.allInnerTexts())
      .toEqual([expect.stringContaining(school.code)]);
    release();
    const late = await early;
    expect(
      ((await late.json()) as { kind: string }[]).filter((u) => u.kind === 'school').length,
    ).toBeGreaterThan(1);
    // The late answer has been read by the page (two frames after it arrived): the options are
    // still the school typed last.
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    expect(await options.allInnerTexts()).toEqual([expect.stringContaining(school.code)]);
    expect(remoteRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
