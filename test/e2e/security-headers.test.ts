import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, startServer, type RunningServer } from '../helpers/server.ts';
import { launchBrowser, localOnlyContext, signInOnPage } from './helpers.ts';

// Issue #11, items 11 and 14 in a real browser: the pages and /docs render
// under the Content-Security-Policy with no violation, and the change-password
// form shows why a weak password is refused.
const ADMIN_PASSWORD = 'e2e-admin-password';
const dataDir = mkdtempSync(join(tmpdir(), 'sogd-e2e-csp-'));
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(
    { DATA_DIR: dataDir, DATABASE_URL: '', SOGD_ADMIN_PASSWORD: ADMIN_PASSWORD },
    ['--demo-schools', '4', '--demo-students', '100'],
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every CSP violation any page of the context reports, from the console and the DOM event. */
async function watchViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeFunction('__reportCsp', (text: string) => violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp;
      report(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  context.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text()))
      violations.push(message.text());
  });
  return violations;
}

describe('under the Content-Security-Policy', () => {
  it('the pages and /docs render with no violation', async () => {
    const { context } = await localOnlyContext(browser, { width: 1280, height: 800 });
    const violations = await watchViolations(context);
    const page = await context.newPage();
    const first = await page.goto(`${server.url}/dang-nhap`);
    expect(first?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await signInOnPage(page, server.url, 'admin', ADMIN_PASSWORD);
    for (const path of ['/nguoi-dung', '/nhat-ky', '/truong-hoc', '/hoc-sinh', '/can-bo']) {
      await page.goto(`${server.url}${path}`);
      // Polled: on a busy machine the network can idle while the bundle is still parsed.
      await expect
        .poll(() => page.locator('.ant-layout').count(), { message: path })
        .toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
    }
    // Styles injected by AntD apply (a styled button, not a bare one).
    await page.goto(`${server.url}/nguoi-dung`);
    const button = page.getByRole('button', { name: 'Tạo tài khoản' });
    await expect.poll(() => button.isVisible()).toBe(true);
    const radius = await button.evaluate((b) => getComputedStyle(b).borderTopLeftRadius);
    expect(radius).not.toBe('0px');

    await page.goto(`${server.url}/docs`);
    await expect
      .poll(() => page.locator('.swagger-ui .info .title').first().isVisible(), { timeout: 20_000 })
      .toBe(true);
    expect(await page.locator('.opblock').count()).toBeGreaterThan(10);
    expect(violations).toEqual([]);
    await context.close();
  }, 120_000);

  it('the change-password form says in Vietnamese why a weak password is refused', async () => {
    const admin = await apiSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const roots = (await (await admin.get('/api/orgs/roots')).json()) as { id: string }[];
    const created = await admin.post('/api/users', {
      username: 'cv.matkhau',
      fullName: 'Đỗ Minh Tâm',
      role: 'department_staff',
      orgUnitId: roots[0]!.id,
    });
    const { temporaryPassword } = (await created.json()) as { temporaryPassword: string };
    const { context } = await localOnlyContext(browser, { width: 1280, height: 800 });
    const violations = await watchViolations(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill('cv.matkhau');
    await page.getByLabel('Mật khẩu').fill(temporaryPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/doi-mat-khau/);
    // The hint under the field says what a good password looks like.
    await expect
      .poll(() =>
        page
          .getByText(/ghép 3–4 từ ít gặp/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await page.getByLabel('Mật khẩu hiện tại').fill(temporaryPassword);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('password12');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('password12');
    await page.getByRole('button', { name: 'Lưu' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Mật khẩu quá dễ đoán' });
    await expect.poll(() => alert.isVisible()).toBe(true);
    expect(await alert.innerText()).toContain('mật khẩu thông dụng');
    expect(page.url()).toMatch(/doi-mat-khau/);
    expect(violations).toEqual([]);
    await context.close();
  }, 120_000);
});
