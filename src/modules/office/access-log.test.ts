import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app/app.ts';
import { createFileStore, type FileStore } from '../../core/files/store.ts';
import type { Db } from '../../db/connection.ts';
import { finishPdf, newPdf } from '../../lib/pdf.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { signIn, type Client } from '../../../test/helpers/client.ts';
import { makeTree, makeUser, scopeAt, SMALL_PROVINCE } from '../../../test/helpers/fixtures.ts';
import { attachFile } from './attach-file.ts';
import { signComposedOutgoing } from './sign-composed.ts';
import type { AccessLog } from './contract.ts';

// The access log of a document (Decree 30/2020 Annex VI) over HTTP, as the page reads it.
const PASSWORD = 'mat-khau-rat-dai-1';
let db: Db;
let close: () => Promise<void>;
let app: App;
let files: FileStore;
let ids: Record<string, string>;
const filesDir = mkdtempSync(join(tmpdir(), 'sogd-access-log-'));
const as: Record<string, Client> = {};
/** The actor's name as the audit log keeps it: full name and user name. */
const who = (u: string) => `Người dùng ${u} (${u})`;

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  files = createFileStore(filesDir);
  for (const [unit, role, name] of [
    ['SGD', 'department_admin', 'giamdoc.sgd'],
    ['SGD', 'office_staff', 'vanthu.sgd'],
    ['SGD', 'auditor', 'thanhtra.sgd'],
    ['THA', 'school_staff', 'vanthu.a'],
    ['THA', 'school_admin', 'hieutruong.a'],
    ['THA', 'teacher', 'giaovien.a'],
    ['THB', 'school_staff', 'vanthu.b'],
  ] as const)
    await makeUser(db, ids[unit]!, role, name);
  app = await buildApp({ db, webDir: null, files });
  for (const name of [
    'giamdoc.sgd',
    'vanthu.sgd',
    'thanhtra.sgd',
    'vanthu.a',
    'hieutruong.a',
    'giaovien.a',
    'vanthu.b',
  ])
    as[name] = await signIn(app, name, PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await close?.();
  rmSync(filesDir, { recursive: true, force: true });
});

