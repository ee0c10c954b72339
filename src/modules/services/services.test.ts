import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app/app.ts';
import { createFileStore } from '../../core/files/store.ts';
import { outboxMailer, readOutbox } from '../../core/mail/mailer.ts';
import type { Db } from '../../db/connection.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { signIn, type Client } from '../../../test/helpers/client.ts';
import {
  makeDiploma,
  makeIssuerKey,
  TEST_SIGNING,
} from '../../../test/helpers/factories/diplomas.ts';
import { makeSmallProvince, makeUser, PASSWORD } from '../../../test/helpers/factories/orgs.ts';
import type { ApplicationDetail, PublicStatus, Receipt, StatsAnswer } from './contract.ts';
import { inVietnam, nextWorkingDay, receivingDay, workCalendar } from './deadline.ts';
import { remindDeadlines } from './remind-deadlines.ts';

let db: Db;
let close: () => Promise<void>;
let app: App;
let outbox: string;
let ids: Record<string, string>;
let leader: Client;
let clerk: Client;
let school: Client;
let serial: string;

const APPLICANT = {
  personalId: '001208012345',
  fullName: 'Nguyễn Thị Ánh 1',
  birthDate: '2008-03-15',
  email: 'anh@example.vn',
};

/** Public calls are limited per client address (30 a minute): later tests come from another. */
let clientAddress = '127.0.0.1';

async function post(url: string, payload: unknown) {
  const r = await app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    remoteAddress: clientAddress,
  });
  return { status: r.statusCode, body: r.json<Record<string, unknown>>() };
}

async function otpFor(email: string, personalId: string): Promise<string> {
  const r = await post('/api/public/services/otp', { email, personalId });
  expect(r.status).toBe(200);
  const last = (await readOutbox(outbox, email)).at(-1);
  const code = /Mã xác nhận của bạn là: (\d{6})/.exec(last?.text ?? '')?.[1];
  if (!code) throw new Error('no code in the outbox');
  return code;
}

async function applyForCopy(extra: Record<string, unknown> = {}, who = APPLICANT) {
  const otp = await otpFor(who.email, who.personalId);
  return post('/api/public/services/applications', {
    procedure: 'ban-sao-van-bang',
    ...who,
    otp,
    details: { serialNumber: serial, copies: 2, paper: false },
    ...extra,
  });
}

/** poppler's pdfsig, the independent verifier (as the office's tests call it). */
function pdfsig(file: string): string {
  const r = spawnSync('/usr/bin/pdfsig', [file], { encoding: 'utf8' });
  if (r.error) throw r.error;
  return `${r.stdout}${r.stderr}`;
}

async function applicationCount(): Promise<number> {
  const r = await db
    .selectFrom('services_application')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function act(client: Client, id: string, action: string, note?: string) {
  const current = (await client.get(`/api/services/applications/${id}`)).body as ApplicationDetail;
  return client.send('POST', `/api/services/applications/${id}/actions`, {
    action,
    note,
    version: current.version,
  });
}

function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const boundary = '----sogd-services';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

beforeAll(async () => {
  // The office keys (the certified copy's signature) and the diploma keys share it.
  process.env.SOGD_KEY_PASSPHRASE = TEST_SIGNING.passphrase;
  ({ db, close } = await freshDatabase());
  ids = await makeSmallProvince(db);
  await makeUser(db, ids.SGD!, 'department_staff', 'motcua');
  await makeUser(db, ids.THB!, 'school_admin', 'truong');
  await makeIssuerKey(db, ids.SGD!);
  const diploma = await makeDiploma(db, { authority: ids.SGD! });
  serial = diploma.serialNumber;
  outbox = await mkdtemp(join(tmpdir(), 'sogd-services-outbox-'));
  const files = createFileStore(await mkdtemp(join(tmpdir(), 'sogd-services-files-')));
  app = await buildApp({ db, webDir: null, mail: outboxMailer(outbox), files });
  leader = await signIn(app, 'admin', PASSWORD);
  clerk = await signIn(app, 'motcua', PASSWORD);
  school = await signIn(app, 'truong', PASSWORD);
});

afterAll(async () => {
  await app?.close();
  await close?.();
});

describe('the catalogue', () => {
  it('publishes the procedures with their legal basis, documents, fee and deadline', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/public/services/procedures' });
    expect(r.statusCode).toBe(200);
    const items = r.json<{ items: { id: string; nationalCode: string | null }[] }>().items;
    expect(items.map((p) => p.nationalCode)).toEqual(
      expect.arrayContaining(['3.000465', '3.000466']),
    );
    const copy = await app.inject({
      method: 'GET',
      url: '/api/public/services/procedures/ban-sao-van-bang',
    });
    const body = copy.json<{
      deadline: string;
      online: string;
      documents: { id: string; heldBy?: string }[];
    }>();
    expect(body).toMatchObject({ deadline: 'ban-sao-van-bang', online: 'full' });
    expect(body.documents.find((d) => d.id === 'can-cuoc')?.heldBy).toContain('dân cư');
  });
});

