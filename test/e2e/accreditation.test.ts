import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign, CycleDetail } from '../../src/modules/accreditation/contract.ts';
import { apiSignIn, startServer, type RunningServer } from '../helpers/server.ts';
import { launchBrowser, localOnlyContext, signInOnPage } from './helpers.ts';

// Issue #18's browser test: a school's council member rates a criterion citing
// an evidence file uploaded on the page, the school submits, the department
// returns it with a comment; the school reads it at 390 px.
const ADMIN_PASSWORD = 'e2e-admin-password';
const PRINCIPAL_PASSWORD = 'hieu-truong-mat-khau-rat-dai-9';
const dataDir = mkdtempSync(join(tmpdir(), 'sogd-e2e-accreditation-'));
const evidencePdf = join(dataDir, 'bien-ban-phong-hoc.pdf');
let server: RunningServer;
let browser: Browser;
let cycleId: string;
/** The first requirement of the set's first criterion (its analysis sheet is filled on the page). */
let firstRequirement: string;

/** A JSON client that also PUTs (the ratings route). */
async function client(url: string, username: string, password: string) {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  const send = async <T>(method: string, path: string, body: unknown): Promise<T> => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    post: <T>(p: string, b: unknown) => send<T>('POST', p, b),
    put: <T>(p: string, b: unknown) => send<T>('PUT', p, b),
  };
}

