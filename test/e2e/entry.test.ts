import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePersonalId } from '../../src/lib/personal-id.ts';
import { writeSimpleWorkbook } from '../../src/lib/xlsx.ts';
import { CATCHMENT_HEADERS } from '../../src/modules/admissions/entry/catchment-sheet.ts';
import { apiSignIn, startServer, type RunningServer } from '../helpers/server.ts';
import { launchBrowser, localOnlyContext, signInOnPage } from './helpers.ts';

/**
 * Entry-grade enrolment (issue #15) in the browser: a family at phone width
 * signs in by the child's personal id, declares the residence, chooses a
 * school, changes it before the deadline; after the window closes the test
 * allocates and publishes over the API (as admissions.test.ts does), and the
 * family sees the result and confirms. Then the commune's catchments page at
 * desktop width: an import with errors shown by row and column, and an edit.
 */

const ADMIN_PASSWORD = 'e2e-admin-password';
const dataDir = mkdtempSync(join(tmpdir(), 'sogd-e2e-entry-'));
let server: RunningServer;
let browser: Browser;
let staff: (method: string, path: string, body?: unknown) => Promise<Response>;
/** The registration window: long enough for one phone to register and change, then allocation. */
const WINDOW_MS = 60_000;
let closesAt = 0;
let campaign = '';
let commune = { id: '', code: '', name: '' };
/** The two schools serving the demo's first area (Thôn 1), by code and name. */
let schools: { code: string; name: string }[] = [];
let primaryIds: Record<string, string> = {};
let child = { personalId: '', birthDate: '', typed: '', fullName: 'Nguyễn Thử Nghiệm' };
/** A pupil of the first school, in the registry: the child's sibling (full personal id: admin). */
let sibling = { personalId: '', typed: '' };

