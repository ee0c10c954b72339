import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishPdf, newPdf } from '../../src/lib/pdf.ts';
import { apiSignIn, REPO, startServer, type RunningServer } from '../helpers/server.ts';
import { createClerk, launchBrowser, localOnlyContext, signInOnPage } from './helpers.ts';

// Issue #17's browser test: a clerk registers an incoming document, the
// leader assigns it with a deadline, a school receives an outgoing document
// and its receipt shows on the sender's side — on a desktop and at 390 px.
const ADMIN_PASSWORD = 'e2e-admin-password';
const CLERK_PASSWORD = 'van-thu-truong-mat-khau-9';
const dataDir = mkdtempSync(join(tmpdir(), 'sogd-e2e-office-'));
const shots = join(REPO, 'test/e2e/screenshots');
let server: RunningServer;
let browser: Browser;
let school: { id: string; name: string; code: string };

beforeAll(async () => {
  server = await startServer(
    { DATA_DIR: dataDir, DATABASE_URL: '', SOGD_ADMIN_PASSWORD: ADMIN_PASSWORD },
    ['--demo-schools', '2', '--demo-students', '20'],
  );
  browser = await launchBrowser();
  const admin = await apiSignIn(server.url, 'admin', ADMIN_PASSWORD);
  const found = (await (await admin.get('/api/orgs/search?q=Trường')).json()) as {
    id: string;
    name: string;
    code: string;
    kind: string;
  }[];
  school = found.find((u) => u.kind === 'school')!;
  await createClerk(server.url, admin, {
    username: 'vanthu.truong',
    fullName: 'Văn Thư Trường',
    orgUnitId: school.id,
    password: CLERK_PASSWORD,
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function openOffice(page: Page) {
  await page.goto(`${server.url}/van-ban`);
  await page.getByRole('heading', { name: 'Văn bản, điều hành' }).waitFor();
}

describe('the e-office', () => {
  it('registers, assigns and sends; the school receives and the sender sees it', async () => {
    const { context, remoteRequests } = await localOnlyContext(browser, {
      width: 1280,
      height: 800,
    });
    const page = await context.newPage();
    await signInOnPage(page, server.url, 'admin', ADMIN_PASSWORD);
    await page.getByRole('menuitem', { name: 'Văn bản, điều hành' }).click();
    await page.getByRole('heading', { name: 'Văn bản, điều hành' }).waitFor();
    // The demo's documents are there out of the box.
    await expect.poll(() => page.getByText('215/QĐ-UBND').isVisible()).toBe(true);

    // The clerk registers a paper document.
    await page.getByRole('button', { name: 'Vào sổ văn bản đến' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nơi gửi').fill('Ủy ban nhân dân tỉnh');
    await dialog.getByLabel('Số, ký hiệu').fill('88/UBND-VX');
    await dialog.getByLabel('Trích yếu').fill('Về việc rà soát cơ sở vật chất trường học');
    await dialog.getByRole('button', { name: 'Vào sổ văn bản đến' }).click();
    await expect.poll(() => page.getByText('Đã vào sổ: Số đến 3').isVisible()).toBe(true);

    // The leader assigns it with a deadline.
    await page.getByRole('cell', { name: '88/UBND-VX' }).click();
    const drawer = page.locator('.ant-drawer-body');
    await drawer.getByLabel('Người chủ trì').click();
    await page.locator('.ant-select-item-option', { hasText: 'Quản trị hệ thống' }).first().click();
    await drawer.getByLabel('Ý kiến chỉ đạo').fill('Văn phòng chủ trì rà soát, báo cáo');
    await drawer.getByRole('button', { name: 'Giao xử lý' }).click();
    await expect.poll(() => drawer.getByText('Đang xử lý').isVisible()).toBe(true);
    // The clerk adds the scan; it is listed with its checksum and downloads within the unit.
    const scan = newPdf({ layout: 'portrait', title: 'Bản quét' });
    scan.text('Bản quét văn bản 88/UBND-VX');
    await drawer.locator('input[type=file]').setInputFiles({
      name: 'ban-quet.pdf',
      mimeType: 'application/pdf',
      buffer: await finishPdf(scan),
    });
    await expect
      .poll(() => drawer.getByRole('link', { name: 'ban-quet.pdf' }).isVisible())
      .toBe(true);
    await expect.poll(() => drawer.getByText(/SHA-256 [0-9a-f]{12}/).isVisible()).toBe(true);
    await page.keyboard.press('Escape');

    // An outgoing document to the school.
    await page.getByRole('tab', { name: 'Văn bản đi' }).click();
    await page.getByRole('button', { name: 'Cấp số văn bản đi' }).click();
    const out = page.getByRole('dialog');
    await out.getByLabel('Trích yếu').fill('Về việc báo cáo sĩ số đầu năm');
    await out.getByLabel('Nơi nhận trong hệ thống').fill(school.name.slice(0, 12));
    await page.locator('.ant-select-item-option', { hasText: school.code }).first().click();
    await out.getByRole('button', { name: 'Cấp số văn bản đi' }).click();
    await expect.poll(() => page.getByText(/Đã vào sổ: 04\/SGDĐT/).isVisible()).toBe(true);
    await page.screenshot({ path: join(shots, 'office-desktop.png') });

    // The school's clerk, on a phone, finds it in the incoming register and opens it.
    const phone = await localOnlyContext(browser, { width: 390, height: 844 });
    const small = await phone.context.newPage();
    await signInOnPage(small, server.url, 'vanthu.truong', CLERK_PASSWORD);
    await openOffice(small);
    await small.getByRole('cell', { name: /04\/SGDĐT/ }).click();
    const copy = small.locator('.ant-drawer-body');
    await expect
      .poll(() => copy.getByText('Về việc báo cáo sĩ số đầu năm').first().isVisible())
      .toBe(true);
    const width = await small.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await small.screenshot({ path: join(shots, 'office-390.png') });

    // Back at the department: the school's copy shows as opened.
    await page.reload();
    await page.getByRole('tab', { name: 'Văn bản đi' }).click();
    await page.getByRole('cell', { name: /04\/SGDĐT/ }).click();
    await expect
      .poll(() => page.locator('.ant-drawer-body').getByText('Đã xem').isVisible())
      .toBe(true);

    // The English catalogue is complete for these pages.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Outgoing' }).isVisible()).toBe(true);
    expect(remoteRequests).toEqual([]);
    expect(phone.remoteRequests).toEqual([]);
    await phone.context.close();
    await context.close();
  }, 240_000);
});
