import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app/app.ts';
import { createFileStore } from '../../src/core/files/store.ts';
import type { Db } from '../../src/db/connection.ts';
import { finishPdf, newPdf } from '../../src/lib/pdf.ts';
import { signIn, type Client } from '../helpers/client.ts';
import { freshDatabase } from '../helpers/db.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../helpers/fixtures.ts';

// Issue #17: a document's files go through the HTTP routes as uploads are
// meant to (streamed to the file store, refused past 50 MB with nothing
// kept), and come back byte for byte with their checksum, within scope.
let db: Db;
let close: () => Promise<void>;
let app: App;
let clerk: Client;
let other: Client;
const filesDir = mkdtempSync(join(tmpdir(), 'sogd-office-http-'));

function multipart(bytes: Buffer, fileName: string) {
  const boundary = '----sogd-office';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}
async function post(client: Client, url: string, bytes: Buffer, fileName: string) {
  const { headers, body } = multipart(bytes, fileName);
  const r = await app.inject({
    method: 'POST',
    url,
    headers: { ...headers, cookie: client.cookie, 'x-csrf-token': client.csrfToken },
    payload: body,
  });
  return { status: r.statusCode, body: r.json<Record<string, unknown>>() };
}

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  const ids = await makeTree(db, SMALL_PROVINCE);
  await makeUser(db, ids.THA!, 'school_staff', 'vanthu.a');
  await makeUser(db, ids.THB!, 'school_staff', 'vanthu.b');
  app = await buildApp({ db, webDir: null, files: createFileStore(filesDir) });
  clerk = await signIn(app, 'vanthu.a', 'mat-khau-rat-dai-1');
  other = await signIn(app, 'vanthu.b', 'mat-khau-rat-dai-1');
});
afterAll(async () => {
  await app?.close();
  await close?.();
  rmSync(filesDir, { recursive: true, force: true });
});

describe('files of office documents over HTTP', () => {
  it('uploads a scan, downloads it with its checksum, refuses other units and big files', async () => {
    const registered = await clerk.send('POST', '/api/office/incoming', {
      senderName: 'Sở Tài chính',
      notation: '12/STC-NS',
      type: 'CV',
      date: '2026-01-02',
      subject: 'Về dự toán',
    });
    expect(registered.status).toBe(200);
    const id = (registered.body as { id: string }).id;
    const doc = newPdf({ layout: 'portrait', title: 'scan' });
    doc.text('Dự toán ngân sách');
    const pdf = await finishPdf(doc);

    const up = await post(clerk, `/api/office/incoming/${id}/files`, pdf, 'du-toan.pdf');
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ fileName: 'du-toan.pdf', size: pdf.length });
    const down = await app.inject({
      method: 'GET',
      url: `/api/office/files/${String(up.body.id)}`,
      headers: { cookie: clerk.cookie },
    });
    expect(down.statusCode).toBe(200);
    expect(down.headers['x-content-sha256']).toBe(up.body.sha256);
    expect(down.rawPayload.equals(pdf)).toBe(true);
    expect((await other.get(`/api/office/files/${String(up.body.id)}`)).status).toBe(404);
    expect((await post(other, `/api/office/incoming/${id}/files`, pdf, 'x.pdf')).status).toBe(404);

    const text = await post(clerk, `/api/office/incoming/${id}/files`, Buffer.from('abc'), 'a.pdf');
    expect(text.status).toBe(400);
    expect(String(text.body.detail)).toContain('a.pdf');

    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(50 * 1024 * 1024)]);
    const tooBig = await post(clerk, `/api/office/incoming/${id}/files`, big, 'lon.pdf');
    expect(tooBig.status).toBe(413);
    const detail = (await clerk.get(`/api/office/incoming/${id}`)).body as {
      attachments: unknown[];
    };
    expect(detail.attachments).toHaveLength(1);
  }, 120_000);

  it('serves the year register as a PDF', async () => {
    const r = await app.inject({
      method: 'GET',
      url: '/api/office/incoming/register.pdf',
      headers: { cookie: clerk.cookie },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('application/pdf');
    expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
