import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createFileStore } from '../../core/files/store.ts';
import { buildApp, type App } from '../../app/app.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { makeTree, makeUser } from '../../../test/helpers/fixtures.ts';
import { signIn, type Client } from '../../../test/helpers/client.ts';
import { systemActor, writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { resetCandidateThrottle } from './candidate-session.ts';
import type { IssueAnswer } from './contract.ts';

let db: Db;
let close: () => Promise<void>;
let app: App;
let admin: Client;
let ids: Record<string, string>;
let campaign: string;
let slip: IssueAnswer['slips'][number];
let filesDir: string;

/** A candidate's requests: its cookie and CSRF token, as a phone keeps them. */
async function candidate(code: string, pin: string) {
  const r = await app.inject({
    method: 'POST',
    url: `/api/public/admissions/${campaign}/sign-in`,
    payload: { code, pin },
  });
  expect(r.statusCode).toBe(200);
  const cookie = `sogd_candidate=${r.cookies.find((c) => c.name === 'sogd_candidate')!.value}`;
  const { csrfToken } = r.json<{ csrfToken: string }>();
  const url = `/api/public/admissions/${campaign}/application`;
  return {
    get: () => app.inject({ method: 'GET', url, headers: { cookie } }),
    result: () =>
      app.inject({
        method: 'GET',
        url: `/api/public/admissions/${campaign}/result`,
        headers: { cookie },
      }),
    put: (preferences: string[], baseVersion: number, csrf = csrfToken) =>
      app.inject({
        method: 'PUT',
        url,
        headers: { cookie, 'x-csrf-token': csrf },
        payload: { preferences, baseVersion },
      }),
    del: (baseVersion: number) =>
      app.inject({
        method: 'DELETE',
        url,
        headers: { cookie, 'x-csrf-token': csrfToken },
        payload: { baseVersion },
      }),
  };
}

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, [
    { code: 'SGD', name: 'Sở GDĐT Thử', kind: 'department' },
    { code: 'CSA', name: 'THCS An', kind: 'school', parent: 'SGD', levels: ['lower_secondary'] },
    { code: 'PT1', name: 'THPT Một', kind: 'school', parent: 'SGD', levels: ['upper_secondary'] },
  ]);
  const classId = uuidv7();
  await writeTransaction(db, systemActor('test'), async (tx) => {
    await tx
      .insertInto('class')
      .values({
        school_id: ids.CSA!,
        id: classId,
        school_year: '2026-2027',
        name: '9A',
        grade: 9,
        homeroom_staff_id: null,
      })
      .execute();
    const id = uuidv7();
    await tx
      .insertInto('student')
      .values({
        id,
        school_id: ids.CSA!,
        full_name: 'Lê Thị An',
        family_name: 'Lê',
        middle_name: 'Thị',
        given_name: 'An',
        search_name: 'le thi an',
        birth_date: '2012-04-05',
        gender: 'female',
        personal_id: null,
        student_code: 'HS1',
        ethnicity: null,
        birth_place: null,
        address: null,
        guardian_name: null,
        phone: null,
        status_reason: null,
      })
      .execute();
    await tx
      .insertInto('enrolment')
      .values({ student_id: id, school_year: '2026-2027', school_id: ids.CSA!, class_id: classId })
      .execute();
  });
  await makeUser(db, ids.SGD!, 'department_staff', 'khaothi');
  await makeUser(db, ids.CSA!, 'school_staff', 'vanthu.a');
  await makeUser(db, ids.PT1!, 'school_staff', 'vanthu.pt');
  filesDir = mkdtempSync(join(tmpdir(), 'sogd-adm-files-'));
  app = await buildApp({ db, webDir: null, files: createFileStore(filesDir) });
  admin = await signIn(app, 'khaothi', 'mat-khau-rat-dai-1');
});
afterAll(async () => {
  await app?.close();
  await close();
  rmSync(filesDir, { recursive: true, force: true });
});

