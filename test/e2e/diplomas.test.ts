import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, REPO, startServer, type RunningServer } from '../helpers/server.ts';
import { launchBrowser, localOnlyContext } from './helpers.ts';

const ADMIN_PASSWORD = 'e2e-admin-password';
const dataDir = mkdtempSync(join(tmpdir(), 'sogd-e2e-dipl-'));
let server: RunningServer;
let browser: Browser;
let admin: Awaited<ReturnType<typeof apiSignIn>>;

beforeAll(async () => {
  server = await startServer(
    {
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SOGD_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SOGD_KEY_PASSPHRASE: 'e2e-key-passphrase',
    },
    ['--demo-schools', '6', '--demo-students', '200'],
  );
  admin = await apiSignIn(server.url, 'admin', ADMIN_PASSWORD);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a diploma, from issue to public lookup and offline verification', () => {
  it('is found publicly, verifies with the network off, and shows revoked once revoked', async () => {
    const me = (await (await admin.get('/api/auth/me')).json()) as {
      user: { orgUnit: { id: string } };
    };
    const issuedResponse = await admin.post('/api/diplomas/issue', {
      authorityId: me.user.orgUnit.id,
      diplomaType: 'upper_secondary',
      issueDate: '2026-07-20',
      signerName: 'Nguyễn Thị Thúy',
      signerTitle: 'Giám đốc',
      entries: [
        {
          fullName: 'Võ Thị Diệu Linh',
          birthDate: '2008-12-24',
          gender: 'female',
          schoolName: 'Trường THPT Hàm Nghi',
          graduationYear: 2026,
          decisionNumber: '1234/QĐ-SGDĐT',
          decisionDate: '2026-07-15',
        },
      ],
    });
    expect(issuedResponse.status).toBe(201);
    const [issued] = (await issuedResponse.json()) as { id: string; serialNumber: string }[];
    const detail = (await (await admin.get(`/api/diplomas/${issued!.id}`)).json()) as {
      qr: string;
    };

    const { context, remoteRequests } = await localOnlyContext(browser, {
      width: 390,
      height: 844,
    });
    const page = await context.newPage();
    // Public lookup, name typed without diacritics.
    await page.goto(`${server.url}/tra-cuu-van-bang`);
    // The serial typed in small letters (issue 13 item 15).
    await page.getByLabel('Số hiệu văn bằng').fill(issued!.serialNumber.toLowerCase());
    await page.getByLabel('Họ và tên').fill('vo thi dieu linh');
    // A malformed date, then a day not in the calendar, are each said for what they are.
    const birth = page.getByLabel('Ngày sinh (dd/mm/yyyy)');
    await birth.fill('24/12');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect
      .poll(() => page.getByText('không đúng dạng: cần dd/mm/yyyy').isVisible())
      .toBe(true);
    await birth.fill('31/02/2008');
    await expect
      .poll(() => page.getByText('Ngày sinh 31/02/2008 không có trong lịch').isVisible())
      .toBe(true);
    await birth.fill('24/12/2008');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    const found = page.getByTestId('lookup-result');
    await expect.poll(() => found.isVisible()).toBe(true);
    expect(await found.innerText()).toContain('Hợp lệ');
    expect(await found.innerText()).toContain('Võ Thị Diệu Linh');

    // The verify page caches the keys (and, through the service worker, the
    // page itself) while online; then the network goes away and it reloads.
    await page.goto(`${server.url}/xac-minh`);
    await expect.poll(() => page.getByText('1 khoá của Sở đã lưu').isVisible()).toBe(true);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
      .toBe(true);
    await expect.poll(() => page.getByText('1 khoá của Sở đã lưu').isVisible()).toBe(true);
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.getByLabel('Nội dung mã QR').isVisible()).toBe(true);
    await page.getByLabel('Nội dung mã QR').fill(detail.qr);
    await page.getByRole('button', { name: 'Xác minh' }).click();
    const result = page.getByTestId('verify-result');
    await expect.poll(() => result.isVisible()).toBe(true);
    expect(await result.innerText()).toContain('HỢP LỆ');
    expect(await result.innerText()).toContain('không có mạng');
    // Written vi-VN, a decimal comma: "2,4 ms".
    const msText = /Thời gian kiểm tra chữ ký: ([\d.,]+) ms/.exec(await result.innerText())![1]!;
    const ms = Number(msText.replace(/\./g, '').replace(',', '.'));
    // The time is shown, not held to a figure here: speed is for bench/, and a
    // loaded CI machine took 99 ms where a quiet one takes a few.
    expect(ms).toBeGreaterThan(0);
    await page.screenshot({ path: join(REPO, 'test/e2e/screenshots/verify-offline-phone.png') });

    // A tampered code is caught offline too.
    const tampered = detail.qr.slice(0, -3) + (detail.qr.endsWith('AAA') ? 'BBB' : 'AAA');
    await page.getByLabel('Nội dung mã QR').fill(tampered);
    await page.getByRole('button', { name: 'Xác minh' }).click();
    await expect
      .poll(async () => (await result.innerText()).includes('HỢP LỆ') === false)
      .toBe(true);
    // One character changed in the middle: the Vietnamese "tampered" result, not the
    // browser's "Failed to fetch" (issue 13 item 15).
    const middle = Math.floor(detail.qr.length / 2);
    const swapped = detail.qr[middle] === '5' ? '6' : '5';
    await page
      .getByLabel('Nội dung mã QR')
      .fill(detail.qr.slice(0, middle) + swapped + detail.qr.slice(middle + 1));
    await page.getByRole('button', { name: 'Xác minh' }).click();
    await expect
      .poll(async () => (await result.innerText()).includes('BỊ SỬA ĐỔI / GIẢ MẠO'))
      .toBe(true);
    expect(await result.innerText()).toContain('đã bị sửa đổi hoặc hư hỏng');
    expect(await result.innerText()).not.toContain('Failed to fetch');

    // Revoked in the back office; online again, the page says so.
    await context.setOffline(false);
    const revoke = await admin.post(`/api/diplomas/${issued!.id}/revoke`, {
      decisionNumber: '9/QĐ-SGDĐT',
      decisionDate: '2026-10-01',
      reason: 'Sai sót hồ sơ',
    });
    expect(revoke.status).toBe(200);
    await page.getByLabel('Nội dung mã QR').fill(detail.qr);
    await page.getByRole('button', { name: 'Xác minh' }).click();
    await expect.poll(async () => (await result.innerText()).includes('ĐÃ BỊ THU HỒI')).toBe(true);

    // In English (issue 13 item 17): the verify page's own button, then the lookup page
    // (the choice is kept), headings, labels and the verdict in English.
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByText('Verify a diploma by its QR code').isVisible())
      .toBe(true);
    await expect.poll(() => page.getByText('Department keys stored: 1').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await expect.poll(async () => (await result.innerText()).includes('REVOKED')).toBe(true);
    expect(await result.innerText()).toContain('Upper secondary graduation diploma');
    await page.goto(`${server.url}/tra-cuu-van-bang`);
    await expect.poll(() => page.getByText('Look up a graduation diploma').isVisible()).toBe(true);
    await page.getByLabel('Diploma serial number').fill(issued!.serialNumber);
    await page.getByLabel('Full name').fill('Võ Thị Diệu Linh');
    await page.getByLabel('Date of birth (dd/mm/yyyy)').fill('24/12/2008');
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect.poll(() => found.isVisible()).toBe(true);
    expect(await found.innerText()).toContain('Revoked');
    expect(await found.innerText()).toContain('Graduation year');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await expect.poll(() => page.getByText('Tra cứu văn bằng tốt nghiệp').isVisible()).toBe(true);
    expect(remoteRequests).toEqual([]);
    await context.close();
  });
});
