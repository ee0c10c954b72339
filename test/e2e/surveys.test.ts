import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, startServer, type RunningServer } from '../helpers/server.ts';
import { launchBrowser, localOnlyContext, signInOnPage } from './helpers.ts';

// Issue #19's surveys on the web: the department edits a draft form in the
// builder and opens it, closes it from the results page, and a parent with a
// code of the closed survey is told it has ended (phone width). The demo's
// two rounds show a trend and the xlsx button.
const ADMIN_PASSWORD = 'e2e-admin-password';
const dataDir = mkdtempSync(join(tmpdir(), 'sogd-e2e-surveys-'));
let server: RunningServer;
let browser: Browser;

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
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('surveys on the web', () => {
  it('edits a draft in the builder, opens it, closes it; the parent hears it has ended', async () => {
    const admin = await apiSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const me = (await (await admin.get('/api/auth/me')).json()) as {
      user: { orgUnit: { id: string } };
    };
    const created = await admin.post('/api/surveys', {
      title: 'Khảo sát thử trên web',
      schoolYear: '2026-2027',
      scopeUnitId: me.user.orgUnit.id,
      draft: true,
      sections: [
        {
          id: 'day-hoc',
          title: 'Hoạt động dạy học',
          questions: [{ id: 'q1', kind: 'scale5', text: 'Câu hỏi cũ' }],
        },
      ],
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const { context } = await localOnlyContext(browser, { width: 1280, height: 900 });
    const page = await context.newPage();
    await signInOnPage(page, server.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${server.url}/khao-sat-y-kien`);
    // The newest survey is chosen first: the draft.
    await page.getByText('Đang soạn').waitFor();
    await page.getByRole('button', { name: 'Sửa phiếu' }).click();
    const question = page.getByRole('textbox', { name: 'Câu hỏi' }).first();
    await question.fill('Thầy cô giảng bài dễ hiểu');
    await page.getByRole('button', { name: 'Lưu và mở khảo sát' }).click();
    await page.getByText('Đã lưu phiếu khảo sát.').waitFor();
    const opened = (await (await admin.get(`/api/surveys/${id}`)).json()) as {
      status: string;
      sections: { questions: { text: string }[] }[];
    };
    expect(opened.status).toBe('open');
    expect(opened.sections[0]!.questions[0]!.text).toBe('Thầy cô giảng bài dễ hiểu');

    // A code for the first demo school, then the survey is closed from the page.
    const units = (await (await admin.get('/api/orgs/search?q=Trường')).json()) as {
      id: string;
      kind: string;
    }[];
    const school = units.find((u) => u.kind === 'school');
    expect(school).toBeDefined();
    const issued = await admin.post(`/api/surveys/${id}/codes`, {
      schoolId: school!.id,
      count: 1,
    });
    expect(issued.status).toBe(201);
    const [code] = ((await issued.json()) as { codes: string[] }).codes;
    await page.getByRole('button', { name: 'Đóng khảo sát' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Đóng khảo sát' }).click();
    await page.getByText('Đã đóng khảo sát.').waitFor();
    await page.getByText('Đã đóng', { exact: true }).waitFor();

    const { context: phone } = await localOnlyContext(browser, { width: 390, height: 844 });
    const parent = await phone.newPage();
    await parent.goto(`${server.url}/khao-sat`);
    await parent.getByLabel('Mã khảo sát (in trên phiếu nhà trường phát)').fill(code!);
    await parent.getByRole('button', { name: 'Mở phiếu' }).click();
    await parent.getByText('Khảo sát đã kết thúc').waitFor();
    await expect
      .poll(() => parent.getByText(/không nhận thêm phiếu trả lời/).isVisible())
      .toBe(true);
    await Promise.all([context.close(), phone.close()]);
  });

  it('shows the demo survey’s trend over two rounds and its xlsx button', async () => {
    const { context } = await localOnlyContext(browser, { width: 1280, height: 900 });
    const page = await context.newPage();
    await signInOnPage(page, server.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${server.url}/khao-sat-y-kien`);
    const select = page.getByRole('combobox').first();
    await select.click();
    await page
      .getByText(/Khảo sát sự hài lòng của cha mẹ học sinh năm học 2026-2027/)
      .last()
      .click();
    await page.getByText('Xu hướng qua các đợt').waitFor();
    await page.getByRole('columnheader', { name: '2025-2026' }).waitFor();
    await page.getByRole('columnheader', { name: '2026-2027' }).waitFor();
    const href = await page.getByRole('link', { name: 'Xuất Excel' }).getAttribute('href');
    expect(href).toMatch(/^\/api\/surveys\/[0-9a-f-]+\/results\.xlsx$/);
    await context.close();
  });
});
