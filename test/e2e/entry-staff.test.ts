import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePersonalId } from '../../src/lib/personal-id.ts';
import { apiSignIn, startServer, type RunningServer } from '../helpers/server.ts';
import { launchBrowser, localOnlyContext, signInOnPage } from './helpers.ts';

/**
 * The staff's entry-grade pages (issue #15) in the browser: a commune's
 * officer creates a grade-1 campaign on the web (each bad field refused in
 * Vietnamese, nothing saved), then sets a school's classes and seats on the
 * catchments page, and a second save from an older page is stale (409): the
 * newer values are shown and the typed ones kept. At 390 px a primary school
 * records a child outside the registry with a birth-year exception, and the
 * catchments page fits the screen. Last, at desktop, the school's documents
 * check lists the file a family uploaded (set up over the API) with its link.
 */

const ADMIN_PASSWORD = 'e2e-admin-password';
const PASSWORD = 'mat-khau-e2e-rat-dai-7';
const dataDir = mkdtempSync(join(tmpdir(), 'sogd-e2e-entry-staff-'));
let server: RunningServer;
let browser: Browser;
let admin: Awaited<ReturnType<typeof apiSignIn>>;
let commune = { id: '', code: '', name: '' };
let school = { id: '', code: '', name: '' };
let schoolYear = '';
let campaignId = '';
/** A request as the admin with a JSON body or none (apiSignIn has no PUT). */
let call: (method: string, path: string, body?: unknown) => Promise<Response>;
const put = (path: string, body: unknown) => call('PUT', path, body);
const NAME = 'Tuyển sinh lớp 1 của xã (web)';
/** A short campaign set up over the API: a family uploads a file, then the school checks it. */
const DOCS_NAME = 'Kiểm tra giấy tờ lớp 1 (API)';
const DOCS_WINDOW_MS = 30_000;
const SCAN = 'giay-xac-nhan-cu-tru-e2e.pdf';
const docs = { campaign: '', closesAt: 0, code: '' };

async function createUser(role: string, orgUnitId: string, username: string) {
  const created = await admin.post('/api/users', {
    username,
    fullName: `Người dùng ${username}`,
    role,
    orgUnitId,
  });
  expect(created.status).toBe(201);
  const { temporaryPassword } = (await created.json()) as { temporaryPassword: string };
  const first = await apiSignIn(server.url, username, temporaryPassword);
  await first.post('/api/auth/password', {
    currentPassword: temporaryPassword,
    newPassword: PASSWORD,
  });
}

async function pick(page: Page, label: string, option: string, search = false) {
  await page.getByLabel(label, { exact: true }).click();
  if (search) await page.getByLabel(label, { exact: true }).fill(option);
  await page.locator('.ant-select-item-option:visible', { hasText: option }).first().click();
  await expect
    .poll(() => page.locator('.ant-select-item-option:visible').count(), { timeout: 5_000 })
    .toBe(0);
}

/** dd/mm/yyyy of today + `days`, Vietnam's day. */
const typedDay = (days: number) => {
  const d = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
};

beforeAll(async () => {
  server = await startServer(
    { DATA_DIR: dataDir, DATABASE_URL: '', SOGD_ADMIN_PASSWORD: ADMIN_PASSWORD },
    ['--demo-schools', '8', '--demo-students', '400'],
  );
  admin = await apiSignIn(server.url, 'admin', ADMIN_PASSWORD);
  call = admin.call;
  const list = (await (await fetch(`${server.url}/api/public/admissions`)).json()) as {
    id: string;
    grade?: number;
    schoolYear: string;
  }[];
  const demo = list.find((c) => c.grade === 1)!;
  schoolYear = demo.schoolYear;
  const detail = (await (await admin.get(`/api/admissions/campaigns/${demo.id}`)).json()) as {
    unit: typeof commune;
  };
  commune = detail.unit;
  await createUser('office_staff', commune.id, 'xa.e2e');
  const officer = await apiSignIn(server.url, 'xa.e2e', PASSWORD);
  const schools = (await (await officer.get('/api/admissions/entry-schools?grade=1')).json()) as {
    id: string;
    code: string;
    name: string;
  }[];
  school = schools[0]!;
  await createUser('school_staff', school.id, 'th.e2e');
  await setUpDocumentsCheck();
  browser = await launchBrowser();
}, 180_000);