describe('applying for a certified copy without an account', () => {
  let receipt: Receipt;

  it('refuses a wrong one-time code and stores nothing', async () => {
    const before = await applicationCount();
    await otpFor(APPLICANT.email, APPLICANT.personalId);
    const r = await post('/api/public/services/applications', {
      procedure: 'ban-sao-van-bang',
      ...APPLICANT,
      otp: '000000',
      details: { serialNumber: serial, copies: 1 },
    });
    // 1 in a million: the code drawn may be 000000 itself.
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('Mã xác nhận');
    expect(await applicationCount()).toBe(before);
  });

  it('answers a diploma not in the register the same way as another person’s, storing nothing', async () => {
    const before = await applicationCount();
    const unknown = await applyForCopy({
      details: { serialNumber: 'KHONG-CO-123', copies: 1 },
    });
    const someoneElse = await applyForCopy({}, { ...APPLICANT, fullName: 'Trần Văn Khác' });
    expect(unknown.status).toBe(400);
    expect(someoneElse.status).toBe(400);
    expect(unknown.body.detail).toBe(someoneElse.body.detail);
    expect(String(unknown.body.detail)).toContain('Không tìm thấy trong sổ gốc');
    expect(await applicationCount()).toBe(before);
  });

  it('files the application, answers the receipt with its due date and mails it', async () => {
    const r = await applyForCopy();
    expect(r.status).toBe(201);
    receipt = r.body as unknown as Receipt;
    expect(receipt.code).toMatch(/^DVC-\d{6}-[0-9A-Z]{6}$/);
    expect(receipt.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const mails = await readOutbox(outbox, APPLICANT.email);
    expect(mails.at(-1)?.text).toContain(receipt.code);
  });

  it('sends at most 5 codes an hour to one address', async () => {
    const email = 'many@example.vn';
    for (let i = 0; i < 5; i++) await otpFor(email, APPLICANT.personalId);
    const sixth = await post('/api/public/services/otp', {
      email,
      personalId: APPLICANT.personalId,
    });
    expect(sixth.status).toBe(429);
    expect(await readOutbox(outbox, email)).toHaveLength(5);
  });

  it('does not take the same one-time code twice', async () => {
    const mails = await readOutbox(outbox, APPLICANT.email);
    const used = [...mails].reverse().find((m) => m.subject.startsWith('Mã xác nhận'));
    const otp = /(\d{6})/.exec(used!.text)![1];
    const r = await post('/api/public/services/applications', {
      procedure: 'ban-sao-van-bang',
      ...APPLICANT,
      otp,
      details: { serialNumber: serial, copies: 1 },
    });
    expect(r.status).toBe(400);
  });

  it('shows the status by code and personal id, and nothing with another personal id', async () => {
    const mine = await post('/api/public/services/applications/status', {
      code: receipt.code,
      personalId: APPLICANT.personalId,
    });
    expect(mine.status).toBe(200);
    expect((mine.body as unknown as PublicStatus).status).toBe('received');
    const other = await post('/api/public/services/applications/status', {
      code: receipt.code,
      personalId: '001208099999',
    });
    const none = await post('/api/public/services/applications/status', {
      code: 'DVC-261202-AAAAAA',
      personalId: APPLICANT.personalId,
    });
    expect(other.status).toBe(404);
    expect(none.status).toBe(404);
    expect(other.body.detail).toBe(none.body.detail);
  });

  it('prints the receipt PDF with the code and the due date', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/public/services/applications/receipt',
      payload: { code: receipt.code, personalId: APPLICANT.personalId },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('application/pdf');
    const file = join(outbox, 'receipt.pdf');
    await writeFile(file, r.rawPayload);
    const text = execFileSync('pdftotext', [file, '-']).toString();
    expect(text).toContain(receipt.code);
    expect(text).toContain(receipt.dueDate.split('-').reverse().join('/'));
  });

  it('takes an upload of the right kind and refuses one that is not a PDF or image', async () => {
    const ok = await app.inject({
      method: 'POST',
      url: `/api/public/services/applications/${receipt.code}/documents`,
      ...multipart(
        { personalId: APPLICANT.personalId, requirement: 'uy-quyen' },
        { name: 'uy-quyen.pdf', bytes: Buffer.from('%PDF-1.4\n%test\n1 0 obj<<>>endobj\n%%EOF\n') },
      ),
    });
    expect(ok.statusCode).toBe(201);
    const bad = await app.inject({
      method: 'POST',
      url: `/api/public/services/applications/${receipt.code}/documents`,
      ...multipart(
        { personalId: APPLICANT.personalId, requirement: 'uy-quyen' },
        { name: 'virus.exe', bytes: Buffer.from('MZ\x90\x00 not a document') },
      ),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ detail: string }>().detail).toContain('virus.exe');
    const wrongKind = await app.inject({
      method: 'POST',
      url: `/api/public/services/applications/${receipt.code}/documents`,
      ...multipart(
        { personalId: APPLICANT.personalId, requirement: 'can-cuoc' },
        { name: 'cccd.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') },
      ),
    });
    expect(wrongKind.statusCode).toBe(400); // held by the population database: not asked for
  });

  it('goes clerk → division → leader, and the citizen downloads the certified copy', async () => {
    const list = (await clerk.get('/api/services/applications?status=received')).body as {
      items: { id: string; code: string }[];
    };
    const id = list.items.find((i) => i.code === receipt.code)!.id;
    // A school's administrator reaches none of it.
    expect((await school.get(`/api/services/applications/${id}`)).status).toBe(403);
    expect((await act(clerk, id, 'approve')).status).toBe(403); // not the clerk's step
    expect((await act(clerk, id, 'hand_over')).status).toBe(200);
    expect((await act(clerk, id, 'submit')).status).toBe(200);
    const approved = await act(leader, id, 'approve');
    expect(approved.status).toBe(200);
    const detail = approved.body as ApplicationDetail;
    expect(detail.status).toBe('done');
    expect(String(detail.result?.copyNumber)).toMatch(/BS/);

    // The copy is in the diploma register's copy book (its history).
    const copies = await db
      .selectFrom('diploma_event')
      .select(['kind', 'after'])
      .where('kind', '=', 'copy')
      .execute();
    expect(JSON.stringify(copies)).toContain(String(detail.result?.copyNumber));

    const result = await app.inject({
      method: 'POST',
      url: '/api/public/services/applications/result',
      payload: { code: receipt.code, personalId: APPLICANT.personalId },
    });
    expect(result.statusCode).toBe(200);
    const file = join(outbox, 'copy.pdf');
    await writeFile(file, result.rawPayload);
    const text = execFileSync('pdftotext', [file, '-']).toString();
    expect(text).toContain(String(detail.result?.copyNumber));
    expect(text.normalize('NFC')).toContain('Nguyễn Thị Ánh 1');
    // Signed (PAdES) with the department's unit certificate, as poppler sees it.
    const signature = pdfsig(file);
    expect(signature).toContain('Signature is Valid.');
    expect(signature).toContain('Total document signed');
    expect(signature.normalize('NFC')).toContain('Sở Giáo dục');
    expect(detail.result?.signedBy).toBeTruthy();
    // One byte of the copy changed inside the signed range: the signature fails.
    const bytes = Buffer.from(result.rawPayload);
    const at = Math.floor(bytes.indexOf('/ByteRange') / 2);
    bytes[at] = bytes[at] === 0x30 ? 0x31 : 0x30;
    const tampered = join(outbox, 'copy-tampered.pdf');
    await writeFile(tampered, bytes);
    expect(pdfsig(tampered)).not.toContain('Signature is Valid.');
    expect((await readOutbox(outbox, APPLICANT.email)).at(-1)?.subject).toContain('Đã có kết quả');
  });
});

