import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, startServer, type RunningServer } from '../helpers/server.ts';
import { launchBrowser, localOnlyContext, signInOnPage } from './helpers.ts';

// Issue #19's browser test, at phone width (390 px): a citizen applies for a
// certified copy without an account (the code comes from the outbox), the
// one-stop clerk hands it over and submits it, the leader approves, and the
// citizen downloads the copy, signed by the department, by the application code; a parent answers the
// demo survey with a code and the department sees the school's count grow.
const ADMIN_PASSWORD = 'e2e-admin-password';
const CLERK_PASSWORD = 'mot-cua-so-mat-khau-9';
const dataDir = mkdtempSync(join(tmpdir(), 'sogd-e2e-services-'));
const PHONE = { width: 390, height: 844 };
let server: RunningServer;
let browser: Browser;
let serial: string;

const CITIZEN = {
  personalId: '045208001234',
  fullName: 'Võ Thị Diệu Linh',
  birthDate: '24/12/2008',
  email: 'dieulinh@example.vn',
};

beforeAll(async () => {
  server = await startServer(
    {
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SOGD_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SOGD_KEY_PASSPHRASE: 'e2e-key-passphrase',
    },
    ['--demo-schools', '2', '--demo-students', '20'],
  );
  browser = await launchBrowser();
  const admin = await apiSignIn(server.url, 'admin', ADMIN_PASSWORD);
  const me = (await (await admin.get('/api/auth/me')).json()) as {
    user: { orgUnit: { id: string } };
  };
  const issued = await admin.post('/api/diplomas/issue', {
    authorityId: me.user.orgUnit.id,
    diplomaType: 'upper_secondary',
    issueDate: '2026-07-20',
    signerName: 'Nguyễn Thị Thúy',
    signerTitle: 'Giám đốc',
    entries: [
      {
        fullName: CITIZEN.fullName,
        birthDate: '2008-12-24',
        gender: 'female',
        schoolName: 'Trường THPT Hàm Nghi',
        graduationYear: 2026,
        decisionNumber: '1234/QĐ-SGDĐT',
        decisionDate: '2026-07-15',
      },
    ],
  });
  expect(issued.status).toBe(201);
  serial = ((await issued.json()) as { serialNumber: string }[])[0]!.serialNumber;
  // The one-stop clerk: a department staff account.
  const created = await admin.post('/api/users', {
    username: 'motcua',
    fullName: 'Cán Bộ Một Cửa',
    role: 'department_staff',
    orgUnitId: me.user.orgUnit.id,
  });
  const { temporaryPassword } = (await created.json()) as { temporaryPassword: string };
  const first = await apiSignIn(server.url, 'motcua', temporaryPassword);
  await first.post('/api/auth/password', {
    currentPassword: temporaryPassword,
    newPassword: CLERK_PASSWORD,
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function latestCode(): string {
  const dir = join(dataDir, 'outbox');
  const mails = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as { to: string; text: string });
  const mine = mails.filter((m) => m.to === CITIZEN.email).at(-1);
  const code = /Mã xác nhận của bạn là: (\d{6})/.exec(mine?.text ?? '')?.[1];
  if (!code) throw new Error('no code in the outbox');
  return code;
}

async function step(page: Page, code: string, button: string) {
  await page.goto(`${server.url}/ho-so-dich-vu-cong`);
  await page.getByRole('cell', { name: code }).click();
  await page.getByRole('button', { name: button }).click();
  await expect.poll(() => page.getByRole('button', { name: button }).count()).toBe(0);
}

describe('online public services at 390 px', () => {
  it('a citizen applies for a certified copy, staff approve it, the citizen downloads it', async () => {
    const { context, remoteRequests } = await localOnlyContext(browser, PHONE);
    const page = await context.newPage();
    await page.goto(`${server.url}/dich-vu-cong`);
    await page.getByText('Cấp bản sao văn bằng, chứng chỉ từ sổ gốc').click();
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).first().click();
    await page.getByLabel('Số định danh cá nhân (12 số)').fill(CITIZEN.personalId);
    await page.getByLabel('Họ và tên').fill(CITIZEN.fullName);
    await page.getByLabel('Ngày sinh (dd/mm/yyyy)').fill(CITIZEN.birthDate);
    await page.getByLabel('Số hiệu văn bằng').fill(serial);
    await page.getByLabel('Thư điện tử').fill(CITIZEN.email);
    await page.getByRole('button', { name: 'Gửi mã xác nhận' }).click();
    await expect
      .poll(() => page.getByText(`Đã gửi mã đến ${CITIZEN.email}`).isVisible())
      .toBe(true);
    await page.getByLabel('Mã xác nhận (6 số)').fill(latestCode());
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).last().click();
    const receipt = page.getByText(/Đã tiếp nhận hồ sơ DVC-/);
    await expect.poll(() => receipt.isVisible(), { timeout: 20_000 }).toBe(true);
    const code = /DVC-\d{6}-[0-9A-Z]{6}/.exec(await receipt.innerText())![0];
    // Nothing spills sideways at phone width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );

    // The clerk hands it to the division and submits it; the leader approves.
    const staff = await browser.newContext({
      viewport: PHONE,
      locale: 'vi-VN',
      reducedMotion: 'reduce',
    });
    const clerk = await staff.newPage();
    await signInOnPage(clerk, server.url, 'motcua', CLERK_PASSWORD);
    await step(clerk, code, 'Chuyển phòng chuyên môn');
    await step(clerk, code, 'Trình lãnh đạo');
    const leaderContext = await browser.newContext({
      viewport: PHONE,
      locale: 'vi-VN',
      reducedMotion: 'reduce',
    });
    const leader = await leaderContext.newPage();
    await signInOnPage(leader, server.url, 'admin', ADMIN_PASSWORD);
    await step(leader, code, 'Phê duyệt, trả kết quả');
    await expect.poll(() => leader.getByText(/Đã thực hiện: Bản sao số/).isVisible()).toBe(true);

    // The citizen downloads the copy by the code.
    await page.goto(`${server.url}/dich-vu-cong`);
    await page.getByRole('tab', { name: 'Tra cứu hồ sơ' }).click();
    await page.getByLabel('Mã hồ sơ').fill(code);
    await page.getByLabel('Số định danh cá nhân (12 số)').fill(CITIZEN.personalId);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => page.getByText('Đã có kết quả').first().isVisible()).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải kết quả (PDF)' }).click(),
    ]);
    const file = join(dataDir, 'copy.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', [file, '-']).toString().normalize('NFC');
    expect(text).toContain(CITIZEN.fullName);
    expect(text).toMatch(/BS/);
    // A PDF with the department's signature (PAdES), valid as poppler's pdfsig checks it.
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const signature = spawnSync('/usr/bin/pdfsig', [file], { encoding: 'utf8' });
    expect(`${signature.stdout}${signature.stderr}`).toContain('Signature is Valid.');
    expect(signature.stdout.normalize('NFC')).toContain('Sở Giáo dục');
    expect(remoteRequests).toEqual([]);
    await Promise.all([context.close(), staff.close(), leaderContext.close()]);
  });

  it('a parent answers the demo survey with a code; the count shows for the school', async () => {
    const { context } = await localOnlyContext(browser, PHONE);
    const page = await context.newPage();
    await page.goto(`${server.url}/khao-sat`);
    await page.getByLabel('Mã khảo sát (in trên phiếu nhà trường phát)').fill('KS-DEMO-0011');
    await page.getByRole('button', { name: 'Mở phiếu' }).click();
    await page.getByText('Hoạt động dạy học').waitFor();
    await page.getByLabel('4 – Hài lòng').first().check();
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await expect.poll(() => page.getByText('Cảm ơn gia đình đã trả lời').isVisible()).toBe(true);
    // The same code again is refused.
    await page.goto(`${server.url}/khao-sat`);
    await page.getByLabel('Mã khảo sát (in trên phiếu nhà trường phát)').fill('KS-DEMO-0011');
    await page.getByRole('button', { name: 'Mở phiếu' }).click();
    await expect.poll(() => page.getByText(/mỗi mã chỉ trả lời một lần/).isVisible()).toBe(true);

    const admin = await context.newPage();
    await signInOnPage(admin, server.url, 'admin', ADMIN_PASSWORD);
    await admin.goto(`${server.url}/khao-sat-y-kien`);
    await expect.poll(() => admin.getByText(/Số phiếu: 11/).isVisible()).toBe(true);
    await context.close();
  });
});