/**
 * A short grade-1 campaign asking for a proof of residence: a child recorded by
 * the school registers with it and uploads a scan over the family's API (as
 * entry.test.ts does in the browser); the window closes while the other tests
 * run, and the last one allocates and publishes.
 */
async function setUpDocumentsCheck() {
  const now = Date.now();
  docs.closesAt = now + DOCS_WINDOW_MS;
  const created = await call('POST', '/api/admissions/campaigns', {
    name: DOCS_NAME,
    schoolYear,
    grade: 1,
    orgUnitId: commune.id,
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(docs.closesAt).toISOString(),
    confirmBy: new Date(now + 86_400_000).toISOString(),
    entryRules: { documents: ['residence'] },
  });
  expect(created.status).toBe(201);
  docs.campaign = ((await created.json()) as { id: string }).id;
  const programs = await put(`/api/admissions/campaigns/${docs.campaign}/programs`, {
    rows: [{ program: school.code, schoolCode: school.code, quota: 35 }],
  });
  expect(await programs.json()).toMatchObject({ errors: 0, added: 1 });
  const born = Number(schoolYear.slice(0, 4)) - 6;
  const child = {
    personalId: makePersonalId(31, born, 'female', 424_242),
    birthDate: `${born}-08-19`,
  };
  const free = await call('POST', `/api/admissions/campaigns/${docs.campaign}/candidates/free`, {
    fullName: 'Đỗ Giấy Tờ',
    birthDate: child.birthDate,
    personalId: child.personalId,
    schoolId: school.id,
  });
  expect(free.status).toBe(201);
  docs.code = ((await free.json()) as { code: string }).code;

  // The family: signed in by personal id, registered at the school, the scan uploaded.
  const base = `${server.url}/api/public/admissions/${docs.campaign}`;
  const signIn = await fetch(`${base}/sign-in/personal-id`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(child),
  });
  expect(signIn.status).toBe(200);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const family = { cookie, 'x-csrf-token': csrfToken };
  const areas = (await (await fetch(`${base}/areas`)).json()) as {
    id: string;
    schools: string[];
  }[];
  // An area the school serves, or else one no school serves (any school of the commune then).
  const area =
    areas.find((a) => a.schools.includes(school.code)) ?? areas.find((a) => !a.schools.length)!;
  const saved = await fetch(`${base}/entry-application`, {
    method: 'PUT',
    headers: { ...family, 'content-type': 'application/json' },
    body: JSON.stringify({
      residence: 'permanent',
      areaId: area.id,
      schools: [school.code],
      baseVersion: 0,
    }),
  });
  expect(saved.status, await saved.clone().text()).toBe(200);
  const form = new FormData();
  form.append('kind', 'residence');
  form.append('file', new Blob(['%PDF-1.4\n% giấy xác nhận cư trú\n%%EOF\n']), SCAN);
  const uploaded = await fetch(`${base}/entry-evidence`, {
    method: 'POST',
    headers: family,
    body: form,
  });
  expect(uploaded.status, await uploaded.clone().text()).toBe(201);
}
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the staff's entry-grade pages", () => {
  it('a commune officer creates a grade-1 campaign on the web, then edits a school’s seats', async () => {
    const { context } = await localOnlyContext(browser, { width: 1280, height: 900 });
    const page = await context.newPage();
    await signInOnPage(page, server.url, 'xa.e2e', PASSWORD);
    await page.goto(`${server.url}/tuyen-sinh`);
    await page.getByRole('button', { name: 'Kỳ tuyển sinh lớp 1, lớp 6 mới' }).click();
    const card = page.getByTestId('new-entry');
    const errors = () => card.locator('.ant-form-item-explain-error').allInnerTexts();

    // Nothing filled: each field says what it needs, in Vietnamese; nothing is sent.
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/admissions/campaigns')) posts++;
    });
    await card.getByRole('button', { name: 'Tạo kỳ tuyển sinh đầu cấp' }).click();
    await expect
      .poll(errors)
      .toEqual(
        expect.arrayContaining([
          'Cần nhập tên kỳ tuyển sinh.',
          'Năm học cần dạng 2027-2028 (hai năm liền nhau).',
          'Cần nhập ngày mở đăng ký (dd/mm/yyyy).',
          'Chọn ít nhất một trường tham gia.',
        ]),
      );
    await card.getByLabel('Tên kỳ tuyển sinh').fill(NAME);
    await card.getByLabel('Năm học').fill(schoolYear);
    // The birth years come from the rule: 6 in the calendar year the school year starts.
    await expect
      .poll(() => card.getByTestId('birth-years').innerText())
      .toContain(`Trẻ sinh năm ${Number(schoolYear.slice(0, 4)) - 6}`);
    await card.getByLabel('Ngày mở đăng ký').fill(typedDay(0));
    await card.getByLabel('Ngày hết hạn đăng ký').fill(typedDay(-1));
    await card.getByLabel('Hạn xác nhận nhập học').fill('31/02/2027');
    // A multiple choice: its list stays open after a pick, closed with Escape.
    await card.getByLabel('Trường tham gia', { exact: true }).click();
    await card.getByLabel('Trường tham gia', { exact: true }).fill(school.code);
    await page.locator('.ant-select-item-option:visible', { hasText: school.name }).first().click();
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.locator('.ant-select-item-option:visible').count(), { timeout: 5_000 })
      .toBe(0);
    await card.getByRole('button', { name: 'Tạo kỳ tuyển sinh đầu cấp' }).click();
    await expect
      .poll(errors)
      .toEqual(expect.arrayContaining(['Ngày hết hạn đăng ký phải sau ngày mở đăng ký.']));
    expect((await errors()).some((e) => e.includes('31/02/2027'))).toBe(true);
    expect(posts).toBe(0);

    await card.getByLabel('Ngày hết hạn đăng ký').fill(typedDay(10));
    await card.getByLabel('Hạn xác nhận nhập học').fill(typedDay(20));
    // The entry rules: two documents asked, the sibling criterion dropped, distance put first,
    // the lottery's seed (one is shown already) replaced by the commune's, no overflow offers.
    await card.getByLabel('Giấy xác nhận cư trú').check();
    await card.getByLabel('Giấy khai sinh', { exact: true }).check();
    await card.getByTestId('criterion-sibling').getByRole('checkbox').uncheck();
    await card.getByRole('button', { name: 'Đưa lên: Nhà gần trường hơn' }).click();
    await expect
      .poll(() => card.getByTestId('entry-order').innerText())
      .toMatch(/1\. Nhà gần trường hơn[\s\S]*2\. Thường trú trước tạm trú/);
    const seed = card.getByLabel('Số khởi tạo bốc thăm (công bố)');
    expect(await seed.inputValue()).toMatch(/^\d+$/);
    await seed.fill('20261204');
    await card.getByLabel('Không', { exact: true }).check();
    const answer = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/api/admissions/campaigns'),
    );
    await card.getByRole('button', { name: 'Tạo kỳ tuyển sinh đầu cấp' }).click();
    const created = await answer;
    expect(created.status()).toBe(201);
    campaignId = ((await created.json()) as { id: string }).id;
    await expect.poll(() => page.getByTestId('new-entry').count()).toBe(0);
    const detail = (await (await admin.get(`/api/admissions/campaigns/${campaignId}`)).json()) as {
      grade: number;
      programs: { schoolCode: string; quota: number }[];
      entryRules: unknown;
    };
    expect(detail.grade).toBe(1);
    // What the form chose is what the server keeps (and publishes).
    expect(detail.entryRules).toEqual({
      order: ['distance', 'permanent-residence'],
      seed: 20261204,
      overflowInCommune: false,
      documents: ['residence', 'birth-certificate'],
    });
    expect(detail.programs.map((p) => [p.schoolCode, p.quota])).toEqual([[school.code, 0]]);

    // The seats on the catchments page: the commune's own, this campaign.
    await page.goto(`${server.url}/tuyen-tuyen-sinh`);
    const seats = page.getByTestId('seats');
    await pick(page, 'Kỳ tuyển sinh', NAME);
    const line = seats.getByTestId(`seat-${school.code}`);
    await line.getByLabel(`Số lớp ${school.code}`).fill('2');
    await line.getByLabel(`Chỉ tiêu ${school.code}`).fill('70');
    // Seats per class against the primary charter's maximum, as typed.
    await expect
      .poll(() => line.getByTestId(`per-class-${school.code}`).innerText())
      .toContain('Bình quân 35 trẻ/lớp (tối đa 35');
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().includes(`/seats/${school.id}`),
    );
    await line.getByRole('button', { name: 'Lưu' }).click();
    expect((await saved).status()).toBe(200);
    const quota = async () =>
      (
        (await (await admin.get(`/api/admissions/campaigns/${campaignId}`)).json()) as {
          programs: { quota: number }[];
        }
      ).programs[0]!.quota;
    expect(await quota()).toBe(70);

    // Someone else saves from another page, after this one loaded version 2…
    const other = await put(`/api/admissions/campaigns/${campaignId}/seats/${school.id}`, {
      classes: 3,
      seats: 105,
      version: 2,
    });
    expect(other.status).toBe(200);
    // …so this page's next save is stale: the newer values are shown, the typed ones stay.
    await line.getByLabel(`Chỉ tiêu ${school.code}`).fill('72');
    // 72 seats in 2 classes: above the maximum, a warning that does not stop the save.
    await expect
      .poll(() => line.getByTestId(`per-class-${school.code}`).innerText())
      .toContain('Bình quân 36 trẻ/lớp, vượt sĩ số tối đa 35');
    const stale = page.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().includes(`/seats/${school.id}`),
    );
    await line.getByRole('button', { name: 'Lưu' }).click();
    expect((await stale).status()).toBe(409);
    await expect
      .poll(() => line.getByTestId('stale-seats').innerText())
      .toContain('hiện là 3 lớp, 105 chỉ tiêu');
    expect(await line.getByLabel(`Chỉ tiêu ${school.code}`).inputValue()).toBe('72');
    expect(await quota()).toBe(105);
    // Saving again, knowingly, replaces the newer values.
    const again = page.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().includes(`/seats/${school.id}`),
    );
    await line.getByRole('button', { name: 'Lưu' }).click();
    expect((await again).status()).toBe(200);
    expect(await quota()).toBe(72);
    await context.close();
  }, 180_000);

  it('at 390 px: the officer changes the rules after opening, with a reason; the history and the families’ page show it', async () => {
    const { context, remoteRequests } = await localOnlyContext(browser, {
      width: 390,
      height: 844,
    });
    const page = await context.newPage();
    await signInOnPage(page, server.url, 'xa.e2e', PASSWORD);
    await page.goto(`${server.url}/tuyen-sinh`);
    await pick(page, 'Tên kỳ tuyển sinh', NAME);
    const card = page.getByTestId('entry-rules');
    await expect
      .poll(() => card.getByTestId('entry-rules-now').innerText())
      .toContain('1. Nhà gần trường hơn; 2. Thường trú trước tạm trú');
    expect(await card.getByTestId('entry-rules-history').count()).toBe(0);
    await card.getByRole('button', { name: 'Sửa quy tắc' }).click();
    // The sibling criterion is added back, last; registration has opened, so a reason is needed.
    await card.getByTestId('criterion-sibling').getByRole('checkbox').check();
    await card.getByRole('button', { name: 'Lưu quy tắc' }).click();
    await expect
      .poll(() => card.locator('.ant-form-item-explain-error').allInnerTexts())
      .toContain('Lý do cần ít nhất 10 ký tự.');
    await card.getByLabel('Lý do thay đổi').fill('Theo kế hoạch được UBND xã duyệt lại');
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().endsWith('/entry-rules'),
    );
    await card.getByRole('button', { name: 'Lưu quy tắc' }).click();
    expect((await saved).status()).toBe(200);
    await expect
      .poll(() => card.getByTestId('entry-rules-now').innerText())
      .toContain('3. Có anh chị em đang học tại trường');
    const history = card.getByTestId('entry-rules-history');
    await expect.poll(() => history.innerText()).toContain('sau khi mở đăng ký');
    expect(await history.innerText()).toContain('Theo kế hoạch được UBND xã duyệt lại');
    expect(await history.innerText()).toContain('→');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    // The families' page lists the change made after opening, without who made it.
    const family = await context.newPage();
    await family.goto(`${server.url}/tuyen-sinh-dau-cap/${campaignId}`);
    await expect
      .poll(() => family.getByTestId('rules-changed').innerText())
      .toContain('Theo kế hoạch được UBND xã duyệt lại');
    expect(remoteRequests).toEqual([]);
    await context.close();
  }, 120_000);

  it('at 390 px: a school records a child outside the registry with a birth-year exception', async () => {
    const { context } = await localOnlyContext(browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await signInOnPage(page, server.url, 'th.e2e', PASSWORD);
    await page.goto(`${server.url}/tuyen-sinh`);
    await pick(page, 'Tên kỳ tuyển sinh', NAME);
    const card = page.getByTestId('children');
    const born = Number(schoolYear.slice(0, 4)) - 5; // a year early: needs an exception
    await card.getByLabel('Họ và tên trẻ').fill('Phạm Sớm Một');
    await card.getByLabel('Ngày sinh').fill(`03/02/${born}`);
    await card.getByRole('button', { name: 'Ghi nhận trẻ' }).click();
    await expect
      .poll(() => card.locator('.ant-form-item-explain-error').allInnerTexts())
      .toContain('Cần ghi lý do ngoại lệ.');
    await card.getByLabel('Lý do ngoại lệ năm sinh').fill('Trẻ phát triển sớm, có xác nhận y tế');
    const answer = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/candidates/free'),
    );
    await card.getByRole('button', { name: 'Ghi nhận trẻ' }).click();
    expect((await answer).status()).toBe(201);
    await expect.poll(() => card.getByTestId('child-slip').innerText()).toContain('PIN');
    // Listed with the reason; who recorded it and when is on the server's answer.
    const table = card.getByTestId('exceptions');
    await expect.poll(() => table.innerText()).toContain('Phạm Sớm Một');
    const clerk = await apiSignIn(server.url, 'th.e2e', PASSWORD);
    const rows = (await (
      await clerk.get(`/api/admissions/campaigns/${campaignId}/candidates`)
    ).json()) as { fullName: string; exceptionBy: string | null; eligible: boolean }[];
    expect(rows.find((r) => r.fullName === 'Phạm Sớm Một')).toMatchObject({
      exceptionBy: 'Người dùng th.e2e (th.e2e)',
      eligible: true,
    });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await context.close();
  }, 120_000);

  it('at 390 px: the catchments page with its seats editor, and the new-campaign form, fit the screen', async () => {
    const { context } = await localOnlyContext(browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await signInOnPage(page, server.url, 'xa.e2e', PASSWORD);
    await page.goto(`${server.url}/tuyen-tuyen-sinh`);
    await pick(page, 'Kỳ tuyển sinh', NAME);
    const line = page.getByTestId('seats').getByTestId(`seat-${school.code}`);
    await expect.poll(() => line.getByLabel(`Chỉ tiêu ${school.code}`).inputValue()).toBe('72');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    // The new-campaign form, with its entry rules, fits the phone too.
    await page.goto(`${server.url}/tuyen-sinh`);
    await page.getByRole('button', { name: 'Kỳ tuyển sinh lớp 1, lớp 6 mới' }).click();
    await expect.poll(() => page.getByTestId('entry-order').innerText()).toContain('1. ');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await context.close();
  }, 120_000);

  it('at desktop: the documents check lists the file the family uploaded, with a link to open it', async () => {
    await new Promise((r) => setTimeout(r, Math.max(0, docs.closesAt - Date.now() + 500)));
    const allocated = await call('POST', `/api/admissions/campaigns/${docs.campaign}/allocate`);
    expect(await allocated.json()).toMatchObject({ candidates: 1, admitted: 1 });
    expect((await call('POST', `/api/admissions/campaigns/${docs.campaign}/publish`)).status).toBe(
      200,
    );
    const { context } = await localOnlyContext(browser, { width: 1280, height: 900 });
    const page = await context.newPage();
    await signInOnPage(page, server.url, 'th.e2e', PASSWORD);
    await page.goto(`${server.url}/tuyen-sinh`);
    await pick(page, 'Tên kỳ tuyển sinh', DOCS_NAME);
    const files = page.getByTestId('documents').getByTestId(`files-${docs.code}`);
    await expect.poll(() => files.innerText()).toContain(`Giấy xác nhận cư trú: ${SCAN}`);
    // The link opens the file itself, under the school's session.
    const href = await files.getByRole('link', { name: `Mở ${SCAN}` }).getAttribute('href');
    const opened = await page.request.get(`${server.url}${href}`);
    expect(opened.status()).toBe(200);
    expect((await opened.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await context.close();
  }, 120_000);
});