describe('the paper copy', () => {
  it('records who received the paper copy, when and its copy book number, once and audited', async () => {
    clientAddress = '10.0.0.20';
    const r = await applyForCopy(
      { details: { serialNumber: serial, copies: 1, paper: true } },
      { ...APPLICANT, email: 'giay@example.vn' },
    );
    expect(r.status).toBe(201);
    const code = (r.body as unknown as Receipt).code;
    const row = await db
      .selectFrom('services_application')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    const handover = (client: Client, body: Record<string, unknown>) =>
      client.send('POST', `/api/services/applications/${row.id}/handover`, body);
    // Not issued yet: nothing to hand over.
    const early = (await clerk.get(`/api/services/applications/${row.id}`))
      .body as ApplicationDetail;
    expect(
      (await handover(clerk, { receivedBy: 'Nguyễn Thị Ánh 1', version: early.version })).status,
    ).toBe(400);
    expect((await act(clerk, row.id, 'hand_over')).status).toBe(200);
    expect((await act(clerk, row.id, 'submit')).status).toBe(200);
    const approved = (await act(leader, row.id, 'approve')).body as ApplicationDetail;
    expect(approved.paperPending).toBe(true);
    expect(approved.handover).toBeNull();
    const copyNumber = String(approved.result?.copyNumber);

    expect((await handover(school, { receivedBy: 'X', version: approved.version })).status).toBe(
      403,
    );
    const empty = await handover(clerk, { receivedBy: ' ', version: approved.version });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('Người nhận không được để trống');
    const done = await handover(clerk, {
      receivedBy: 'Nguyễn Thị Ánh 1',
      receiverDocument: '001208012345',
      version: approved.version,
    });
    expect(done.status).toBe(200);
    const detail = done.body as ApplicationDetail;
    expect(detail.paperPending).toBe(false);
    expect(detail.handover).toMatchObject({
      copyNumber,
      receivedBy: 'Nguyễn Thị Ánh 1',
      receiverDocument: '001208012345',
    });
    expect(detail.events.at(-1)).toMatchObject({ kind: 'paper_handover' });
    expect(detail.events.at(-1)?.note).toContain(copyNumber);
    // Once: a second hand-over names who received it.
    const again = await handover(clerk, { receivedBy: 'Người khác', version: detail.version });
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toContain('Nguyễn Thị Ánh 1');
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'after'])
      .where('entity_type', '=', 'services_handover')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.after)).toContain(copyNumber);
  });
});