/** A multipart body as a browser sends it: fields first, then the file. */
async function multipart(fields: Record<string, string>, file: Buffer, name: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(file)]), name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type')!,
  };
}

describe('the admissions API', () => {
  it('refuses anonymous staff calls with 401 before reading the body', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/admissions/campaigns', payload: {} });
    expect(r.statusCode).toBe(401);
  });

  it('sets up a campaign, its programs and slips', async () => {
    const created = await admin.send('POST', '/api/admissions/campaigns', {
      name: 'Tuyển sinh 10',
      schoolYear: '2027-2028',
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(created.status).toBe(201);
    campaign = (created.body as { id: string }).id;
    const clerk = await signIn(app, 'vanthu.a', 'mat-khau-rat-dai-1');
    const refused = await clerk.send('POST', '/api/admissions/campaigns', {
      name: 'x',
      schoolYear: '2027-2028',
      opensAt: new Date().toISOString(),
      closesAt: new Date(Date.now() + 1000).toISOString(),
    });
    expect(refused.status).toBe(403);
    const put = await app.inject({
      method: 'PUT',
      url: `/api/admissions/campaigns/${campaign}/programs`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      payload: {
        rows: [
          { program: 'P1', schoolCode: 'PT1', quota: 10 },
          { program: 'P2', schoolCode: 'PT1', quota: 5 },
        ],
      },
    });
    expect(put.json()).toMatchObject({ added: 2, errors: 0 });
    const issued = await clerk.send(
      'POST',
      `/api/admissions/campaigns/${campaign}/candidates/issue`,
    );
    expect(issued.status).toBe(200);
    slip = (issued.body as IssueAnswer).slips[0]!;
    expect(slip).toMatchObject({ studentCode: 'HS1', fullName: 'Lê Thị An', schoolCode: 'CSA' });
  });

  it('lets a family register, change, withdraw, with 409 on a stale version and 403 without CSRF', async () => {
    resetCandidateThrottle();
    const wrong = await app.inject({
      method: 'POST',
      url: `/api/public/admissions/${campaign}/sign-in`,
      payload: { code: slip.code, pin: '000000' === slip.pin ? '111111' : '000000' },
    });
    expect(wrong.statusCode).toBe(401);
    const phone = await candidate(slip.code, slip.pin);
    const laptop = await candidate(slip.code, slip.pin);
    expect((await phone.get()).json()).toMatchObject({ version: 0, preferences: [], history: [] });
    expect((await phone.put(['P1'], 0, 'sai')).statusCode).toBe(403);
    const first = await phone.put(['P1', 'P2'], 0);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 1 });
    const stale = await laptop.put(['P2'], 0);
    expect(stale.statusCode).toBe(409);
    const repeated = await laptop.put(['P2', 'P2'], 1);
    expect(repeated.statusCode).toBe(422);
    expect(repeated.json<{ detail: string }>().detail).toContain('Nguyện vọng 2');
    expect((await laptop.del(1)).json()).toMatchObject({ version: 2 });
    expect((await phone.put(['P2'], 2)).json()).toMatchObject({ version: 3 });
    const app3 = (await phone.get()).json<{ version: number; history: unknown[] }>();
    expect(app3.version).toBe(3);
    expect(app3.history).toHaveLength(3);
    // Public counts follow within seconds.
    await new Promise((r) => setTimeout(r, 1_100));
    const counts = await app.inject({
      method: 'GET',
      url: `/api/public/admissions/${campaign}/counts`,
    });
    expect(counts.json()).toMatchObject({
      programs: [
        { program: 'P1', quota: 10, byRank: [0, 0, 0], total: 0 },
        { program: 'P2', schoolCode: 'PT1', quota: 5, byRank: [1, 0, 0], total: 1 },
      ],
    });
    expect(counts.headers['content-type']).toBe('application/json; charset=utf-8');
    // A phone polling with its ETag hears "not modified" until a count changes.
    const etag = String(counts.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await app.inject({
      method: 'GET',
      url: `/api/public/admissions/${campaign}/counts`,
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await phone.put(['P1'], 3)).json()).toMatchObject({ version: 4 });
    await new Promise((r) => setTimeout(r, 1_100));
    const changed = await app.inject({
      method: 'GET',
      url: `/api/public/admissions/${campaign}/counts`,
      headers: { 'if-none-match': etag },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.json()).toMatchObject({
      programs: [
        { program: 'P1', byRank: [1, 0, 0] },
        { program: 'P2', byRank: [0, 0, 0] },
      ],
    });
    // A result before publication does not exist.
    const result = await phone.result();
    expect(result.statusCode).toBe(404);
  });

  it("takes a family's slip in a browser signed in as staff, recorded as the school's act", async () => {
    resetCandidateThrottle();
    const phone = await candidate(slip.code, slip.pin);
    const signedIn = await app.inject({
      method: 'POST',
      url: `/api/public/admissions/${campaign}/sign-in`,
      payload: { code: slip.code, pin: slip.pin },
    });
    const candidateCookie = `sogd_candidate=${signedIn.cookies.find((c) => c.name === 'sogd_candidate')!.value}`;
    const candidateCsrf = signedIn.json<{ csrfToken: string }>().csrfToken;
    const url = `/api/public/admissions/${campaign}/application`;
    const put = (staff: Client, headers: Record<string, string>, baseVersion: number) =>
      app.inject({
        method: 'PUT',
        url,
        headers: { cookie: `${staff.cookie}; ${candidateCookie}`, ...headers },
        payload: { preferences: ['P1'], baseVersion },
      });
    const clerk = await signIn(app, 'vanthu.a', 'mat-khau-rat-dai-1');
    const current = (await phone.get()).json<{ version: number }>().version;
    // The kernel wants the staff token in x-csrf-token; the candidate's alone is refused.
    expect((await put(clerk, { 'x-csrf-token': candidateCsrf }, current)).statusCode).toBe(403);
    // The staff token alone does not stand for the candidate's.
    const noCandidate = await put(clerk, { 'x-csrf-token': clerk.csrfToken }, current);
    expect(noCandidate.statusCode).toBe(403);
    expect(noCandidate.json<{ detail: string }>().detail).toContain('x-candidate-csrf');
    const both = { 'x-csrf-token': clerk.csrfToken, 'x-candidate-csrf': candidateCsrf };
    const byClerk = await put(clerk, both, current);
    expect(byClerk.statusCode).toBe(200);
    // Staff of another school (a parent who works there, say): accepted, as the family's own.
    const other = await signIn(app, 'vanthu.pt', 'mat-khau-rat-dai-1');
    const byOther = await put(
      other,
      { 'x-csrf-token': other.csrfToken, 'x-candidate-csrf': candidateCsrf },
      current + 1,
    );
    expect(byOther.statusCode).toBe(200);
    const history = (await phone.get()).json<{
      history: { version: number; onBehalf: boolean }[];
    }>().history;
    const byVersion = new Map(history.map((h) => [h.version, h.onBehalf]));
    expect(byVersion.get(current + 1)).toBe(true);
    expect(byVersion.get(current + 2)).toBe(false);
    const recorded = await db
      .selectFrom('admission_submission')
      .select(['version', 'on_behalf_by'])
      .where('version', '>', current)
      .orderBy('version')
      .execute();
    expect(recorded.map((r) => r.on_behalf_by)).toEqual([
      expect.stringContaining('vanthu.a'),
      null,
    ]);
  });

  it('takes priority evidence from the family and lets its school check it', async () => {
    resetCandidateThrottle();
    const signedIn = await app.inject({
      method: 'POST',
      url: `/api/public/admissions/${campaign}/sign-in`,
      payload: { code: slip.code, pin: slip.pin },
    });
    const cookie = `sogd_candidate=${signedIn.cookies.find((c) => c.name === 'sogd_candidate')!.value}`;
    const csrf = signedIn.json<{ csrfToken: string }>().csrfToken;
    const pdf = Buffer.from('%PDF-1.4\n% giấy chứng nhận con liệt sĩ\n%%EOF\n');
    const send = async (fields: Record<string, string>, file: Buffer, headers = {}) => {
      const body = await multipart(fields, file, 'minh-chung.pdf');
      return app.inject({
        method: 'POST',
        url: `/api/public/admissions/${campaign}/priority-claim`,
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': body.contentType, ...headers },
        payload: body.payload,
      });
    };
    // Not a PDF or image by its bytes: refused, and a bad group is named.
    const text = await send({ group: 'group1' }, Buffer.from('chỉ là chữ'));
    expect(text.statusCode).toBe(400);
    expect(text.json<{ detail: string }>().detail).toContain('tệp PDF, ảnh PNG hoặc JPEG');
    const group = await send({ group: 'group9' }, pdf);
    expect(group.statusCode).toBe(400);
    expect(group.json<{ detail: string }>().detail).toContain('group9');
    // Without the candidate's CSRF token nothing is taken.
    expect((await send({ group: 'group1' }, pdf, { 'x-csrf-token': 'sai' })).statusCode).toBe(403);
    const sent = await send({ group: 'group1', prize: 'third' }, pdf);
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({
      group: 'group1',
      prize: 'third',
      points: 2.5,
      status: 'pending',
    });

    const clerk = await signIn(app, 'vanthu.a', 'mat-khau-rat-dai-1');
    const list = await clerk.get(`/api/admissions/campaigns/${campaign}/priority-claims`);
    expect(list.body).toMatchObject([
      { code: slip.code, status: 'pending', file: { size: pdf.length } },
    ]);
    const evidence = await app.inject({
      method: 'GET',
      url: `/api/admissions/campaigns/${campaign}/priority-claims/${slip.code}/evidence`,
      headers: { cookie: clerk.cookie },
    });
    expect(evidence.statusCode).toBe(200);
    expect(evidence.headers['content-type']).toBe('application/pdf');
    expect(evidence.rawPayload.equals(pdf)).toBe(true);
    // Another school sees none of it.
    const other = await signIn(app, 'vanthu.pt', 'mat-khau-rat-dai-1');
    expect((await other.get(`/api/admissions/campaigns/${campaign}/priority-claims`)).body).toEqual(
      [],
    );
    const outside = await app.inject({
      method: 'GET',
      url: `/api/admissions/campaigns/${campaign}/priority-claims/${slip.code}/evidence`,
      headers: { cookie: other.cookie },
    });
    expect(outside.statusCode).toBe(403);
    const check = `/api/admissions/campaigns/${campaign}/priority-claims/${slip.code}/check`;
    expect((await clerk.send('POST', check, { accept: false })).status).toBe(400);
    const refused = await clerk.send('POST', check, {
      accept: false,
      note: 'Ảnh mờ, nộp lại bản rõ',
    });
    expect(refused.body).toMatchObject({ status: 'refused', note: 'Ảnh mờ, nộp lại bản rõ' });
    const accepted = await clerk.send('POST', check, { accept: true });
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      checkedBy: expect.stringContaining('vanthu.a') as unknown,
    });
    const mine = await app.inject({
      method: 'GET',
      url: `/api/public/admissions/${campaign}/priority-claim`,
      headers: { cookie },
    });
    expect(mine.json()).toMatchObject({ status: 'accepted' });
  });

  it('records a free candidate at a lower-secondary school, with a slip that signs in', async () => {
    resetCandidateThrottle();
    const clerk = await signIn(app, 'vanthu.a', 'mat-khau-rat-dai-1');
    const url = `/api/admissions/campaigns/${campaign}/candidates/free`;
    const young = await clerk.send('POST', url, {
      fullName: 'Hà Văn Nhỏ',
      birthDate: '2020-01-01',
    });
    expect(young.status).toBe(400);
    const upper = await signIn(app, 'vanthu.pt', 'mat-khau-rat-dai-1');
    expect(
      (await upper.send('POST', url, { fullName: 'Hà Văn Tự', birthDate: '2009-02-03' })).status,
    ).toBe(400);
    const added = await clerk.send('POST', url, { fullName: 'Hà Văn Tự', birthDate: '2009-02-03' });
    expect(added.status).toBe(201);
    const free = added.body as IssueAnswer['slips'][number];
    expect(free).toMatchObject({ fullName: 'Hà Văn Tự', schoolCode: 'CSA', studentCode: '' });
    const phone = await candidate(free.code, free.pin);
    expect((await phone.put(['P1'], 0)).statusCode).toBe(200);
    const list = await clerk.get(`/api/admissions/campaigns/${campaign}/candidates`);
    expect(list.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: free.code, free: true, choices: 1 }),
        expect.objectContaining({ code: slip.code, free: false }),
      ]),
    );
  });

  it('gives the family a PDF receipt of the version in force, and the school an xlsx list', async () => {
    resetCandidateThrottle();
    const phone = await candidate(slip.code, slip.pin);
    const current = (await phone.get()).json<{ version: number }>().version;
    await phone.put(['P2', 'P1'], current);
    const signedIn = await app.inject({
      method: 'POST',
      url: `/api/public/admissions/${campaign}/sign-in`,
      payload: { code: slip.code, pin: slip.pin },
    });
    const cookie = `sogd_candidate=${signedIn.cookies.find((c) => c.name === 'sogd_candidate')!.value}`;
    const receipt = await app.inject({
      method: 'GET',
      url: `/api/public/admissions/${campaign}/receipt`,
      headers: { cookie },
    });
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    const pdf = await getDocument({
      data: new Uint8Array(receipt.rawPayload),
      useSystemFonts: false,
    }).promise;
    const page = await (await pdf.getPage(1)).getTextContent();
    const text = page.items.map((i) => ('str' in i ? i.str : '')).join(' ');
    expect(text).toContain(slip.code);
    expect(text).toContain('Lê Thị An');
    expect(text).toContain('05/04/2012');
    expect(text).toMatch(new RegExp(`Phiên bản:\\s*${current + 1}`));
    expect(text).toMatch(/Nguyện vọng 1:\s*P2 — THPT Một/);
    expect(text).toMatch(/Nguyện vọng 2:\s*P1 — THPT Một/);
    expect(text).toMatch(/SHA-256\): [0-9a-f]{64}/);
    // Without a candidate session: 401, nothing disclosed.
    expect(
      (await app.inject({ method: 'GET', url: `/api/public/admissions/${campaign}/receipt` }))
        .statusCode,
    ).toBe(401);

    const clerk = await signIn(app, 'vanthu.a', 'mat-khau-rat-dai-1');
    const xlsx = await app.inject({
      method: 'GET',
      url: `/api/admissions/campaigns/${campaign}/candidates.xlsx`,
      headers: { cookie: clerk.cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Thí sinh');
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const an = rows.find((r) => r[1] === slip.code)!;
    expect(an.slice(1)).toEqual([
      slip.code,
      'Lê Thị An',
      '05/04/2012',
      'THCS An',
      'Không',
      'Có',
      current + 1,
      2,
    ]);
    // A school outside gets an empty list, not the others' candidates.
    const other = await signIn(app, 'vanthu.pt', 'mat-khau-rat-dai-1');
    const theirs = await app.inject({
      method: 'GET',
      url: `/api/admissions/campaigns/${campaign}/candidates.xlsx`,
      headers: { cookie: other.cookie },
    });
    const otherBook = new ExcelJS.Workbook();
    await otherBook.xlsx.load(theirs.rawPayload as unknown as ArrayBuffer);
    expect(otherBook.worksheets[0]!.rowCount).toBe(1);
  });
});
