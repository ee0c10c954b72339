import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, startServer, type RunningServer } from '../helpers/server.ts';
import { launchBrowser, localOnlyContext, signInOnPage } from './helpers.ts';

// Issue #14, "Admitted and confirmed candidates flow into the registry": the
// department sends the confirmed to the registry from the campaign page, and
// the upper-secondary school's list "Học sinh chờ xếp lớp", at phone width,
// puts them in a grade-10 class.
const ADMIN_PASSWORD = 'e2e-admin-password';
const dataDir = mkdtempSync(join(tmpdir(), 'sogd-e2e-hand-'));
const WINDOW_MS = 8_000;
let server: RunningServer;
let browser: Browser;
let staff: (method: string, path: string, body?: unknown) => Promise<Response>;
let campaign = '';
let year = '';
let schoolCode = '';
let names: string[] = [];

async function asCandidate(code: string, pin: string) {
  const signIn = await fetch(`${server.url}/api/public/admissions/${campaign}/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, pin }),
  });
  expect(signIn.status).toBe(200);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  return (method: string, path: string, body: unknown) =>
    fetch(`${server.url}/api/public/admissions/${campaign}/${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
}

async function pick(page: Page, label: string, option: string | RegExp) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-item-option:visible', { hasText: option }).first().click();
  await expect
    .poll(() => page.locator('.ant-select-item-option:visible').count(), { timeout: 5_000 })
    .toBe(0);
}

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

describe('hand-over of the confirmed to the registry, in the browser', () => {
  it('a short campaign: two candidates confirm, a third declines', async () => {
    const demo = (await (await fetch(`${server.url}/api/public/admissions`)).json()) as {
      id: string;
      schoolYear: string;
    }[];
    year = demo[0]!.schoolYear;
    const counts = (await (
      await fetch(`${server.url}/api/public/admissions/${demo[0]!.id}/counts`)
    ).json()) as { programs: { schoolCode: string }[] };
    schoolCode = counts.programs[0]!.schoolCode;
    const now = Date.now();
    const created = await staff('POST', '/api/admissions/campaigns', {
      name: 'Tuyển sinh 10 bàn giao',
      schoolYear: year,
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + WINDOW_MS).toISOString(),
      confirmBy: new Date(now + 86_400_000).toISOString(),
      maxPreferences: 1,
    });
    expect(created.status).toBe(201);
    campaign = ((await created.json()) as { id: string }).id;
    await staff('PUT', `/api/admissions/campaigns/${campaign}/programs`, {
      rows: [{ program: 'E2E-H', schoolCode, quota: 10 }],
    });
    const issued = await staff('POST', `/api/admissions/campaigns/${campaign}/candidates/issue`);
    const slips = (
      (await issued.json()) as { slips: { code: string; pin: string; fullName: string }[] }
    ).slips.slice(0, 3);
    expect(slips.length).toBe(3);
    const phones = [];
    for (const s of slips) {
      const phone = await asCandidate(s.code, s.pin);
      expect(
        (await phone('PUT', 'application', { preferences: ['E2E-H'], baseVersion: 0 })).status,
      ).toBe(200);
      phones.push(phone);
    }
    await new Promise((r) => setTimeout(r, Math.max(0, now + WINDOW_MS - Date.now() + 500)));
    await staff('PUT', `/api/admissions/campaigns/${campaign}/scores`, {
      rows: slips.map((s, i) => ({ code: s.code, score: 25 - i })),
    });
    expect((await staff('POST', `/api/admissions/campaigns/${campaign}/allocate`)).status).toBe(
      200,
    );
    expect((await staff('POST', `/api/admissions/campaigns/${campaign}/publish`)).status).toBe(200);
    for (const [i, phone] of phones.entries())
      expect((await phone('POST', 'confirmation', { accept: i < 2 })).status).toBe(200);
    names = slips.slice(0, 2).map((s) => s.fullName);
  }, 60_000);

  it('the department sends them from the campaign page, told how many first', async () => {
    const { context, remoteRequests } = await localOnlyContext(browser, {
      width: 1280,
      height: 900,
    });
    const page = await context.newPage();
    await signInOnPage(page, server.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${server.url}/tuyen-sinh`);
    await pick(page, 'Tên kỳ tuyển sinh', 'Tuyển sinh 10 bàn giao');
    await page.getByRole('button', { name: 'Chuyển học sinh trúng tuyển sang CSDL' }).click();
    await expect
      .poll(() => page.getByTestId('hand-over-confirm').innerText())
      .toContain('Sẽ chuyển 2 học sinh đã xác nhận nhập học');
    await page.getByRole('button', { name: 'Chuyển', exact: true }).click();
    const result = page.getByTestId('hand-over-result');
    await expect.poll(() => result.innerText()).toContain('Đã chuyển mới 2 học sinh');
    expect(await result.innerText()).toContain(schoolCode);
    expect(remoteRequests).toEqual([]);
    await context.close();
  });

  it('the school puts them in a grade-10 class from its list, on a phone', async () => {
    // A second run creates nothing; its answer names the school.
    const again = (await (
      await staff('POST', `/api/admissions/campaigns/${campaign}/hand-over`)
    ).json()) as { sent: number; alreadyThere: number; bySchool: { schoolId: string }[] };
    expect(again).toMatchObject({ sent: 0, alreadyThere: 2 });
    const schoolId = again.bySchool[0]!.schoolId;
    const cls = await staff('POST', `/api/registry/schools/${schoolId}/classes?year=${year}`, {
      name: '10E2E',
      grade: 10,
      sessionsPerDay: 1,
    });
    expect(cls.status).toBe(201);

    const { context, remoteRequests } = await localOnlyContext(browser, {
      width: 390,
      height: 844,
    });
    const page = await context.newPage();
    await signInOnPage(page, server.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${server.url}/cho-xep-lop`);
    const picker = page.getByLabel('Trường', { exact: true });
    await picker.click();
    await picker.fill(schoolCode);
    await page.locator('.ant-select-item-option:visible', { hasText: schoolCode }).first().click();
    await pick(page, 'Năm học', year);
    await expect
      .poll(() => page.getByTestId('incoming-count').innerText())
      .toBe('2 chờ xếp lớp / 2 học sinh');
    const list = await page.getByTestId('incoming-list').innerText();
    for (const name of names) expect(list).toContain(name);
    await page.getByText('Chọn tất cả').click();
    await pick(page, 'Chọn lớp 10', '10E2E');
    await page.getByRole('button', { name: 'Xếp vào lớp' }).click();
    await expect
      .poll(() => page.getByTestId('incoming-count').innerText())
      .toBe('0 chờ xếp lớp / 2 học sinh');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(remoteRequests).toEqual([]);
    await context.close();
  });
});