beforeAll(async () => {
  server = await startServer(
    { DATA_DIR: dataDir, DATABASE_URL: '', SOGD_ADMIN_PASSWORD: ADMIN_PASSWORD },
    ['--demo-schools', '8', '--demo-students', '400'],
  );
  staff = (await apiSignIn(server.url, 'admin', ADMIN_PASSWORD)).call;
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function pick(page: Page, label: string, option: string, search = false) {
  await page.getByLabel(label, { exact: true }).click();
  // A searchable list shows only the options near the top: narrow it first.
  if (search) await page.getByLabel(label, { exact: true }).fill(option);
  await page.locator('.ant-select-item-option:visible', { hasText: option }).first().click();
  // The list closes with an animation: wait, so that the next one opened is the only one shown.
  await expect
    .poll(() => page.locator('.ant-select-item-option:visible').count(), { timeout: 5_000 })
    .toBe(0);
}

async function signInByPersonalId(page: Page, birthDate: string) {
  const card = page.getByTestId('sign-in');
  await card.getByLabel('Mã định danh cá nhân của trẻ (12 chữ số)').fill(child.personalId);
  await card.getByLabel('Ngày sinh của trẻ (dd/mm/yyyy)').fill(birthDate);
  await card.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('entry-grade enrolment in the browser', () => {
  it('sets up a short grade-1 campaign in the demo commune, with a child known by personal id', async () => {
    const list = (await (await fetch(`${server.url}/api/public/admissions`)).json()) as {
      id: string;
      grade?: number;
      schoolYear: string;
    }[];
    const demo = list.find((c) => c.grade === 1)!;
    expect(demo).toBeDefined();
    const detail = (await (await staff('GET', `/api/admissions/campaigns/${demo.id}`)).json()) as {
      unit: typeof commune;
    };
    commune = detail.unit;
    // The demo's commune has one primary school serving Thôn 1: a second one is opened, and
    // added to the area's catchment with the web's edit route, so that the family chooses.
    const opened = await staff('POST', '/api/orgs', {
      code: 'TH-E2E',
      name: 'Trường Tiểu học Kiểm Thử',
      kind: 'school',
      parentId: commune.id,
      levels: ['primary'],
      ownership: 'public',
    });
    expect(opened.status).toBe(201);
    const catchments = (await (
      await staff('GET', `/api/admissions/catchments/${commune.id}`)
    ).json()) as {
      code: string;
      name: string;
      schools: { code: string; name: string; grade: number }[];
    }[];
    const area = catchments.find((a) => a.name === 'Thôn 1')!;
    const linked = await staff('PATCH', `/api/admissions/catchments/${commune.id}/areas`, {
      areaCode: area.code,
      grade: 1,
      schoolCode: 'TH-E2E',
      serves: true,
    });
    expect(linked.status).toBe(200);
    schools = ((await linked.json()) as typeof area).schools
      .filter((s) => s.grade === 1)
      .map((s) => ({ code: s.code, name: s.name }));
    expect(schools.map((s) => s.code)).toContain('TH-E2E');
    expect(schools.length).toBeGreaterThanOrEqual(2);
    const first = schools.find((s) => s.code !== 'TH-E2E')!;
    schools = [first, schools.find((s) => s.code === 'TH-E2E')!];
    const units = (await (await staff('GET', `/api/orgs/${commune.id}/children`)).json()) as {
      id: string;
      code: string;
    }[];
    primaryIds = Object.fromEntries(units.map((u) => [u.code, u.id]));
    const now = Date.now();
    closesAt = now + WINDOW_MS;
    const created = await staff('POST', '/api/admissions/campaigns', {
      name: 'Tuyển sinh lớp 1 kiểm thử',
      schoolYear: demo.schoolYear,
      grade: 1,
      orgUnitId: commune.id,
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(closesAt).toISOString(),
      confirmBy: new Date(now + 86_400_000).toISOString(),
      maxPreferences: 1,
      // The commune asks for a proof of residence (uploaded by the family).
      entryRules: { seed: 42, documents: ['residence'] },
    });
    expect(created.status).toBe(201);
    campaign = ((await created.json()) as { id: string }).id;
    const programs = await staff('PUT', `/api/admissions/campaigns/${campaign}/programs`, {
      rows: schools.map((s) => ({ program: s.code, schoolCode: s.code, quota: 35 })),
    });
    expect(await programs.json()).toMatchObject({ errors: 0, added: 2 });
    // A child of the right birth year (the school year's start − 6), recorded by a primary school.
    const born = Number(demo.schoolYear.slice(0, 4)) - 6;
    child = {
      ...child,
      personalId: makePersonalId(31, born, 'male', 987_654),
      birthDate: `${born}-05-17`,
      typed: `17/05/${born}`,
    };
    const free = await staff('POST', `/api/admissions/campaigns/${campaign}/candidates/free`, {
      fullName: child.fullName,
      birthDate: child.birthDate,
      personalId: child.personalId,
      schoolId: primaryIds[schools[0]!.code],
    });
    expect(free.status).toBe(201);
    // A pupil studying at the first school, with a personal id: the one the family declares.
    const pupils = (await (
      await staff(
        'GET',
        `/api/registry/students?schoolId=${primaryIds[schools[0]!.code]}&pageSize=50`,
      )
    ).json()) as { items: { id: string; status: string; personalIdMasked: string | null }[] };
    const pupil = pupils.items.find((p) => p.status === 'studying' && p.personalIdMasked)!;
    const record = (await (await staff('GET', `/api/registry/students/${pupil.id}`)).json()) as {
      personalId: string;
      birthDate: string;
    };
    const [yy, mm, dd] = record.birthDate.split('-');
    sibling = { personalId: record.personalId, typed: `${dd}/${mm}/${yy}` };
    expect(sibling.personalId).toMatch(/^\d{12}$/);
  });

  it('a family on a phone registers by personal id, then changes the school before the deadline', async () => {
    const { context, remoteRequests } = await localOnlyContext(browser, {
      width: 390,
      height: 844,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/tuyen-sinh-dau-cap`);
    await page.getByRole('link', { name: 'Tuyển sinh lớp 1 kiểm thử' }).click();
    // A wrong date of birth is refused, in Vietnamese.
    const [, mo, y] = child.typed.split('/');
    await signInByPersonalId(page, `18/${mo}/${y}`);
    await expect
      .poll(() => page.getByRole('alert').first().innerText())
      .toMatch(/không đúng|Không/);
    await signInByPersonalId(page, child.typed);
    await expect.poll(() => page.getByTestId('child').innerText()).toContain(child.fullName);
    await expect.poll(() => page.getByTestId('version').innerText()).toBe('Phiên bản 0');

    const inFirst = () => page.getByTestId(`in-${schools[0]!.code}`).first().innerText();
    const inSecond = () => page.getByTestId(`in-${schools[1]!.code}`).first().innerText();
    expect(await inFirst()).toBe('0');
    await page.getByLabel('Thường trú').check();
    await pick(page, 'Thôn / tổ dân phố', 'Thôn 1');
    await pick(page, 'Trường chọn', schools[0]!.name);
    // A brother studying at that school, found in the registry by personal id and date of birth.
    const siblingBox = page.getByRole('checkbox', {
      name: 'Trẻ có anh/chị/em ruột đang học tại một trường đã chọn',
    });
    await siblingBox.check();
    await pick(page, 'Trường anh/chị/em đang học', schools[0]!.name);
    await page.getByLabel('Mã định danh của anh/chị/em (12 chữ số)').fill(sibling.personalId);
    await page.getByLabel('Ngày sinh của anh/chị/em').fill(sibling.typed);
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await expect.poll(() => page.getByTestId('version').innerText()).toBe('Phiên bản 1');
    await expect.poll(inFirst, { timeout: 15_000 }).toBe('1');
    await expect
      .poll(() => page.getByTestId('history').innerText())
      .toContain(`anh/chị/em học tại ${schools[0]!.name}`);

    // Changing the school while the sibling's school is no longer chosen: refused at the
    // sibling's field, not dropped silently; nothing saved.
    await pick(page, 'Trường chọn', schools[1]!.name);
    const application = page.getByTestId('entry-application');
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await expect
      .poll(() => application.innerText())
      .toContain('Anh/chị/em đã khai đang học tại một trường không còn trong các trường chọn');
    expect(await page.getByTestId('version').innerText()).toBe('Phiên bản 1');
    // A sibling at the new school with an id the registry does not know there: refused too.
    await pick(page, 'Trường anh/chị/em đang học', schools[1]!.name);
    await page.getByLabel('Mã định danh của anh/chị/em (12 chữ số)').fill('031218000001');
    await page.getByLabel('Ngày sinh của anh/chị/em').fill('02/02/2018');
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await expect
      .poll(() => application.innerText())
      .toContain(`Không tìm thấy học sinh đang học tại ${schools[1]!.name}`);
    expect(await page.getByTestId('version').innerText()).toBe('Phiên bản 1');
    // The family removes the sibling and saves: a new version; the counts follow.
    await siblingBox.uncheck();
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await expect.poll(() => page.getByTestId('version').innerText()).toBe('Phiên bản 2');
    await expect.poll(inSecond, { timeout: 15_000 }).toBe('1');
    await expect.poll(inFirst, { timeout: 15_000 }).toBe('0');
    const history = await page.getByTestId('history').innerText();
    expect(history).toContain('Phiên bản 1');
    expect(history).toContain(`Phiên bản 2`);
    expect(history).toContain(schools[0]!.name);

    // The proof of residence the campaign asks for: a scan uploaded from the phone, listed with
    // the version it belongs to; the server's answer is awaited, not a toast.
    const evidence = page.getByTestId('evidence-residence');
    const scan = join(dataDir, 'xac-nhan-cu-tru.pdf');
    writeFileSync(scan, '%PDF-1.4\n% giấy xác nhận thông tin cư trú\n%%EOF\n');
    const uploaded = page.waitForResponse(
      (r) => r.url().endsWith('/entry-evidence') && r.request().method() === 'POST',
    );
    await page.getByLabel('Chọn tệp: Giấy xác nhận cư trú').setInputFiles(scan);
    expect((await uploaded).status()).toBe(201);
    await expect.poll(() => evidence.innerText()).toContain('xac-nhan-cu-tru.pdf');
    expect(await evidence.innerText()).toContain('phiên bản 2');
    // A file that is not a PDF or an image by its bytes is refused, in Vietnamese.
    const fake = join(dataDir, 'khong-phai.pdf');
    writeFileSync(fake, 'chỉ là chữ');
    const refused = page.waitForResponse(
      (r) => r.url().endsWith('/entry-evidence') && r.request().method() === 'POST',
    );
    await page.getByLabel('Chọn tệp: Giấy xác nhận cư trú').setInputFiles(fake);
    expect((await refused).status()).toBe(400);
    await expect
      .poll(() => page.getByTestId('evidence').getByRole('alert').innerText())
      .toContain('không phải tệp PDF, ảnh PNG hoặc JPEG');

    // The registration receipt: downloaded from the link, a PDF naming the child and the version.
    const download = page.waitForEvent('download');
    await page.getByTestId('entry-receipt').click();
    const saved = await (await download).path();
    const bytes = readFileSync(saved);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', saved, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(text).toContain('PHIẾU ĐĂNG KÝ TUYỂN SINH LỚP 1');
    expect(text).toContain(child.fullName);
    expect(text).toContain('Phiên bản: 2');
    expect(text).toContain('xac-nhan-cu-tru.pdf');
    const href = await page.getByTestId('entry-receipt').getAttribute('href');
    const receipt = await page.request.get(`${server.url}${href}`);
    expect(receipt.headers()['content-type']).toBe('application/pdf');

    // A save from a page left open on version 1 (another device saved since): refused, the newer
    // version shown, the choice typed kept.
    const device = await localOnlyContext(browser, { width: 390, height: 844 });
    const other = await device.context.newPage();
    await other.goto(`${server.url}/tuyen-sinh-dau-cap/${campaign}`);
    await signInByPersonalId(other, child.typed);
    await expect.poll(() => other.getByTestId('version').innerText()).toBe('Phiên bản 2');
    await pick(page, 'Trường chọn', schools[0]!.name);
    await pick(other, 'Trường chọn', schools[0]!.name);
    await other.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await expect.poll(() => other.getByTestId('version').innerText()).toBe('Phiên bản 3');
    await pick(other, 'Trường chọn', schools[1]!.name);
    await other.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await expect.poll(() => other.getByTestId('version').innerText()).toBe('Phiên bản 4');
    await device.context.close();
    // page still holds version 2 and has schools[0] typed.
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await expect
      .poll(() => page.getByTestId('stale-notice').innerText())
      .toContain('Phiên bản mới nhất (4');
    await expect.poll(() => page.getByTestId('version').innerText()).toBe('Phiên bản 4');
    expect(await page.getByTestId('school-1').innerText()).toContain(schools[0]!.name);
    // Version 4 (schools[1]) stays in force: the family leaves it so.

    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(remoteRequests).toEqual([]);
    await context.close();
  }, 180_000);

  it('after the deadline: allocation and publication; the family sees the result and confirms', async () => {
    await new Promise((r) => setTimeout(r, Math.max(0, closesAt - Date.now() + 500)));
    const allocated = await staff('POST', `/api/admissions/campaigns/${campaign}/allocate`);
    expect(await allocated.json()).toMatchObject({ candidates: 1, admitted: 1 });
    expect((await staff('POST', `/api/admissions/campaigns/${campaign}/publish`)).status).toBe(200);

    const { context } = await localOnlyContext(browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await page.goto(`${server.url}/tuyen-sinh-dau-cap/${campaign}`);
    await signInByPersonalId(page, child.typed);
    const result = page.getByTestId('result');
    await expect.poll(() => result.innerText()).toContain(`Trúng tuyển: ${schools[1]!.name}`);
    await page.getByRole('button', { name: 'Xác nhận nhập học' }).click();
    await expect.poll(() => page.getByTestId('response').innerText()).toBe('Đã xác nhận nhập học.');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await context.close();
  }, 180_000);

  it('the catchments page at desktop width: an import with errors by row and column, an edit', async () => {
    const { context } = await localOnlyContext(browser, { width: 1280, height: 900 });
    const page = await context.newPage();
    await signInOnPage(page, server.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${server.url}/tuyen-tuyen-sinh`);
    await pick(page, 'Xã/phường', commune.name, true);
    const table = page.getByTestId('catchments');
    await expect.poll(() => table.innerText()).toContain('TDP-MOI');

    // A workbook whose second row names a grade the importer does not know: nothing saved.
    const bad = join(dataDir, 'tuyen-loi.xlsx');
    await writeSimpleWorkbook(bad, 'Tuyến tuyển sinh', Object.values(CATCHMENT_HEADERS), [
      [commune.code, 'T1', 'Thôn 1', 1, schools[0]!.code, null, null],
      [commune.code, 'T2', 'Thôn 2', 3, schools[0]!.code, null, null],
    ]);
    await page.locator('input[type=file]').setInputFiles(bad);
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.innerText()).toContain('chưa lưu gì');
    expect(await report.innerText()).toContain('Lớp');
    expect(await report.innerText()).toContain('lớp 1 hoặc lớp 6');
    expect(await page.getByRole('button', { name: 'Nhập', exact: true }).isDisabled()).toBe(true);

    // Edit on the web: the unserved area gets a school, then loses it again.
    await page.getByLabel('Mã khu dân cư', { exact: true }).fill('TDP-MOI');
    await page.getByLabel('Mã trường', { exact: true }).fill(schools[0]!.code);
    await page.getByRole('button', { name: 'Thêm trường vào khu' }).click();
    const link = page.getByTestId(`link-TDP-MOI-1-${schools[0]!.code}`);
    await expect.poll(() => link.count()).toBe(1);
    // A preschool code is refused at the field, in Vietnamese.
    await page.getByLabel('Mã trường', { exact: true }).fill('KHONG-CO');
    await page.getByRole('button', { name: 'Thêm trường vào khu' }).click();
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts())
      .toContain('Không có trường mã "KHONG-CO" trong phạm vi của bạn.');
    await link.getByRole('button', { name: `Bỏ ${schools[0]!.code}` }).click();
    await page.getByRole('button', { name: /OK|Đồng ý/ }).click();
    await expect.poll(() => link.count()).toBe(0);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await context.close();
  }, 120_000);
});
