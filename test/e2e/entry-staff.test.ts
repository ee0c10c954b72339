import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, startServer, type RunningServer } from '../helpers/server.ts';
import { launchBrowser, localOnlyContext, signInOnPage } from './helpers.ts';

/**
 * The staff's entry-grade pages (issue #15) in the browser: a commune's
 * officer creates a grade-1 campaign on the web (each bad field refused in
 * Vietnamese, nothing saved), then sets a school's classes and seats on the
 * catchments page, and a second save from an older page is stale (409): the
 * newer values are shown and the typed ones kept. At 390 px a primary school
 * records a child outside the registry with a birth-year exception, and the
 * catchments page fits the screen.
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
/** A PUT as the admin (apiSignIn has none). */
let put: (path: string, body: unknown) => Promise<Response>;
const NAME = 'Tuyển sinh lớp 1 của xã (web)';

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
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  put = (path, body) =>
    fetch(`${server.url}${path}`, {
      method: 'PUT',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
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
  browser = await launchBrowser();
}, 180_000);
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
    };
    expect(detail.grade).toBe(1);
    expect(detail.programs.map((p) => [p.schoolCode, p.quota])).toEqual([[school.code, 0]]);

    // The seats on the catchments page: the commune's own, this campaign.
    await page.goto(`${server.url}/tuyen-tuyen-sinh`);
    const seats = page.getByTestId('seats');
    await pick(page, 'Kỳ tuyển sinh', NAME);
    const line = seats.getByTestId(`seat-${school.code}`);
    await line.getByLabel(`Số lớp ${school.code}`).fill('2');
    await line.getByLabel(`Chỉ tiêu ${school.code}`).fill('70');
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

  it('at 390 px: the catchments page with its seats editor fits the screen', async () => {
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
    await context.close();
  }, 120_000);
});
