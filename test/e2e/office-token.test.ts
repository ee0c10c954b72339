import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishPdf, newPdf } from '../../src/lib/pdf.ts';
import type { OutgoingPage } from '../../src/modules/office/contract.ts';
import { ecdsaToken } from '../helpers/signing-token.ts';
import { apiSignIn, startServer, type RunningServer } from '../helpers/server.ts';
import { launchBrowser, localOnlyContext, signInOnPage } from './helpers.ts';

// Issue #17 item 5, the page side of signing with the signer's own tool: at
// 390 px a leader prepares a PDF, the token (played by the test with its own
// P-256 key, its CA added as a trusted root) signs the digest the page shows,
// the leader submits the .p7s, and the stored PDF is valid for poppler's pdfsig.
const ADMIN_PASSWORD = 'e2e-admin-password';
const dataDir = mkdtempSync(join(tmpdir(), 'sogd-e2e-office-token-'));
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
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

describe('signing with a USB token from the page', () => {
  it('prepares, takes the CMS of the shown digest, and stores a PDF pdfsig finds valid', async () => {
    const admin = await apiSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const { token, caPem } = await ecdsaToken();
    const trusted = await admin.post('/api/office/settings/trusted-roots', { certificate: caPem });
    expect(trusted.status).toBe(200);
    const list = (await (await admin.get('/api/office/outgoing')).json()) as OutgoingPage;
    const unsigned = list.items.find((d) => !d.signed && d.status !== 'withdrawn');
    expect(unsigned, 'the demo has an unsigned outgoing document').toBeDefined();

    const { context, remoteRequests } = await localOnlyContext(browser, {
      width: 390,
      height: 844,
    });
    const page = await context.newPage();
    await signInOnPage(page, server.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${server.url}/van-ban`);
    await page.getByRole('tab', { name: 'Văn bản đi' }).click();
    await page.getByText(unsigned!.notation, { exact: true }).first().click();
    await page.getByRole('button', { name: 'Ký bằng USB token / dịch vụ ký số' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ký bằng USB token / dịch vụ ký số' });
    const pdf = newPdf({ layout: 'portrait', title: 'Công văn' });
    pdf.text('Công văn gửi các trường.');
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'cong-van.pdf',
      mimeType: 'application/pdf',
      buffer: await finishPdf(pdf),
    });
    const shown = dialog.getByTestId('token-digest');
    await shown.waitFor();
    const digest = Buffer.from((await shown.innerText()).trim(), 'base64');
    expect(digest).toHaveLength(32);

    // A file that is no CMS is refused on the page, nothing sent.
    await dialog
      .getByPlaceholder('Hoặc dán chữ ký CMS (base64 hoặc PEM)')
      .fill('không phải chữ ký');
    await dialog.getByRole('button', { name: 'Nộp chữ ký đã dán' }).click();
    await dialog.getByText('Tệp không phải chữ ký CMS').waitFor();

    const signed = await token.sign({
      digestAlgorithm: 'SHA-256',
      digest,
      signingTime: new Date(),
    });
    if (!('cms' in signed)) throw new Error('the test token answers a CMS');
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'chu-ky.p7s',
      mimeType: 'application/pkcs7-signature',
      buffer: signed.cms,
    });
    await page.getByRole('link', { name: /Tải bản đã ký/ }).waitFor();
    const noWiderThanScreen = await page.evaluate(
      () => document.documentElement.scrollWidth <= window.innerWidth + 1,
    );
    expect(noWiderThanScreen).toBe(true);
    expect(remoteRequests).toEqual([]);

    const stored = await admin.get(`/api/office/outgoing/${unsigned!.id}/signed.pdf`);
    expect(stored.status).toBe(200);
    const file = join(dataDir, 'signed.pdf');
    writeFileSync(file, Buffer.from(await stored.arrayBuffer()));
    const check = spawnSync('/usr/bin/pdfsig', [file], { encoding: 'utf8' });
    expect(`${check.stdout}${check.stderr}`).toContain('Signature is Valid');
    expect(check.stdout).toContain('Trần Thị Bình');
    await context.close();
  });
});
