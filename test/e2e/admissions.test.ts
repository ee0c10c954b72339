import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, startServer, type RunningServer } from '../helpers/server.ts';
import { launchBrowser, localOnlyContext } from './helpers.ts';

const ADMIN_PASSWORD = 'e2e-admin-password';
const dataDir = mkdtempSync(join(tmpdir(), 'sogd-e2e-adm-'));
let server: RunningServer;
let browser: Browser;
let staff: (method: string, path: string, body?: unknown) => Promise<Response>;
/** The registration window: long enough for both phones, then allocation. */
const WINDOW_MS = 75_000;
let closesAt = 0;
let campaign = '';
let slips: { code: string; pin: string; fullName: string }[] = [];

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

async function choose(page: Page, rank: number, program: string) {
  await page.getByLabel(`Nguyện vọng ${rank}`, { exact: true }).click();
  await page.locator('.ant-select-item-option:visible', { hasText: program }).click();
  // The list closes with an animation: wait, so that the next one opened is the only one shown.
  await expect
    .poll(() => page.locator('.ant-select-item-option:visible').count(), { timeout: 5_000 })
    .toBe(0);
}

async function counted(page: Page, program: string, rank: number): Promise<string> {
  return page.getByTestId(`count-${program}-${rank}`).innerText();
}