describe('additions, follow-up, statistics', () => {
  it('stops the clock for additions and restarts it with the days that were left', async () => {
    const r = await applyForCopy({}, { ...APPLICANT, email: 'anh2@example.vn' });
    const code = (r.body as unknown as Receipt).code;
    const id = (
      (await clerk.get('/api/services/applications?status=received')).body as {
        items: { id: string; code: string }[];
      }
    ).items.find((i) => i.code === code)!.id;
    expect((await act(clerk, id, 'request_additions')).status).toBe(400); // a note is required
    const stopped = await act(clerk, id, 'request_additions', 'Thiếu giấy ủy quyền');
    expect((stopped.body as ApplicationDetail).status).toBe('additions');
    // A copy is due on the day it is received, or on the next working day when
    // it came after the 15:00 cut-off: 0 or 1 working day left, by the hour.
    const receivedOn = receivingDay(workCalendar(), new Date()).date;
    const stoppedDetail = stopped.body as ApplicationDetail;
    expect(stoppedDetail.daysLeft).toBe(stoppedDetail.dueDate === receivedOn ? 0 : 1);
    const status = await post('/api/public/services/applications/status', {
      code,
      personalId: APPLICANT.personalId,
    });
    expect((status.body as unknown as PublicStatus).clockStopped).toBe(true);
    const restarted = await act(clerk, id, 'additions_received');
    expect((restarted.body as ApplicationDetail).status).toBe('received');
    expect((restarted.body as ApplicationDetail).events.at(-1)?.note).toContain('Hạn mới');
  });

  it('refuses a step taken on a stale version', async () => {
    const r = await applyForCopy({}, { ...APPLICANT, email: 'anh3@example.vn' });
    const code = (r.body as unknown as Receipt).code;
    const row = await db
      .selectFrom('services_application')
      .select(['id', 'version'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    expect((await act(clerk, row.id, 'hand_over')).status).toBe(200);
    const stale = await clerk.send('POST', `/api/services/applications/${row.id}/actions`, {
      action: 'submit',
      version: row.version,
    });
    expect(stale.status).toBe(409);
  });

  it('lists overdue applications and writes each reminder once a day', async () => {
    const r = await applyForCopy({}, { ...APPLICANT, email: 'anh4@example.vn' });
    const code = (r.body as unknown as Receipt).code;
    await db
      .updateTable('services_application')
      .set({ due_date: '2026-01-05' })
      .where('code', '=', code)
      .execute();
    const overdue = (await clerk.get('/api/services/applications?due=overdue')).body as {
      items: { code: string; overdue: boolean }[];
    };
    expect(overdue.items.find((i) => i.code === code)?.overdue).toBe(true);
    // The apology and new appointment, drafted for the clerk.
    const today = inVietnam(new Date()).date;
    const newDate = nextWorkingDay(workCalendar(), today);
    const row = await db
      .selectFrom('services_application')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    const apology = await app.inject({
      method: 'POST',
      url: `/api/services/applications/${row.id}/apology.pdf`,
      headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrfToken },
      payload: { reason: 'Phải xác minh lại sổ gốc', newDate },
    });
    expect(apology.statusCode).toBe(200);
    const file = join(outbox, 'apology.pdf');
    await writeFile(file, apology.rawPayload);
    const text = execFileSync('pdftotext', [file, '-']).toString().normalize('NFC');
    expect(text).toContain('PHIẾU XIN LỖI');
    expect(text).toContain(newDate.split('-').reverse().join('/'));
    // Mailed to the applicant through the mail transport, once.
    const apologies = async () =>
      (await readOutbox(outbox, 'anh4@example.vn')).filter((m) => m.subject.includes('xin lỗi'));
    const mailed = await apologies();
    expect(mailed).toHaveLength(1);
    expect(mailed[0]!.text).toContain('PHIẾU XIN LỖI');
    expect(mailed[0]!.text).toContain(code);
    expect(mailed[0]!.text).toContain(newDate.split('-').reverse().join('/'));
    const second = await app.inject({
      method: 'POST',
      url: `/api/services/applications/${row.id}/apology.pdf`,
      headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrfToken },
      payload: { reason: 'Phải xác minh lại sổ gốc', newDate },
    });
    expect(second.statusCode).toBe(200); // printed again…
    expect(await apologies()).toHaveLength(1); // …not mailed again
    const withApology = (await clerk.get(`/api/services/applications/${row.id}`))
      .body as ApplicationDetail;
    expect(withApology.apology).toMatchObject({ newDate, mailedTo: 'anh4@example.vn' });
    expect(withApology.events.filter((e) => e.kind === 'apology')).toHaveLength(1);
    const audited = await db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_type', '=', 'services_apology')
      .execute();
    expect(audited).toHaveLength(1);
    expect(JSON.stringify(audited[0]!.after)).toContain('anh4@example.vn');
    const past = await clerk.send('POST', `/api/services/applications/${row.id}/apology.pdf`, {
      reason: 'x',
      newDate: today,
    });
    expect(past.status).toBe(400);

    const first = await remindDeadlines(db);
    expect(first.overdue).toBeGreaterThanOrEqual(1);
    const again = await remindDeadlines(db);
    expect(again.written).toBe(0);
  });

  it('counts the month per procedure: received, online, on time, open', async () => {
    const stats = (await leader.get('/api/services/statistics')).body as StatsAnswer;
    const copy = stats.rows.find((r) => r.procedure === 'ban-sao-van-bang');
    expect(copy).toBeDefined();
    expect(copy!.received).toBeGreaterThanOrEqual(4);
    expect(copy!.online).toBe(copy!.received);
    // The certified copy and the paper copy's application.
    expect(copy!.finished).toBe(2);
    expect(copy!.onTime + copy!.late).toBe(2);
    expect(copy!.onlineShare).toBe(100);
    // Per division: the sums of the procedures it handles, shares from the sums.
    const quality = stats.divisions.find((d) => d.division === 'Phòng Quản lý chất lượng');
    const handled = stats.rows.filter((r) =>
      ['ban-sao-van-bang', 'chinh-sua-van-bang', 'cong-nhan-van-bang-nuoc-ngoai'].includes(
        r.procedure,
      ),
    );
    expect(quality?.received).toBe(handled.reduce((sum, r) => sum + r.received, 0));
    expect(quality?.finished).toBe(handled.reduce((sum, r) => sum + r.finished, 0));
    expect(quality?.onTimeShare).toBe(
      quality!.finished ? Math.round((quality!.onTime / quality!.finished) * 1000) / 10 : null,
    );
    expect((await school.get('/api/services/statistics')).status).toBe(403);
    // The same figures as a workbook, read back.
    const xlsx = await app.inject({
      method: 'GET',
      url: '/api/services/statistics.xlsx',
      headers: { cookie: leader.cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(3).value).toBe('Tiếp nhận');
    const row = [2, 3, 4, 5]
      .map((i) => sheet.getRow(i))
      .find((r) => r.getCell(1).value === '3.000465');
    expect(row?.getCell(3).value).toBe(copy!.received);
    expect(row?.getCell(7).value).toBe(copy!.onTime);
    const divisions = workbook.getWorksheet('Theo phòng chuyên môn')!;
    expect(divisions.getRow(1).getCell(1).value).toBe('Phòng chuyên môn');
    const qualityRow = [2, 3]
      .map((i) => divisions.getRow(i))
      .find((r) => r.getCell(1).value === 'Phòng Quản lý chất lượng');
    expect(qualityRow?.getCell(2).value).toBe(quality!.received);
  });

  it('imports a year of the calendar and refuses a bad file naming the line and column', async () => {
    const bad = await leader.send('POST', '/api/services/calendar/import', {
      csv: 'date,kind,name\n2027-02-05,nghỉ,Tết\n2027-02-31,nghỉ,Tết\n2027-02-08,đi chơi,Tết\n',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('Dòng 3, cột date');
    expect(JSON.stringify(bad.body)).toContain('Dòng 4, cột kind');
    const ok = await leader.send('POST', '/api/services/calendar/import', {
      csv: 'date,kind,name\n2027-02-05,nghỉ,Tết Đinh Mùi\n2027-02-20,làm bù,Làm bù\n',
    });
    expect(ok.body).toEqual({ years: [2027], days: 2 });
    expect((await clerk.send('POST', '/api/services/calendar/import', { csv: 'x' })).status).toBe(
      403,
    );
  });
});

describe('a correction, end to end through the register', () => {
  it('corrects the register entry with the decision once the leader approves', async () => {
    process.env.SOGD_KEY_PASSPHRASE = TEST_SIGNING.passphrase;
    clientAddress = '10.0.0.19';
    const diploma = await makeDiploma(db, {
      authority: ids.SGD!,
      entry: { fullName: 'Phạm Văn Sửa', birthDate: '2008-01-02' },
    });
    const who = {
      ...APPLICANT,
      fullName: 'Phạm Văn Sửa',
      birthDate: '2008-01-02',
      email: 'sua@example.vn',
    };
    const otp = await otpFor(who.email, who.personalId);
    const applied = await post('/api/public/services/applications', {
      procedure: 'chinh-sua-van-bang',
      ...who,
      otp,
      details: {
        serialNumber: diploma.serialNumber,
        changes: { fullName: 'Phạm Văn Sữa' },
        civilDecision: 'Quyết định cải chính hộ tịch số 12/QĐ-UBND ngày 01/11/2026',
      },
    });
    expect(applied.status).toBe(201);
    const receipt = applied.body as unknown as Receipt;
    const row = await db
      .selectFrom('services_application')
      .select('id')
      .where('code', '=', receipt.code)
      .executeTakeFirstOrThrow();
    expect((await act(clerk, row.id, 'hand_over')).status).toBe(200);
    expect((await act(clerk, row.id, 'submit')).status).toBe(200);
    // The leader approves: the decision is registered as the department's outgoing
    // document by the office, and its number goes into the register entry.
    const outgoingBefore = await db
      .selectFrom('office_outgoing')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const credentialOf = async () =>
      (
        await db
          .selectFrom('diploma')
          .select('credential')
          .where('id', '=', diploma.id)
          .executeTakeFirstOrThrow()
      ).credential;
    const credentialBefore = JSON.stringify(await credentialOf());
    const approved = await act(leader, row.id, 'approve');
    expect(approved.status).toBe(200);
    // The credential is re-issued with the corrected name.
    const credentialAfter = JSON.stringify(await credentialOf());
    expect(credentialAfter).not.toBe(credentialBefore);
    expect(credentialAfter.normalize('NFC')).toContain('Phạm Văn Sữa');
    const done = approved.body as ApplicationDetail;
    expect(done.status).toBe('done');
    const decisionNumber = String(done.result?.decisionNumber);
    expect(decisionNumber).toMatch(/^\d+\/QĐ-SGDĐT$/);
    const outgoing = await db
      .selectFrom('office_outgoing')
      .select(['id', 'notation', 'doc_type', 'subject', 'unit_id', 'status'])
      .where('notation', '=', decisionNumber)
      .executeTakeFirstOrThrow();
    expect(outgoing).toMatchObject({
      doc_type: 'QĐ',
      unit_id: ids.SGD,
      id: done.result?.outgoingId,
    });
    expect(outgoing.subject).toContain(receipt.code);
    const outgoingAfter = await db
      .selectFrom('office_outgoing')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(outgoingAfter.n)).toBe(Number(outgoingBefore.n) + 1);
    const entry = await db
      .selectFrom('diploma')
      .select(['full_name'])
      .where('id', '=', diploma.id)
      .executeTakeFirstOrThrow();
    expect(entry.full_name).toBe('Phạm Văn Sữa');
    const events = await db
      .selectFrom('diploma_event')
      .select(['kind', 'decision_number'])
      .where('diploma_id', '=', diploma.id)
      .where('kind', '=', 'correction')
      .execute();
    expect(events).toEqual([{ kind: 'correction', decision_number: decisionNumber }]);
    const result = await app.inject({
      method: 'POST',
      url: '/api/public/services/applications/result',
      payload: { code: receipt.code, personalId: who.personalId },
      remoteAddress: clientAddress,
    });
    expect(result.statusCode).toBe(200);
    expect(result.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
