import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, startServer, type RunningServer } from '../helpers/server.ts';
import { createClerk, launchBrowser, localOnlyContext, signInOnPage } from './helpers.ts';
import { schoolYearOf } from '../../src/modules/registry/contract.ts';

/** Issue #11, item 9: a class edit form saved after someone else's change. */

const ADMIN_PASSWORD = 'e2e-admin-password';
const CLERK = { username: 'vanthu.lop', password: 'Lop-hoc-sang-2026' };
const dir = mkdtempSync(join(tmpdir(), 'sogd-e2e-versions-'));
let server: RunningServer;
let browser: Browser;
let schoolId: string;
const YEAR = schoolYearOf();

interface ClassRow {
  id: string;
  name: string;
  sessionsPerDay: number;
  version: number;
}

/** A PATCH as another person's browser would send it (apiSignIn has no PATCH). */
async function patchAs(username: string, password: string, path: string, body: unknown) {
  const signIn = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  return fetch(`${server.url}${path}`, {
    method: 'PATCH',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  server = await startServer(
    { DATA_DIR: join(dir, 'data'), DATABASE_URL: '', SOGD_ADMIN_PASSWORD: ADMIN_PASSWORD },
    ['--demo-schools', '4', '--demo-students', '100'],
  );
  const admin = await apiSignIn(server.url, 'admin', ADMIN_PASSWORD);
  const units = (await (await admin.get('/api/orgs/search?q=truong')).json()) as {
    id: string;
    kind: string;
  }[];
  schoolId = units.find((u) => u.kind === 'school')!.id;
  await createClerk(server.url, admin, {
    username: CLERK.username,
    fullName: 'Văn thư Trường',
    orgUnitId: schoolId,
    password: CLERK.password,
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a class edited in two places at once', () => {
  it('refuses the stale save with a message, reloads the class, then saves', async () => {
    const admin = await apiSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const classesUrl = `/api/registry/schools/${schoolId}/classes?year=${YEAR}`;
    const classes = (await (await admin.get(classesUrl)).json()) as ClassRow[];
    const target = classes.find((c) => c.sessionsPerDay === 1) ?? classes[0]!;

    const { context, remoteRequests } = await localOnlyContext(browser, {
      width: 1280,
      height: 900,
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signInOnPage(page, server.url, CLERK.username, CLERK.password);
    await page.goto(`${server.url}/truong-hoc`);
    await page.getByRole('tab', { name: 'Lớp' }).click();
    await page.getByRole('button', { name: `Sửa lớp ${target.name}`, exact: true }).click();
    const name = page.getByLabel('Tên lớp');
    await expect.poll(() => name.inputValue()).toBe(target.name);

    // Behind the form's back, someone else changes the class's sessions per day.
    const other = await patchAs(
      CLERK.username,
      CLERK.password,
      `/api/registry/classes/${target.id}`,
      { sessionsPerDay: target.sessionsPerDay === 1 ? 2 : 1 },
    );
    expect(other.status).toBe(200);

    await name.fill(`${target.name}X`);
    await page.getByRole('button', { name: 'Lưu' }).click();
    const notice = page.getByTestId('stale-notice');
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toContain('Bản ghi đã được người khác sửa sau khi bạn mở');
    // Nothing was saved: the other change is there, the name is not changed.
    const afterStale = ((await (await admin.get(classesUrl)).json()) as ClassRow[]).find(
      (c) => c.id === target.id,
    )!;
    expect(afterStale.name).toBe(target.name);
    expect(afterStale.version).toBe(target.version + 1);

    // "Tải lại" puts the latest version in the form; a save from it goes through.
    await notice.getByRole('button', { name: 'Tải lại' }).click();
    await expect.poll(() => notice.isVisible()).toBe(false);
    await expect.poll(() => name.inputValue()).toBe(target.name);
    const sessions = afterStale.sessionsPerDay === 2 ? '2 buổi/ngày' : '1 buổi/ngày';
    // The other person's change now shows in the form.
    await expect
      .poll(() => page.locator('.ant-modal').getByText(sessions, { exact: true }).isVisible())
      .toBe(true);
    await name.fill(`${target.name}X`);
    await page.getByRole('button', { name: 'Lưu' }).click();
    // Saved: the dialog closes (not its toast, which may be gone by the time a loaded machine looks).
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(false);
    const saved = ((await (await admin.get(classesUrl)).json()) as ClassRow[]).find(
      (c) => c.id === target.id,
    )!;
    expect(saved).toMatchObject({
      name: `${target.name}X`,
      sessionsPerDay: afterStale.sessionsPerDay,
      version: target.version + 2,
    });

    expect(remoteRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
