import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, startServer, type RunningServer } from '../helpers/server.ts';
import { launchBrowser, localOnlyContext, signInOnPage } from './helpers.ts';

// Issue 13 items 13 and 16: the department issues diplomas from the screen —
// from a school's graduation list (preview, untick, issue), by hand, and the
// xlsx dialog opens — on blank forms received by serial range, with a
// spoiled form recorded; dates typed dd/mm/yyyy, a day not in the calendar
// and a future issue date refused on the form.
const ADMIN_PASSWORD = 'e2e-admin-password';
const dir = mkdtempSync(join(tmpdir(), 'sogd-e2e-dipl-issue-'));
let server: RunningServer;
let browser: Browser;
let admin: Awaited<ReturnType<typeof apiSignIn>>;
let school: { id: string; code: string; name: string };

beforeAll(async () => {
  server = await startServer(
    {
      DATA_DIR: join(dir, 'data'),
      DATABASE_URL: '',
      SOGD_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SOGD_KEY_PASSPHRASE: 'e2e-key-passphrase',
    },
    ['--demo-schools', '12', '--demo-students', '600'],
  );
  admin = await apiSignIn(server.url, 'admin', ADMIN_PASSWORD);
  const units = (await (await admin.get('/api/orgs/search?q=THPT')).json()) as {
    id: string;
    code: string;
    name: string;
    kind: string;
  }[];
  school = units.find((u) => u.kind === 'school' && u.code.startsWith('THPT'))!;
  expect(school).toBeDefined();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const dialog = (page: Page, title: string) => page.getByRole('dialog', { name: title });
/** The school, typed into the open school picker and chosen. */
async function pickSchool(page: Page) {
  await page.keyboard.type(school.code);
  await page.locator('.ant-select-item-option:visible', { hasText: school.code }).click();
}
/** How far the page is wider than the screen, once the menu has folded away (it folds after the first paint). */
const noOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('issuing diplomas from the screen', () => {
  it('issues from a graduation list, by hand, and keeps the blank forms (1280 px)', async () => {
    const { context, remoteRequests } = await localOnlyContext(browser, {
      width: 1280,
      height: 900,
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signInOnPage(page, server.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${server.url}/van-bang`);

    // The demo's stock: a delivery, a spoiled form, the next form to print on.
    await page.getByRole('button', { name: 'Phôi văn bằng' }).click();
    const blanks = dialog(page, 'Phôi văn bằng');
    const stock = blanks.getByTestId('blank-stock');
    await expect.poll(() => stock.isVisible()).toBe(true);
    expect(await stock.innerText()).toMatch(/5\.000\s+0\s+1\s+4\.999\s+A0260002/);
    // A form spoiled while printing.
    await blanks.getByLabel('Số hiệu phôi hỏng').fill('a0260003');
    await blanks.getByLabel('Lý do').fill('Kẹt giấy khi in');
    await blanks.getByRole('button', { name: 'Ghi phôi hỏng' }).click();
    await expect.poll(async () => (await stock.innerText()).includes('4.998')).toBe(true);
    expect(await blanks.innerText()).toContain('Kẹt giấy khi in');
    // A second delivery overlapping the first is refused, saying which.
    await blanks.getByLabel('Số hiệu đầu').fill('A0264000');
    await blanks.getByLabel('Số hiệu cuối').fill('A0266000');
    await blanks.getByLabel('Phiếu nhập / văn bản kèm theo').fill('PX 16');
    await blanks.getByRole('button', { name: 'Nhập phôi' }).click();
    await expect
      .poll(async () => (await blanks.getByRole('alert').allInnerTexts()).join(' '))
      .toContain('trùng với dãy phôi đã nhập A0260001–A0265000');
    await page.keyboard.press('Escape');

    // From the school's graduation list: preview, untick one, issue.
    await page.getByRole('button', { name: 'Cấp theo danh sách lớp cuối cấp' }).click();
    const fromSchool = dialog(page, 'Cấp theo danh sách lớp cuối cấp');
    await fromSchool.getByLabel('Trường').click();
    await pickSchool(page);
    await fromSchool.getByRole('button', { name: 'Xem danh sách' }).click();
    const preview = fromSchool.getByTestId('graduates-preview');
    await expect.poll(() => preview.isVisible()).toBe(true);
    const rows = preview.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    const counted = /(\d+) học sinh lớp cuối cấp/.exec(await fromSchool.innerText());
    const total = Number(counted?.[1]);
    expect(total).toBeGreaterThan(1);
    const firstName = await rows.nth(0).locator('td').nth(1).innerText();
    await rows.nth(0).getByRole('checkbox').uncheck();
    await fromSchool.getByLabel('Số quyết định công nhận tốt nghiệp').fill('88/QĐ-SGDĐT');
    // A day that is not in the calendar, then a future issue date: said on the form.
    const decisionDate = fromSchool.getByLabel('Ngày quyết định');
    await decisionDate.fill('31/02/2026');
    await fromSchool.getByLabel('Người ký', { exact: true }).fill('Nguyễn Thị Thúy');
    const issueButton = fromSchool.getByRole('button', { name: /^Cấp \d+ văn bằng$/ });
    await issueButton.click();
    await expect
      .poll(() => fromSchool.innerText())
      .toContain('Ngày quyết định 31/02/2026 không có trong lịch: tháng 2/2026 có 28 ngày.');
    await decisionDate.fill('15/07/2026');
    const issueDate = fromSchool.getByLabel('Ngày cấp');
    await issueDate.fill(`01/01/${new Date().getFullYear() + 1}`);
    await issueButton.click();
    await expect.poll(() => fromSchool.innerText()).toContain('là ngày trong tương lai');
    await issueDate.fill('20072026');
    await issueDate.blur();
    expect(await issueDate.inputValue()).toBe('20/07/2026');
    expect(await issueButton.innerText()).toBe(`Cấp ${total - 1} văn bằng`);
    await issueButton.click();
    // Issued: the dialog closes at once (the register reloads behind it). Not its toast, which
    // may be gone by the time a loaded machine looks.
    await expect.poll(() => fromSchool.isVisible()).toBe(false);

    // Printed on the forms in stock, skipping the spoiled ones; the unticked student has none.
    const register = (await (
      await admin.get(`/api/diplomas?authorityId=${await rootId()}&pageSize=200`)
    ).json()) as { items: { fullName: string; serialNumber: string }[] };
    expect(register.items).toHaveLength(total - 1);
    expect(register.items.map((d) => d.serialNumber).slice(0, 2)).toEqual(['A0260002', 'A0260004']);
    expect(register.items.map((d) => d.fullName)).not.toContain(firstName);
    // Again: those issued cannot be ticked, only the one left out can.
    await page.getByRole('button', { name: 'Cấp theo danh sách lớp cuối cấp' }).click();
    await fromSchool.getByLabel('Trường').click();
    await pickSchool(page);
    await fromSchool.getByRole('button', { name: 'Xem danh sách' }).click();
    await expect.poll(() => fromSchool.innerText()).toContain(`${total - 1} đã có văn bằng`);
    expect(await fromSchool.getByRole('button', { name: /^Cấp \d+ văn bằng$/ }).innerText()).toBe(
      'Cấp 1 văn bằng',
    );
    // Escape closes an open select first, then the dialog: until it is gone.
    await expect
      .poll(async () => {
        await page.keyboard.press('Escape');
        return fromSchool.isVisible();
      })
      .toBe(false);

    // The xlsx dialog opens from its button.
    await page.getByRole('button', { name: 'Cấp từ tệp Excel' }).click();
    await expect
      .poll(() => dialog(page, 'Cấp văn bằng từ danh sách công nhận tốt nghiệp').isVisible())
      .toBe(true);
    await page.keyboard.press('Escape');

    // One by hand, empty optional fields left empty.
    await page.getByRole('button', { name: 'Cấp một văn bằng' }).click();
    const one = dialog(page, 'Cấp một văn bằng');
    // A year is written 2026, not vi-VN's 2.026; a text that is not a year is said so.
    const year = one.getByLabel('Năm tốt nghiệp');
    expect(await year.inputValue()).toBe(String(new Date().getFullYear()));
    await year.fill('20.26');
    await one.getByRole('button', { name: 'Cấp văn bằng' }).click();
    await expect
      .poll(() => one.innerText())
      .toContain('Năm tốt nghiệp phải là một năm từ 1950 đến 2100, ví dụ 2026.');
    await year.fill('2026');
    await one.getByLabel('Họ và tên').fill('Hồ Thị Mỹ Duyên');
    await one.getByLabel('Ngày sinh').fill('5/9/2008');
    await one.getByLabel('Trường').fill('Trường THPT Phan Đình Phùng');
    await one.getByLabel('Số quyết định công nhận tốt nghiệp').fill('90/QĐ-SGDĐT');
    await one.getByLabel('Ngày quyết định').fill('15/07/2026');
    await one.getByLabel('Người ký', { exact: true }).fill('Nguyễn Thị Thúy');
    await one.getByRole('button', { name: 'Cấp văn bằng' }).click();
    await expect.poll(() => one.isVisible()).toBe(false);
    await page.getByPlaceholder('Họ tên, số hiệu hoặc số vào sổ').fill('ho thi my duyen');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('05/09/2008').isVisible()).toBe(true);

    // Two certified copies from the register, the number typed in the shared NumberInput.
    await page.getByText('05/09/2008').click();
    await page.getByRole('button', { name: 'Cấp bản sao' }).click();
    const copy = dialog(page, 'Cấp bản sao từ sổ gốc');
    await copy.getByLabel('Người đề nghị').fill('Hồ Thị Mỹ Duyên');
    await copy.getByLabel('Số bản sao').fill('2,5');
    await copy.getByLabel('Lý do').fill('Nộp hồ sơ đại học');
    await copy.getByRole('button', { name: 'Lưu' }).click();
    await expect
      .poll(() => copy.innerText())
      .toContain('Số bản sao phải là số nguyên từ 1 đến 20.');
    await copy.getByLabel('Số bản sao').fill('2');
    await copy.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => copy.isVisible()).toBe(false);
    await expect.poll(() => page.getByText('In bản sao').count()).toBe(1);

    expect(pageErrors).toEqual([]);
    expect(remoteRequests).toEqual([]);
    await context.close();
  });

  it('is usable at 390 px: the buttons, the preview and the blank forms fit the screen', async () => {
    const { context } = await localOnlyContext(browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await signInOnPage(page, server.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${server.url}/van-bang`);
    await expect
      .poll(() => page.getByRole('button', { name: 'Cấp một văn bằng' }).isVisible())
      .toBe(true);
    await expect.poll(() => noOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Phôi văn bằng' }).click();
    await expect.poll(() => page.getByTestId('blank-stock').isVisible()).toBe(true);
    await expect.poll(() => noOverflow(page)).toBeLessThanOrEqual(0);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Cấp theo danh sách lớp cuối cấp' }).click();
    const fromSchool = dialog(page, 'Cấp theo danh sách lớp cuối cấp');
    await fromSchool.getByLabel('Trường').click();
    await pickSchool(page);
    await fromSchool.getByRole('button', { name: 'Xem danh sách' }).click();
    await expect.poll(() => fromSchool.getByTestId('graduates-preview').isVisible()).toBe(true);
    await expect.poll(() => noOverflow(page)).toBeLessThanOrEqual(0);
    await context.close();
  });
});

async function rootId(): Promise<string> {
  const me = (await (await admin.get('/api/auth/me')).json()) as {
    user: { orgUnit: { id: string } };
  };
  return me.user.orgUnit.id;
}