describe('access log of a document (Annex VI)', () => {
  let outgoingId: string;
  let copyId: string;
  let fileId: string;

  it('records who opened a document and downloaded its files, newest first, for the clerk and the leader', async () => {
    const settings = await app.inject({
      method: 'PUT',
      url: '/api/office/settings',
      headers: { cookie: as['giamdoc.sgd']!.cookie, 'x-csrf-token': as['giamdoc.sgd']!.csrfToken },
      payload: { abbreviation: 'SGDĐT', divisions: ['VP'] },
    });
    expect(settings.statusCode).toBe(200);
    const registered = await as['vanthu.sgd']!.send('POST', '/api/office/outgoing', {
      type: 'CV',
      subject: 'Về việc báo cáo số liệu đầu năm học',
      draftingUnit: 'VP',
      recipientIds: [ids.THA!],
    });
    expect(registered.status).toBe(200);
    outgoingId = (registered.body as { id: string }).id;
    const doc = newPdf({ layout: 'portrait', title: 'Công văn' });
    doc.fontSize(12).text('Đề nghị các trường báo cáo số liệu.');
    const pdf = await finishPdf(doc);
    const clerk = await scopeAt(db, ids.SGD!, 'office_staff');
    const row = await attachFile(
      db,
      clerk,
      files,
      { kind: 'outgoing', id: outgoingId },
      async () => ({
        ...(await files.put(pdf, { maxBytes: 50 * 1024 * 1024 })),
        fileName: 'cong-van.pdf',
        fields: {},
      }),
    );
    fileId = row.id;

    // The department's clerk opens the document; the school's teacher opens the copy and downloads.
    expect((await as['vanthu.sgd']!.get(`/api/office/outgoing/${outgoingId}`)).status).toBe(200);
    const copies = await db
      .selectFrom('office_incoming')
      .select('id')
      .where('outgoing_id', '=', outgoingId)
      .execute();
    expect(copies).toHaveLength(1);
    copyId = copies[0]!.id;
    expect((await as['giaovien.a']!.get(`/api/office/incoming/${copyId}`)).status).toBe(200);
    expect((await as['giaovien.a']!.get(`/api/office/files/${fileId}`)).status).toBe(200);

    // The sender's log: its own clerk's opening and the school's download, with their units.
    const sent = await as['giamdoc.sgd']!.get(`/api/office/outgoing/${outgoingId}/access-log`);
    expect(sent.status).toBe(200);
    const log = sent.body as AccessLog;
    expect(log.notation).toMatch(/\/SGDĐT-VP$/);
    expect(log.truncated).toBe(false);
    expect(log.items.map((i) => [i.kind, i.actorName, i.unit?.name, i.fileName])).toEqual([
      ['download', who('giaovien.a'), 'Trường Tiểu học Kim Đồng', 'cong-van.pdf'],
      ['view', who('vanthu.sgd'), 'Sở Giáo dục và Đào tạo Thử Nghiệm', null],
    ]);
    expect(log.items[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.parse(log.items[0]!.at)).toBeGreaterThanOrEqual(Date.parse(log.items[1]!.at));

    // The school's log of its copy: its teacher's opening and download, nothing of the department's.
    const received = await as['vanthu.a']!.get(`/api/office/incoming/${copyId}/access-log`);
    expect(received.status).toBe(200);
    expect(
      (received.body as AccessLog).items.map((i) => [i.kind, i.actorName, i.unit?.name]),
    ).toEqual([
      ['download', who('giaovien.a'), 'Trường Tiểu học Kim Đồng'],
      ['view', who('giaovien.a'), 'Trường Tiểu học Kim Đồng'],
    ]);
    // The principal (a leader) reads it too; reading the log is not itself an opening.
    const again = await as['hieutruong.a']!.get(`/api/office/incoming/${copyId}/access-log`);
    expect((again.body as AccessLog).items).toHaveLength(2);
  });

  it('is refused to a teacher and an auditor (403), unknown to another unit (404), 401 anonymous', async () => {
    expect((await as['giaovien.a']!.get(`/api/office/incoming/${copyId}/access-log`)).status).toBe(
      403,
    );
    expect(
      (await as['thanhtra.sgd']!.get(`/api/office/outgoing/${outgoingId}/access-log`)).status,
    ).toBe(403);
    // Another unit's document, or the sender's document asked for by a recipient: unknown.
    expect((await as['vanthu.b']!.get(`/api/office/incoming/${copyId}/access-log`)).status).toBe(
      404,
    );
    expect(
      (await as['vanthu.a']!.get(`/api/office/outgoing/${outgoingId}/access-log`)).status,
    ).toBe(404);
    expect((await as['vanthu.a']!.get(`/api/office/outgoing/${copyId}/access-log`)).status).toBe(
      404,
    );
    expect(
      (await as['vanthu.a']!.get('/api/office/incoming/khong-phai-id/access-log')).status,
    ).toBe(404);
    const anonymous = await app.inject({
      method: 'GET',
      url: `/api/office/outgoing/${outgoingId}/access-log`,
    });
    expect(anonymous.statusCode).toBe(401);
    // The refusals wrote no line: the sender's log still has its two.
    const sent = await as['vanthu.sgd']!.get(`/api/office/outgoing/${outgoingId}/access-log`);
    expect((sent.body as AccessLog).items).toHaveLength(2);
  });

  it('logs a download of the signed PDF too', async () => {
    const leader = await scopeAt(db, ids.SGD!, 'department_admin');
    await signComposedOutgoing(db, leader, outgoingId, {
      body: 'Đề nghị các trường báo cáo số liệu.',
      signerTitle: 'Giám đốc',
      signerName: 'Nguyễn Văn An',
      place: 'Thử Nghiệm',
      passphrase: () => 'khoa-ky-van-ban-kiem-thu',
    });
    const download = await app.inject({
      method: 'GET',
      url: `/api/office/outgoing/${outgoingId}/signed.pdf`,
      headers: { cookie: as['vanthu.sgd']!.cookie },
    });
    expect(download.statusCode).toBe(200);
    const sent = await as['giamdoc.sgd']!.get(`/api/office/outgoing/${outgoingId}/access-log`);
    const [latest] = (sent.body as AccessLog).items;
    expect(latest).toMatchObject({
      kind: 'download',
      actorName: who('vanthu.sgd'),
      fileName: 'bản ký số (PDF)',
    });
    expect(latest!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
