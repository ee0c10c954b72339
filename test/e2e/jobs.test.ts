import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../src/db/connection.ts';
import { expiredSessionsJob } from '../../src/modules/orgs/index.ts';
import { createJobQueue } from '../../src/app/job-queue.ts';
import { apiSignIn, REPO, startServer, type RunningServer } from '../helpers/server.ts';
import { launchBrowser, localOnlyContext, signInOnPage } from './helpers.ts';

const ADMIN_PASSWORD = 'e2e-admin-password';
const dataDir = mkdtempSync(join(tmpdir(), 'sogd-e2e-jobs-'));
const shots = join(REPO, 'test/e2e/screenshots');
const DATE_TIME = /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/;
let server: RunningServer;
let browser: Browser;
let waitingId: string;

beforeAll(async () => {
  // A job enqueued before the server ever ran, due tomorrow: the server finds it waiting.
  const database = await openDatabase({ dataDir });
  await migrateToLatest(database.db);
  const queue = createJobQueue(database.db);
  waitingId = (await queue.enqueue(
    expiredSessionsJob,
    {},
    { runAt: new Date(Date.now() + 86_400_000) },
  ))!;
  await queue.stop();
  await database.close();

  server = await startServer(
    { DATA_DIR: dataDir, DATABASE_URL: '', SOGD_ADMIN_PASSWORD: ADMIN_PASSWORD },
    ['--demo-schools', '2', '--demo-students', '20'],
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const row = (page: Page, id: string) => page.locator(`[data-job-id="${id}"]`);

describe('the background jobs page', () => {
  it('lists jobs, runs one now and follows it to completion (desktop)', async () => {
    const { context, remoteRequests } = await localOnlyContext(browser, {
      width: 1280,
      height: 800,
    });
    const page = await context.newPage();
    await signInOnPage(page, server.url, 'admin', ADMIN_PASSWORD);
    await page.getByRole('menuitem', { name: 'Công việc nền' }).click();
    await page.waitForURL(/\/cong-viec-nen/);

    // The job enqueued before the restart is there, waiting, with its due time.
    const waiting = row(page, waitingId);
    await expect.poll(() => waiting.innerText()).toContain('Đang chờ');
    expect(await waiting.innerText()).toMatch(DATE_TIME);
    expect(await waiting.innerText()).toContain('Hệ thống (theo lịch)');

    await page.getByRole('button', { name: /Chạy ngay: Dọn phiên đăng nhập hết hạn/ }).click();
    // The page polls while a job is due: the new one reaches "Hoàn thành" without a reload.
    const done = page.locator('tr[data-job-id]', { hasText: 'Hoàn thành' });
    await expect.poll(() => done.count(), { timeout: 30_000 }).toBe(1);
    const text = await done.innerText();
    expect(text).toContain('Phiên đã xoá: 0');
    expect(text).toContain('2/2');
    expect(text).toMatch(DATE_TIME);
    await page.screenshot({ path: join(shots, 'jobs-desktop.png') });

    // English catalogue.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByText('Background jobs').first().isVisible()).toBe(true);
    await expect.poll(() => waiting.innerText()).toContain('Waiting');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    expect(remoteRequests).toEqual([]);
    await context.close();
  });

  it('cancels the waiting job on a 390 px phone, with nothing wider than the screen', async () => {
    const { context } = await localOnlyContext(browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await signInOnPage(page, server.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${server.url}/cong-viec-nen`);
    const waiting = row(page, waitingId);
    await expect.poll(() => waiting.innerText()).toContain('Đang chờ');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(shots, 'jobs-phone.png') });

    await waiting.getByRole('button', { name: 'Huỷ việc' }).click();
    await page.getByRole('button', { name: 'Đồng ý' }).click();
    await expect.poll(() => waiting.innerText()).toContain('Đã huỷ');
    expect(await waiting.getByRole('button', { name: 'Huỷ việc' }).count()).toBe(0);

    const admin = await apiSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const job = (await (await admin.get(`/api/jobs/${waitingId}`)).json()) as { state: string };
    expect(job.state).toBe('cancelled');
    await context.close();
  });
});
