import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { onTestFailed } from 'vitest';
import { apiSignIn, REPO } from '../helpers/server.ts';

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
  const context = await browser.newContext({
    viewport: options,
    locale: 'vi-VN',
    reducedMotion: 'reduce',
  });
  const remoteRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.protocol === 'data:')
      return route.continue();
    remoteRequests.push(url.toString());
    return route.abort();
  });
  recordForFailure(context);
  return { context, remoteRequests };
}

/**
 * Keeps what the page saw (API answers of 400 and up, console errors, script
 * errors) and, if the running test fails, prints it and screenshots every open
 * page into test/e2e/screenshots: a failure in CI then says why, not only which
 * locator timed out.
 */
function recordForFailure(context: BrowserContext): void {
  const seen: string[] = [];
  const at = () => new Date().toISOString().slice(11, 23);
  context.on('response', (response) => {
    if (response.status() < 400) return;
    const request = response.request();
    void response
      .text()
      .catch(() => '')
      .then((body) =>
        seen.push(
          `${at()} ${request.method()} ${response.url()} → ${response.status()} ${body.slice(0, 300)}`,
        ),
      );
  });
  context.on('requestfailed', (request) =>
    seen.push(
      `${at()} ${request.method()} ${request.url()} failed: ${request.failure()?.errorText}`,
    ),
  );
  context.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      seen.push(`${at()} console.${message.type()}: ${message.text().slice(0, 500)}`);
  });
  context.on('weberror', (error) => seen.push(`${at()} page error: ${error.error().message}`));
  onTestFailed(async ({ task }) => {
    const dir = join(REPO, 'test/e2e/screenshots');
    mkdirSync(dir, { recursive: true });
    const slug = task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
    const shots: string[] = [];
    for (const [index, page] of context.pages().entries()) {
      const path = join(dir, `failed-${slug}-${index}.png`);
      await page.screenshot({ path, fullPage: true }).then(
        () => shots.push(`${page.url()} → ${path}`),
        (error: Error) => shots.push(`${page.url()}: no screenshot (${error.message})`),
      );
    }
    console.error(
      [`What the browser saw before "${task.name}" failed:`, ...seen, ...shots].join('\n  '),
    );
  });
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