beforeAll(async () => {
  server = await startServer(
    { DATA_DIR: dataDir, DATABASE_URL: '', SOGD_ADMIN_PASSWORD: ADMIN_PASSWORD },
    ['--demo-schools', '2', '--demo-students', '20'],
  );
  browser = await launchBrowser();
  writeFileSync(evidencePdf, '%PDF-1.4\n% Biên bản kiểm tra phòng học\n%%EOF\n');
  const admin = await apiSignIn(server.url, 'admin', ADMIN_PASSWORD);
  const found = (await (await admin.get('/api/orgs/search?q=Trường')).json()) as {
    id: string;
    kind: string;
  }[];
  const school = found.find((u) => u.kind === 'school')!;
  const created = await admin.post('/api/users', {
    username: 'hieutruong.kd',
    fullName: 'Hiệu Trưởng Kiểm Định',
    role: 'school_admin',
    orgUnitId: school.id,
  });
  const answer = (await created.json()) as { temporaryPassword?: string };
  if (!answer.temporaryPassword) throw new Error(`account: ${JSON.stringify(answer)}`);
  const { temporaryPassword } = answer;
  const first = await apiSignIn(server.url, 'hieutruong.kd', temporaryPassword);
  await first.post('/api/auth/password', {
    currentPassword: temporaryPassword,
    newPassword: PRINCIPAL_PASSWORD,
  });

  // The department opens a campaign (a set for every level); the school rates
  // everything but criterion 3.2 over the API, so the page has one left to do.
  const dept = await client(server.url, 'admin', ADMIN_PASSWORD);
  const campaign = await dept.post<Campaign>('/api/accreditation/campaigns', {
    name: 'Đợt thử trình duyệt',
    setId: 'tt57-2026',
    schoolYear: '2026-2027',
  });
  const principal = await client(server.url, 'hieutruong.kd', PRINCIPAL_PASSWORD);
  const cycle = await principal.post<CycleDetail>('/api/accreditation/cycles', {
    campaignId: campaign.id,
    schoolId: school.id,
  });
  cycleId = cycle.id;
  firstRequirement = cycle.standards[0]!.criteria[0]!.requirements[0]!.code;
  const link = await principal.post<{ code: string }>(
    `/api/accreditation/cycles/${cycleId}/evidence/links`,
    {
      title: 'Kế hoạch năm học',
      criterionCode: '1.1',
      url: 'https://example.vn/ke-hoach',
    },
  );
  for (const s of cycle.standards)
    for (const c of s.criteria)
      for (const r of c.requirements)
        if (c.code !== '3.2')
          await principal.put(`/api/accreditation/cycles/${cycleId}/ratings`, {
            requirementCode: r.code,
            met: true,
            justification: `Đạt ${link.code}`,
          });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('accreditation in the browser', () => {
  it('rate citing an uploaded file, submit, return with a comment; read at 390 px', async () => {
    const { context, remoteRequests } = await localOnlyContext(browser, {
      width: 1280,
      height: 900,
    });
    const page = await context.newPage();
    await signInOnPage(page, server.url, 'hieutruong.kd', PRINCIPAL_PASSWORD);
    await page.getByRole('menuitem', { name: 'Kiểm định, chuẩn quốc gia' }).click();
    await page
      .locator('.ant-card', { hasText: 'Đợt thử trình duyệt' })
      .getByRole('button', { name: 'Mở hồ sơ tự đánh giá của trường' })
      .click();
    await page.waitForURL(/\/kiem-dinh\/ho-so\//);
    // Criterion 3.2 is not rated: Mức 1 fails on it (a mandatory criterion).
    await expect.poll(() => page.getByText('tiêu chí 3.2 chưa đạt Mức 1').isVisible()).toBe(true);

    // Upload the evidence file for criterion 3.2.
    await page.getByLabel('Tên minh chứng').fill('Biên bản kiểm tra phòng học');
    await page.getByLabel('Tiêu chí chính').click();
    await page.keyboard.type('3.2');
    await page.locator('.ant-select-item-option', { hasText: '3.2' }).first().click();
    await page.getByLabel('Tệp (tối đa 50 MB)').setInputFiles(evidencePdf);
    await page.getByRole('button', { name: 'Tải lên' }).click();
    await expect
      .poll(() => page.getByRole('cell', { name: '[H3.3.02.01]' }).isVisible())
      .toBe(true);

    // Rate both levels of 3.2, citing it.
    await page.getByRole('button', { name: /Tiêu chuẩn 3/ }).click();
    for (const level of [1, 2]) {
      const code = `3.2.M${level}.a`;
      await page.getByLabel(`Đạt ${code}`).getByText('Đạt', { exact: true }).click();
      await page
        .getByLabel(`Lý giải (ghi mã minh chứng, ví dụ [H1.1.01.01]) ${code}`)
        .fill('Đủ phòng học kiên cố [H3.3.02.01].');
      await Promise.all([
        page.waitForResponse(
          (r) => r.url().endsWith('/ratings') && r.request().method() === 'PUT' && r.ok(),
        ),
        page.getByRole('button', { name: `Lưu đánh giá ${code}` }).click(),
      ]);
    }
    // The level is recomputed at once.
    await expect
      .poll(() => page.getByText('Mức đạt (tính theo đánh giá): Đạt Mức 2').isVisible())
      .toBe(true);
    await expect
      .poll(() => page.getByText('Minh chứng: [H3.3.02.01]').first().isVisible())
      .toBe(true);

    // The school submits.
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /OK|Đồng ý/ })
      .click();
    await expect.poll(() => page.getByText('Đã nộp', { exact: true }).isVisible()).toBe(true);

    // The department sees it submitted and returns it with a comment.
    const dept = await context.browser()!.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'vi-VN',
      reducedMotion: 'reduce',
    });
    const deptPage = await dept.newPage();
    await signInOnPage(deptPage, server.url, 'admin', ADMIN_PASSWORD);
    await deptPage.goto(`${server.url}/kiem-dinh`);
    const card = deptPage.locator('.ant-card', { hasText: 'Đợt thử trình duyệt' });
    await expect.poll(() => card.getByText('Đã nộp: 1').isVisible()).toBe(true);
    await card.getByRole('button', { name: 'Mở hồ sơ' }).click();
    await deptPage.waitForURL(/\/kiem-dinh\/ho-so\//);
    await deptPage.getByLabel('Nhận xét').fill('Tiêu chí 3.2: bổ sung biên bản kiểm kê tài sản.');
    await deptPage.getByRole('button', { name: 'Trả lại' }).click();
    await expect.poll(() => deptPage.getByText('Trả lại để hoàn thiện').isVisible()).toBe(true);
    await dept.close();

    // At 390 px the school reads the comment and can edit again; nothing overflows.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect.poll(() => page.getByText('Trả lại để hoàn thiện').isVisible()).toBe(true);
    await expect
      .poll(() => page.getByText(/bổ sung biên bản kiểm kê tài sản/).isVisible())
      .toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Nộp hồ sơ' }).isVisible()).toBe(true);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(remoteRequests).toEqual([]);
    await context.close();
  }, 240_000);

  it("at 390 px: a stale save of a criterion's text is refused and kept, the history shows both, a comment is resolved", async () => {
    const { context, remoteRequests } = await localOnlyContext(browser, {
      width: 390,
      height: 844,
    });
    const page = await context.newPage();
    await signInOnPage(page, server.url, 'hieutruong.kd', PRINCIPAL_PASSWORD);
    await page.goto(`${server.url}/kiem-dinh/ho-so/${cycleId}`);
    await page.getByRole('button', { name: /Tiêu chuẩn 1:/ }).click();
    await page.getByRole('button', { name: /Báo cáo tiêu chí 1\.1/ }).click();
    const description = page.getByLabel('Mô tả hiện trạng');
    await expect.poll(() => description.isVisible()).toBe(true);

    // Another council member saves the text after this page loaded it.
    const other = await client(server.url, 'hieutruong.kd', PRINCIPAL_PASSWORD);
    await other.put(`/api/accreditation/cycles/${cycleId}/texts`, {
      criterionCode: '1.1',
      description: 'Bản của thành viên khác.',
      strengths: '',
      weaknesses: '',
      improvementPlan: '',
      version: 0,
    });
    await description.fill('Bản viết trên trang.');
    await page.getByRole('button', { name: 'Lưu báo cáo tiêu chí' }).click();
    const stale = page.getByTestId('text-stale');
    await expect.poll(() => stale.isVisible()).toBe(true);
    await expect
      .poll(() =>
        stale
          .getByText(/phiên bản 1 do/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    // What the member wrote is still there; they save it as the next version.
    expect(await description.inputValue()).toBe('Bản viết trên trang.');
    const saveMine = stale.getByRole('button', { name: 'Lưu bản của tôi thành phiên bản mới' });
    await expect.poll(() => saveMine.isEnabled()).toBe(true);
    await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/texts') && r.request().method() === 'PUT' && r.ok(),
      ),
      saveMine.click(),
    ]);
    await expect.poll(() => stale.isVisible()).toBe(false);

    // The history lists both saves; the earlier one reads as it was.
    await page.getByRole('button', { name: 'Lịch sử phiên bản' }).click();
    const dialog = page.getByRole('dialog');
    await expect
      .poll(() => dialog.getByText('Phiên bản 2', { exact: true }).isVisible())
      .toBe(true);
    await expect
      .poll(() => dialog.getByText('Phiên bản 1', { exact: true }).isVisible())
      .toBe(true);
    await dialog.getByRole('button', { name: 'Xem' }).last().click();
    await expect.poll(() => dialog.getByText('Bản của thành viên khác.').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);

    // A comment thread, then resolved.
    const comments = page.getByTestId('comments-1.1');
    await comments.getByLabel('Góp ý mới').fill('Cần dẫn mã minh chứng [H1.1.01.01].');
    await comments.getByRole('button', { name: 'Gửi góp ý' }).click();
    const thread = comments.getByTestId('comment-thread');
    await expect.poll(() => thread.getByText('Đang mở').isVisible()).toBe(true);
    await thread.getByRole('button', { name: 'Đánh dấu đã xử lý' }).click();
    await expect.poll(() => thread.getByText('Đã xử lý', { exact: true }).isVisible()).toBe(true);

    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(remoteRequests).toEqual([]);
    await context.close();
  }, 240_000);
  it("at 390 px: fills one requirement's analysis sheet (evidence from the list, a collector), saves, reloads and sees it; a stale save is kept", async () => {
    const principal = await client(server.url, 'hieutruong.kd', PRINCIPAL_PASSWORD);
    await principal.post(`/api/accreditation/cycles/${cycleId}/members`, {
      fullName: 'Trần Thị Thu Thập',
      role: 'secretary',
      criteria: ['1.1'],
    });
    const { context, remoteRequests } = await localOnlyContext(browser, {
      width: 390,
      height: 844,
    });
    const page = await context.newPage();
    await signInOnPage(page, server.url, 'hieutruong.kd', PRINCIPAL_PASSWORD);
    const open = async () => {
      await page.getByRole('button', { name: /Tiêu chuẩn 1:/ }).click();
      await page.getByRole('button', { name: /Phiếu xác định nội hàm tiêu chí 1\.1 / }).click();
    };
    await page.goto(`${server.url}/kiem-dinh/ho-so/${cycleId}`);
    await open();
    const row = page.getByTestId(`analysis-row-${firstRequirement}`);
    const meaning = row.getByLabel('Nội hàm (nội dung cần xem xét)');
    await expect.poll(() => meaning.isVisible()).toBe(true);
    await meaning.fill('Nhà trường có kế hoạch năm học được phê duyệt và công khai.');
    await row.getByLabel('Câu hỏi đặt ra').fill('Kế hoạch đã được phê duyệt chưa?');
    await row
      .getByLabel('Minh chứng cần có', { exact: true })
      .fill('Quyết định phê duyệt kế hoạch.');
    await row.getByLabel('Minh chứng trong danh mục của hồ sơ').click();
    await page.keyboard.type('Kế hoạch năm học');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await row.getByLabel('Nơi thu thập').fill('Văn phòng trường');
    await row.getByLabel('Người thu thập').click();
    await page.keyboard.type('Thu Thập');
    await page.keyboard.press('Enter');
    await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/analysis') && r.request().method() === 'PUT' && r.ok(),
      ),
      row.getByRole('button', { name: 'Lưu phiếu' }).click(),
    ]);
    await expect
      .poll(() => row.getByTestId('analysis-version').textContent())
      .toMatch(/^Phiên bản 1, /);

    // Reloaded, the page shows what was saved.
    await page.reload();
    await open();
    await expect.poll(() => meaning.isVisible()).toBe(true);
    expect(await meaning.inputValue()).toBe(
      'Nhà trường có kế hoạch năm học được phê duyệt và công khai.',
    );
    expect(await row.getByLabel('Nơi thu thập').inputValue()).toBe('Văn phòng trường');
    await expect
      .poll(() =>
        row
          .getByText(/Kế hoạch năm học/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await expect.poll(() => row.getByText('Trần Thị Thu Thập').isVisible()).toBe(true);

    // Someone saves the row after this page loaded it: the page's save is refused,
    // names who saved, and keeps what was typed.
    await principal.put(`/api/accreditation/cycles/${cycleId}/analysis`, {
      requirementCode: firstRequirement,
      meaning: 'Bản của thành viên khác.',
      questions: '',
      evidenceNeeded: '',
      sources: '',
      version: 1,
    });
    await meaning.fill('Bản sửa trên trang.');
    await row.getByRole('button', { name: 'Lưu phiếu' }).click();
    const stale = row.getByTestId('analysis-stale');
    await expect.poll(() => stale.isVisible()).toBe(true);
    await expect
      .poll(() =>
        stale
          .getByText(/phiên bản 2 do .*hieutruong\.kd/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    expect(await meaning.inputValue()).toBe('Bản sửa trên trang.');

    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(remoteRequests).toEqual([]);
    await context.close();
  }, 240_000);
});
