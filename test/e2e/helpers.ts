import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { apiSignIn } from '../helpers/server.ts';

/** Debian's chromium, never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A context in which any request off this machine fails the test: no CDN, no remote fonts. */
export async function localOnlyContext(
  browser: Browser,
  options: { width: number; height: number },
): Promise<{ context: BrowserContext; remoteRequests: string[] }> {
  const context = await browser.newContext({ viewport: options, locale: 'vi-VN' });
  const remoteRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.protocol === 'data:')
      return route.continue();
    remoteRequests.push(url.toString());
    return route.abort();
  });
  return { context, remoteRequests };
}

/** A school clerk made by an admin over the API, their own password already set. */
export async function createClerk(
  url: string,
  admin: Awaited<ReturnType<typeof apiSignIn>>,
  account: { username: string; fullName: string; orgUnitId: string; password: string },
): Promise<void> {
  const created = await admin.post('/api/users', {
    username: account.username,
    fullName: account.fullName,
    role: 'school_staff',
    orgUnitId: account.orgUnitId,
  });
  const { temporaryPassword } = (await created.json()) as { temporaryPassword: string };
  const first = await apiSignIn(url, account.username, temporaryPassword);
  await first.post('/api/auth/password', {
    currentPassword: temporaryPassword,
    newPassword: account.password,
  });
}

/** Signs in on the page as a person would, and waits for the first page. */
export async function signInOnPage(
  page: Page,
  url: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${url}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/don-vi\//);
}
