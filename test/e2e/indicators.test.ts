import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_HEADERS } from '../../src/modules/indicators/plan-import/sheet.ts';
import { schoolYearOf } from '../../src/modules/registry/contract.ts';
import { apiSignIn, startServer, type RunningServer } from '../helpers/server.ts';
import { launchBrowser, localOnlyContext, signInOnPage } from './helpers.ts';

const ADMIN_PASSWORD = 'e2e-admin-password';
const dir = mkdtempSync(join(tmpdir(), 'sogd-e2e-indicators-'));
const YEAR = schoolYearOf(); // the demo's school year
let server: RunningServer;
let browser: Browser;

interface Unit {
  id: string;
  code: string;
  name: string;
  kind: string;
  levels: string[];
}
interface ClassRow {
  id: string;
  grade: number | null;
  sessionsPerDay: number;
  version: number;
}

/** The admin's session, with PATCH (the shared helper has GET and POST). */
async function adminSession() {
  const r = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return {
    get: async <T>(path: string) =>
      (await (await fetch(`${server.url}${path}`, { headers: { cookie } })).json()) as T,
    patch: (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, {
        method: 'PATCH',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
  };
}

beforeAll(async () => {
  server = await startServer(
    { DATA_DIR: join(dir, 'data'), DATABASE_URL: '', SOGD_ADMIN_PASSWORD: ADMIN_PASSWORD },
    ['--demo-schools', '12', '--demo-students', '600'],
  );
  await apiSignIn(server.url, 'admin', ADMIN_PASSWORD);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const valueText = (page: Page, id: string) => page.getByTestId(`value-${id}`).innerText();

/**
 * Opens a part of the page: a tab on a wide screen; at 390 px, where the
 * four tab titles do not fit, the page offers a list ("Mục") instead.
 */
async function openTab(page: Page, name: string | RegExp) {
  const section = page.getByRole('combobox', { name: 'Mục' });
  if (await section.isVisible()) {
    await section.click();
    await page.locator('.ant-select-item-option').filter({ hasText: name }).click();
    return;
  }
  const tab = page.getByRole('tab', { name, exact: typeof name === 'string' });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
}

describe('a department officer follows the indicators down the tree', () => {
  for (const [label, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const)
    it(`drills from the province to a commune to a school, sees an edit, exports (${label})`, async () => {
      const api = await adminSession();
      // A primary school of the demo and its commune, found through the API.
      const schools = await api.get<Unit[]>('/api/orgs/search?q=tieu%20hoc');
      const school = schools.find((u) => u.kind === 'school' && u.levels.includes('primary'))!;
      const detail = await api.get<{ parentId: string }>(`/api/orgs/${school.id}`);
      const commune = await api.get<Unit>(`/api/orgs/${detail.parentId}`);

      const { context, remoteRequests } = await localOnlyContext(browser, viewport);
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await signInOnPage(page, server.url, 'admin', ADMIN_PASSWORD);
      await page.goto(`${server.url}/chi-tieu`);
      await expect
        .poll(() => page.getByTestId('value-national_standard_rate').isVisible())
        .toBe(true);
      // A plan target of the demo is drawn with its status.
      await expect.poll(() => page.getByText('2030-2031: 80,00 %').first().isVisible()).toBe(true);

      await page
        .getByTestId('indicator-children')
        .getByRole('link', { name: commune.name })
        .click();
      await expect.poll(() => page.getByTestId('current-unit').innerText()).toBe(commune.name);
      await page.getByTestId('indicator-children').getByRole('link', { name: school.name }).click();
      await expect.poll(() => page.getByTestId('current-unit').innerText()).toBe(school.name);
      const before = await valueText(page, 'two_sessions_primary_classes');

      // The school switches one primary class to the other session mode.
      const classes = await api.get<ClassRow[]>(
        `/api/registry/schools/${school.id}/classes?year=${YEAR}`,
      );
      const primary = classes.find((c) => c.grade !== null && c.grade <= 5)!;
      const edit = await api.patch(`/api/registry/classes/${primary.id}`, {
        sessionsPerDay: primary.sessionsPerDay === 2 ? 1 : 2,
        version: primary.version,
      });
      expect(edit.status, await edit.clone().text()).toBe(200);
      // Live: the page refreshes within 5 s without a reload.
      await expect
        .poll(() => valueText(page, 'two_sessions_primary_classes'), { timeout: 5_000 })
        .not.toBe(before);

      // The teacher norm rows of the school, per level.
      await openTab(page, 'Định mức giáo viên');
      await expect.poll(() => page.getByText('Tiểu học').first().isVisible()).toBe(true);

      // The data-quality lists of the school, each with its count.
      await openTab(page, /Chất lượng dữ liệu/);
      await expect
        .poll(() => page.getByTestId('quality-students_without_class').isVisible())
        .toBe(true);
      await openTab(page, 'Chỉ tiêu');

      // Back up to the commune, and export its table.
      await page.getByRole('link', { name: commune.name }).first().click();
      await expect.poll(() => page.getByTestId('current-unit').innerText()).toBe(commune.name);
      const download = page.waitForEvent('download');
      await page.getByRole('tabpanel').getByRole('button', { name: 'Tải bảng (CSV)' }).click();
      const file = await (await download).path();
      expect(readFileSync(file, 'utf8')).toContain(school.name);

      // Put the class back for the next viewport.
      const again = await api.get<ClassRow[]>(
        `/api/registry/schools/${school.id}/classes?year=${YEAR}`,
      );
      const same = again.find((c) => c.id === primary.id)!;
      await api.patch(`/api/registry/classes/${primary.id}`, {
        sessionsPerDay: primary.sessionsPerDay,
        version: same.version,
      });
      expect(pageErrors).toEqual([]);
      expect(remoteRequests).toEqual([]);
      await context.close();
    }, 120_000);
});

describe('a department officer enters a plan, follows the reports and the need per subject', () => {
  for (const [label, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const)
    it(`adds a plan target from the form, sees the report status and the table (${label})`, async () => {
      const { context, remoteRequests } = await localOnlyContext(browser, viewport);
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await signInOnPage(page, server.url, 'admin', ADMIN_PASSWORD);
      await page.goto(`${server.url}/chi-tieu`);
      await expect.poll(() => page.getByTestId('refreshed-at').isVisible()).toBe(true);
      expect(await page.getByTestId('refreshed-at').innerText()).toMatch(
        /^Số liệu tổng hợp lúc .*\d{2}\/\d{2}\/\d{4}/,
      );

      // A plan with one target, entered on the form; drawn on its indicator's card.
      await page.getByRole('button', { name: 'Thêm kế hoạch' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Tên kế hoạch').fill(`Kế hoạch thử (${label})`);
      await dialog.getByLabel('Số, ký hiệu').fill(`${label === 'phone' ? 2 : 1}/KH-SGDĐT`);
      await dialog.getByLabel('Ngày ban hành').fill('15/01/2026');
      await dialog.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
      await dialog.getByLabel('Chỉ tiêu', { exact: true }).click();
      await page.getByTitle('Tỷ lệ lớp tiểu học học 2 buổi/ngày').click();
      await dialog.getByLabel('Năm học').click();
      await page.getByTitle(YEAR, { exact: true }).last().click();
      await dialog.getByLabel('Chỉ tiêu kế hoạch').fill(label === 'phone' ? '66,25' : '77,5');
      await dialog.getByRole('button', { name: 'Lưu kế hoạch' }).click();
      // The dialog closes at once; the dashboard reloads behind it (the card's tag below waits for that).
      await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(false);
      const tag = `${YEAR}: ${label === 'phone' ? '66,25' : '77,50'} %`;
      await expect
        .poll(() =>
          page.getByTestId('indicator-two_sessions_primary_classes').getByText(tag).isVisible(),
        )
        .toBe(true);

      // The statistical reports of the province's schools, and their table as xlsx.
      await openTab(page, 'Báo cáo thống kê');
      await expect
        .poll(() => page.getByTestId('report-counts').innerText())
        .toMatch(/Chưa làm: \d+/);
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Tải biểu (xlsx)' }).click();
      const file = await (await download).path();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const sheet = wb.getWorksheet('Biểu thống kê')!;
      expect(sheet.getRow(1).getCell(1).value).toBe('Mã trường');
      expect(sheet.getRow(sheet.rowCount).getCell(2).text).toMatch(/^Cộng/);

      // The need per subject of the province, under the teacher norms.
      await openTab(page, 'Định mức giáo viên');
      await expect.poll(() => page.getByTestId('subjects-primary').isVisible()).toBe(true);
      expect(await page.getByTestId('subjects-primary').innerText()).toContain('Ngoại ngữ 1');
      expect(pageErrors).toEqual([]);
      expect(remoteRequests).toEqual([]);
      await context.close();
    }, 120_000);
});

/** A plan-targets workbook as the template has it: one row per indicator and year. */
async function targetsWorkbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Chỉ tiêu kế hoạch');
  sheet.addRow([PLAN_HEADERS.indicatorId, PLAN_HEADERS.schoolYear, PLAN_HEADERS.value]);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('a department officer exports the dashboard and imports a plan from Excel', () => {
  for (const [label, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const)
    it(`downloads the table as xlsx, opens the PDF report, imports targets (${label})`, async () => {
      const { context, remoteRequests } = await localOnlyContext(browser, viewport);
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await signInOnPage(page, server.url, 'admin', ADMIN_PASSWORD);
      await page.goto(`${server.url}/chi-tieu`);
      await expect
        .poll(() => page.getByTestId('value-two_sessions_primary_students').isVisible())
        .toBe(true);
      const province = await page.getByTestId('current-unit').innerText();

      // The table by unit as xlsx: the province's title, one row per commune, the sum last.
      const xlsx = page.getByTestId('export-xlsx');
      await xlsx.scrollIntoViewIfNeeded();
      expect(await xlsx.isVisible()).toBe(true);
      const download = page.waitForEvent('download');
      await xlsx.click();
      const saved = await download;
      expect(saved.suggestedFilename()).toMatch(new RegExp(`^chi-tieu-.+-${YEAR}\\.xlsx$`));
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(await saved.path());
      const sheet = book.getWorksheet('Theo đơn vị')!;
      expect(sheet.getCell(1, 1).text).toContain(province);
      expect(sheet.getCell(1, 1).text).toContain(`năm học ${YEAR}`);
      expect(sheet.getRow(sheet.rowCount).getCell(2).text).toBe(`Cộng (${province})`);
      expect(sheet.rowCount).toBeGreaterThan(3);

      // The PDF report beside it: opens in a new tab; its file is the report for the meeting.
      const pdfButton = page.getByTestId('export-pdf');
      expect(await pdfButton.isVisible()).toBe(true);
      const href = (await pdfButton.getAttribute('href'))!;
      expect(href).toContain('/api/indicators/dashboard/report.pdf');
      expect(href).toContain(`year=${YEAR}`);
      const popup = page.waitForEvent('popup');
      await pdfButton.click();
      await (await popup).close();
      const pdf = await page.request.get(new URL(href, server.url).toString());
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      const pdfFile = join(dir, `dashboard-${label}.pdf`);
      writeFileSync(pdfFile, await pdf.body());
      const text = execFileSync('/usr/bin/pdftotext', ['-layout', pdfFile, '-']).toString('utf8');
      expect(text).toContain('BÁO CÁO CHỈ TIÊU GIÁO DỤC SO VỚI KẾ HOẠCH');
      expect(text).toContain(province.toUpperCase());
      expect(text).toContain('I. Tất cả các cấp học');
      expect(text).toContain('Cấp học: Tiểu học');
      expect(text).toMatch(/Số liệu tính lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);

      // A plan's targets from Excel: a file with a wrong id is refused, row and column named.
      const decision = `${label === 'phone' ? 4 : 3}/KH-SGDĐT`;
      const target = label === 'phone' ? '86,75' : '88,25';
      await page.getByTestId('plan-import').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Tên kế hoạch').fill(`Kế hoạch nhập từ Excel (${label})`);
      await dialog.getByLabel('Số, ký hiệu').fill(decision);
      await dialog.getByLabel('Ngày ban hành').fill('20/08/2026');
      const input = dialog.locator('input[type=file]');
      await input.setInputFiles({
        name: 'chi-tieu-sai.xlsx',
        mimeType: XLSX_TYPE,
        buffer: await targetsWorkbook([['khong_co_chi_tieu', YEAR, '90']]),
      });
      await dialog.getByRole('button', { name: 'Nhập chỉ tiêu' }).click();
      const errors = dialog.getByTestId('plan-import-errors');
      await expect.poll(() => errors.isVisible(), { timeout: 10_000 }).toBe(true);
      const errorText = await errors.innerText();
      expect(errorText).toContain('Mã chỉ tiêu');
      expect(errorText).toContain('khong_co_chi_tieu');
      expect(errorText).toMatch(/\b2\b/);
      expect(await dialog.getByText('Tệp có 1 lỗi, chưa ghi gì').isVisible()).toBe(true);

      // The corrected file: written, and the target drawn on its indicator's card.
      await input.setInputFiles({
        name: 'chi-tieu.xlsx',
        mimeType: XLSX_TYPE,
        buffer: await targetsWorkbook([['two_sessions_primary_students', YEAR, target]]),
      });
      await dialog.getByRole('button', { name: 'Nhập chỉ tiêu' }).click();
      await expect
        .poll(() => dialog.getByTestId('plan-import-done').isVisible(), { timeout: 10_000 })
        .toBe(true);
      expect(await dialog.getByTestId('plan-import-done').innerText()).toContain(
        'Đã thêm kế hoạch với 1 chỉ tiêu.',
      );
      // At 390 px the dialog fits the screen: nothing to scroll sideways.
      const box = await dialog.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
      await dialog.getByRole('button', { name: 'Đóng' }).last().click();
      await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(false);
      await expect
        .poll(
          () =>
            page
              .getByTestId('indicator-two_sessions_primary_students')
              .getByText(`${YEAR}: ${target} %`)
              .isVisible(),
          { timeout: 10_000 },
        )
        .toBe(true);
      expect(pageErrors).toEqual([]);
      expect(remoteRequests).toEqual([]);
      await context.close();
    }, 120_000);
});