describe('grade-10 admissions in the browser', () => {
  it('the demo has an open campaign on its public page', async () => {
    const list = (await (await fetch(`${server.url}/api/public/admissions`)).json()) as {
      status: string;
    }[];
    expect(list.some((c) => c.status === 'open')).toBe(true);
  });

  it('sets up a short campaign for the test', async () => {
    const list = (await (await fetch(`${server.url}/api/public/admissions`)).json()) as {
      schoolYear: string;
    }[];
    // The demo's year: its grade-9 students are the candidates.
    const demoYear = list[0]!.schoolYear;
    const now = Date.now();
    closesAt = now + WINDOW_MS;
    const created = await staff('POST', '/api/admissions/campaigns', {
      name: 'Tuyển sinh 10 kiểm thử',
      schoolYear: demoYear,
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(closesAt).toISOString(),
      confirmBy: new Date(now + 86_400_000).toISOString(),
      maxPreferences: 2,
    });
    expect(created.status).toBe(201);
    campaign = ((await created.json()) as { id: string }).id;
    const demo = (await (await fetch(`${server.url}/api/public/admissions`)).json()) as {
      id: string;
    }[];
    const demoPrograms = (await (
      await fetch(
        `${server.url}/api/public/admissions/${demo.find((c) => c.id !== campaign)!.id}/counts`,
      )
    ).json()) as { programs: { schoolCode: string }[] };
    const school = demoPrograms.programs[0]!.schoolCode;
    const programs = await staff('PUT', `/api/admissions/campaigns/${campaign}/programs`, {
      rows: [
        { program: 'E2E-A', schoolCode: school, quota: 1 },
        { program: 'E2E-B', schoolCode: school, quota: 5 },
      ],
    });
    expect(await programs.json()).toMatchObject({ errors: 0, added: 2 });
  });

  it('issues slips to the grade-9 students of the demo', async () => {
    const issued = await staff('POST', `/api/admissions/campaigns/${campaign}/candidates/issue`);
    expect(issued.status).toBe(200);
    slips = ((await issued.json()) as { slips: typeof slips }).slips;
    expect(slips.length).toBeGreaterThanOrEqual(2);
  });

  for (const [label, viewport, slipIndex] of [
    ['desktop', { width: 1280, height: 900 }, 0],
    ['phone', { width: 390, height: 844 }, 1],
  ] as const)
    it(`a family on a ${label} registers, changes, withdraws and registers again, and sees the counts`, async () => {
      const slip = slips[slipIndex]!;
      const { context, remoteRequests } = await localOnlyContext(browser, viewport);
      const page = await context.newPage();
      await page.goto(`${server.url}/tuyen-sinh-10`);
      await page.getByRole('link', { name: 'Tuyển sinh 10 kiểm thử' }).click();
      await page.getByLabel('Mã thí sinh').fill(slip.code);
      await page.getByLabel('Mã PIN').fill('000000' === slip.pin ? '111111' : '000000');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await expect.poll(() => page.getByRole('alert').innerText()).toContain('không đúng');
      await page.getByLabel('Mã PIN').fill(slip.pin);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await expect.poll(() => page.getByText(slip.fullName).count()).toBeGreaterThan(0);
      const before = Number(await counted(page, 'E2E-A', 1));

      await choose(page, 1, 'E2E-A');
      await choose(page, 2, 'E2E-B');
      await page.getByRole('button', { name: 'Gửi nguyện vọng' }).click();
      await expect.poll(() => page.getByTestId('version').innerText()).toBe('Phiên bản 1');
      await expect
        .poll(() => counted(page, 'E2E-A', 1), { timeout: 15_000 })
        .toBe(String(before + 1));

      // Change (swap the two), withdraw, then register again.
      await choose(page, 1, 'E2E-B');
      await choose(page, 2, 'E2E-A');
      await page.getByRole('button', { name: 'Gửi nguyện vọng' }).click();
      await expect.poll(() => page.getByTestId('version').innerText()).toBe('Phiên bản 2');
      await page.getByRole('button', { name: 'Rút hồ sơ' }).click();
      await page.getByRole('button', { name: /OK|Đồng ý/ }).click();
      await expect.poll(() => page.getByTestId('version').innerText()).toBe('Phiên bản 3');
      await expect.poll(() => page.getByTestId('history').innerText()).toContain('Đã rút hồ sơ');
      await choose(page, 1, 'E2E-A');
      await page.getByRole('button', { name: 'Gửi nguyện vọng' }).click();
      await expect.poll(() => page.getByTestId('version').innerText()).toBe('Phiên bản 4');
      const history = await page.getByTestId('history').innerText();
      for (const v of [1, 2, 3, 4]) expect(history).toContain(`Phiên bản ${v}`);
      // The receipt link: a PDF of the version in force, with the candidate's own session.
      const href = await page.getByTestId('receipt').getAttribute('href');
      const receipt = await page.request.get(`${server.url}${href}`);
      expect(receipt.status()).toBe(200);
      expect(receipt.headers()['content-type']).toBe('application/pdf');
      expect((await receipt.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      expect(remoteRequests).toEqual([]);
      await context.close();
    }, 120_000);

  it('after the deadline: scores, allocation, publication; the family sees the result and confirms', async () => {
    await new Promise((r) => setTimeout(r, Math.max(0, closesAt - Date.now() + 500)));
    const scores = await staff('PUT', `/api/admissions/campaigns/${campaign}/scores`, {
      rows: slips.map((s, i) => ({ code: s.code, score: i === 1 ? 30 : 20 + (i % 7) })),
    });
    expect(await scores.json()).toMatchObject({ errors: 0 });
    const allocated = await staff('POST', `/api/admissions/campaigns/${campaign}/allocate`);
    expect(await allocated.json()).toMatchObject({ candidates: 2, admitted: 1 });
    expect((await staff('POST', `/api/admissions/campaigns/${campaign}/publish`)).status).toBe(200);

    const { context } = await localOnlyContext(browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await page.goto(`${server.url}/tuyen-sinh-10/${campaign}`);
    // The public lookup below has its own code field: fill the sign-in card's.
    const signIn = page.locator('.ant-card', { hasText: 'Đăng nhập bằng phiếu dự tuyển' });
    await signIn.getByLabel('Mã thí sinh').fill(slips[1]!.code);
    await signIn.getByLabel('Mã PIN').fill(slips[1]!.pin);
    await signIn.getByRole('button', { name: 'Đăng nhập' }).click();
    const result = page.getByTestId('result');
    await expect.poll(() => result.innerText()).toContain('Trúng tuyển: NV1 E2E-A');
    await page.getByRole('button', { name: 'Xác nhận nhập học' }).click();
    await expect.poll(() => page.getByTestId('response').innerText()).toBe('Đã xác nhận nhập học.');
    await context.close();
  }, 300_000);
});
