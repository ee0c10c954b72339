import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../app/app.ts';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db.ts';
import { makeTree, makeUser, scopeAt } from '../../../../test/helpers/fixtures.ts';
import { overlaps, textBoxes } from '../../../../test/helpers/pdf-layout.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { createFileStore } from '../../../core/files/store.ts';
import type { Db } from '../../../db/connection.ts';
import { makePersonalId } from '../../../lib/personal-id.ts';
import { writeSimpleWorkbook } from '../../../lib/xlsx.ts';
import { addFreeCandidate } from '../add-free-candidate.ts';
import { allocateCampaign } from '../allocate-campaign.ts';
import { resetCandidateThrottle } from '../candidate-session.ts';
import { createCampaign } from '../create-campaign.ts';
import { importPrograms } from '../import-programs.ts';
import { publishResults } from '../publish-results.ts';
import { CATCHMENT_HEADERS } from './catchment-sheet.ts';
import type { EntryEvidenceAnswer, EntryEvidenceFile } from './contract.ts';
import { importCatchments } from './import-catchments.ts';
import { entryReceiptCode, vnStamp } from './receipt.ts';

/**
 * Issue #15, the family's side: evidence uploads to an entry application
 * (asked by the campaign, PDF/PNG/JPEG to the file store, the version they
 * belong to, removal before the deadline, the admitting school opening them,
 * nobody else) and the registration receipt PDF, read back with pdftotext.
 */

let database: TestDatabase;
let db: Db;
let app: App;
let ids: Record<string, string>;
let dept: Scope;
let campaign: string;
let plain: string;
let areaT1: string;
const dir = mkdtempSync(join(tmpdir(), 'sogd-entry-evidence-'));
const YEAR = '2027-2028';
const HOUR = 3_600_000;
const closes = new Date(Date.now() + HOUR);

const CHILDREN = {
  A: { fullName: 'Nguyễn Hoàng Bảo An', birthDate: '2021-03-09', serial: 11 },
  B: { fullName: 'Trần Bảo Bình', birthDate: '2021-04-02', serial: 12 },
  C: { fullName: 'Lê Thu Cúc', birthDate: '2021-05-03', serial: 13 },
} as const;
type Key = keyof typeof CHILDREN;
const pid = (k: Key) => makePersonalId(31, 2021, 'male', CHILDREN[k].serial);

const PDF = Buffer.from('%PDF-1.4\n% giấy xác nhận thông tin cư trú\n%%EOF\n');
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('ảnh giấy khai sinh'),
]);

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

interface Family {
  cookie: string;
  csrf: string;
  base: string;
  call(
    method: 'GET' | 'PUT' | 'DELETE',
    path: string,
    body?: object,
    headers?: Record<string, string>,
  ): Promise<Awaited<ReturnType<App['inject']>>>;
  upload(
    kind: string,
    file: Buffer,
    name: string,
    headers?: Record<string, string>,
  ): Promise<Awaited<ReturnType<App['inject']>>>;
}

async function family(k: Key, campaignId = campaign): Promise<Family> {
  resetCandidateThrottle();
  const base = `/api/public/admissions/${campaignId}`;
  const r = await app.inject({
    method: 'POST',
    url: `${base}/sign-in/personal-id`,
    payload: { personalId: pid(k), birthDate: CHILDREN[k].birthDate },
  });
  expect(r.statusCode).toBe(200);
  const cookie = `sogd_candidate=${r.cookies.find((c) => c.name === 'sogd_candidate')!.value}`;
  const csrf = r.json<{ csrfToken: string }>().csrfToken;
  return {
    cookie,
    csrf,
    base,
    call: (method, path, body, headers = {}) =>
      app.inject({
        method,
        url: `${base}${path}`,
        headers: { cookie, 'x-csrf-token': csrf, ...headers },
        ...(body ? { payload: body } : {}),
      }),
    upload: async (kind, file, name, headers = {}) => {
      const body = await multipart(kind ? { kind } : {}, file, name);
      return app.inject({
        method: 'POST',
        url: `${base}/entry-evidence`,
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': body.contentType, ...headers },
        payload: body.payload,
      });
    },
  };
}

async function register(f: Family, school: string, baseVersion: number) {
  const r = await f.call('PUT', '/entry-application', {
    residence: 'permanent',
    areaId: areaT1,
    schools: [school],
    baseVersion,
  });
  expect(r.statusCode, r.body).toBe(200);
}

function pdfText(bytes: Buffer): string {
  const file = join(dir, `receipt-${Date.now()}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
  ids = await makeTree(db, [
    { code: 'SGD', name: 'Sở GDĐT Thử', kind: 'department' },
    { code: 'X01', name: 'Xã Một', kind: 'commune', parent: 'SGD' },
    { code: 'TH1', name: 'Tiểu học Một', kind: 'school', parent: 'X01', levels: ['primary'] },
    { code: 'TH2', name: 'Tiểu học Hai', kind: 'school', parent: 'X01', levels: ['primary'] },
  ]);
  dept = await scopeAt(db, ids.SGD!, 'department_staff');
  const file = join(dir, 'catchments.xlsx');
  await writeSimpleWorkbook(file, 'Tuyến tuyển sinh', Object.values(CATCHMENT_HEADERS), [
    ['X01', 'T1', 'Thôn Đông', 1, 'TH1', null, null],
    ['X01', 'T1', 'Thôn Đông', 1, 'TH2', null, null],
  ]);
  expect((await importCatchments(db, dept, { file, dryRun: false })).errors).toEqual([]);
  await makeUser(db, ids.TH1!, 'school_staff', 'vanthu.th1');
  await makeUser(db, ids.TH2!, 'school_staff', 'vanthu.th2');
  const make = async (name: string, documents?: ('residence' | 'birth-certificate')[]) => {
    const c = await createCampaign(db, dept, {
      name,
      schoolYear: YEAR,
      grade: 1,
      opensAt: new Date(Date.now() - HOUR).toISOString(),
      closesAt: closes.toISOString(),
      confirmBy: new Date(Date.now() + 48 * HOUR).toISOString(),
      entryRules: { seed: 7, ...(documents ? { documents } : {}) },
    });
    const programs = await importPrograms(db, dept, c.id, {
      rows: [
        { program: 'TH1', schoolCode: 'TH1', quota: 5 },
        { program: 'TH2', schoolCode: 'TH2', quota: 5 },
      ],
    });
    expect(programs.problems).toEqual([]);
    return c;
  };
  const created = await make('Tuyển sinh lớp 1 có minh chứng', ['residence', 'birth-certificate']);
  campaign = created.id;
  expect(created.entryRules?.documents).toEqual(['residence', 'birth-certificate']);
  plain = (await make('Tuyển sinh lớp 1 không minh chứng')).id;
  const th1 = await scopeAt(db, ids.TH1!, 'school_staff');
  for (const [k, c] of [
    ['A', campaign],
    ['B', campaign],
    ['C', plain],
  ] as const)
    await addFreeCandidate(db, th1, c, {
      fullName: CHILDREN[k].fullName,
      birthDate: CHILDREN[k].birthDate,
      personalId: pid(k),
      gender: 'male',
    });
  areaT1 = (
    await db
      .selectFrom('entry_area')
      .select('id')
      .where('code', '=', 'T1')
      .executeTakeFirstOrThrow()
  ).id;
  app = await buildApp({ db, webDir: null, files: createFileStore(join(dir, 'files')) });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('evidence uploads of an entry application', () => {
  let a: Family;
  let b: Family;
  let residenceFile: EntryEvidenceFile;
  let birthFile: EntryEvidenceFile;

  it('are refused before the family has registered, and where the campaign asks for none', async () => {
    a = await family('A');
    const early = await a.upload('residence', PDF, 'cu-tru.pdf');
    expect(early.statusCode).toBe(409);
    expect(early.json<{ detail: string }>().detail).toContain('Hãy lưu hồ sơ đăng ký');
    const listed = await a.call('GET', '/entry-evidence');
    expect(listed.json()).toEqual({
      asked: ['residence', 'birth-certificate'],
      files: [],
      open: true,
    });
    const c = await family('C', plain);
    await register(c, 'TH1', 0);
    const none = await c.upload('residence', PDF, 'cu-tru.pdf');
    expect(none.statusCode).toBe(409);
    expect(none.json<{ detail: string }>().detail).toContain('không yêu cầu');
    expect(await db.selectFrom('admission_entry_evidence').selectAll().execute()).toEqual([]);
  });

  it('takes PDF and PNG files of the kinds asked, sniffed by their bytes, with the version in force', async () => {
    await register(a, 'TH1', 0);
    // Not a PDF or image by its bytes, even named .pdf: refused, nothing recorded.
    const text = await a.upload('residence', Buffer.from('chỉ là chữ'), 'gia.pdf');
    expect(text.statusCode).toBe(400);
    expect(text.json<{ detail: string }>().detail).toContain('tệp PDF, ảnh PNG hoặc JPEG');
    // A kind the campaign does not ask for, or none.
    const kind = await a.upload('primary-record', PDF, 'hoc-ba.pdf');
    expect(kind.statusCode).toBe(400);
    expect(kind.json<{ errors: { path: string }[] }>().errors).toEqual([
      expect.objectContaining({ path: 'kind' }),
    ]);
    expect((await a.upload('', PDF, 'x.pdf')).statusCode).toBe(400);
    // Without the candidate's CSRF token nothing is taken.
    expect(
      (await a.upload('residence', PDF, 'cu-tru.pdf', { 'x-csrf-token': 'sai' })).statusCode,
    ).toBe(403);
    // Over 10 MB: 413 in Vietnamese.
    const big = await a.upload(
      'residence',
      Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]),
      'qua-lon.pdf',
    );
    expect(big.statusCode).toBe(413);
    expect(big.json<{ detail: string }>().detail).toContain('Tệp vượt quá giới hạn 10 MB');
    expect(await db.selectFrom('admission_entry_evidence').selectAll().execute()).toEqual([]);

    const sent = await a.upload('residence', PDF, 'xác nhận cư trú.pdf');
    expect(sent.statusCode).toBe(201);
    residenceFile = sent.json<EntryEvidenceFile>();
    expect(residenceFile).toMatchObject({
      kind: 'residence',
      fileName: 'xác nhận cư trú.pdf',
      size: PDF.length,
      type: 'application/pdf',
      version: 1,
    });
    // A new version of the application: the next file belongs to it.
    await register(a, 'TH2', 1);
    await register(a, 'TH1', 2);
    const png = await a.upload('birth-certificate', PNG, 'khai-sinh.png');
    expect(png.statusCode).toBe(201);
    birthFile = png.json<EntryEvidenceFile>();
    expect(birthFile).toMatchObject({ kind: 'birth-certificate', type: 'image/png', version: 3 });
    const extra = (
      await a.upload('birth-certificate', PNG, 'trang-2.png')
    ).json<EntryEvidenceFile>();

    const mine = (await a.call('GET', '/entry-evidence')).json<EntryEvidenceAnswer>();
    expect(mine.files.map((f) => [f.kind, f.fileName, f.version])).toEqual([
      ['residence', 'xác nhận cư trú.pdf', 1],
      ['birth-certificate', 'khai-sinh.png', 3],
      ['birth-certificate', 'trang-2.png', 3],
    ]);
    const opened = await a.call('GET', `/entry-evidence/${residenceFile.id}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['content-type']).toBe('application/pdf');
    expect(opened.rawPayload.equals(PDF)).toBe(true);
    // The family removes one of its own before the deadline; the removal is audited.
    expect((await a.call('DELETE', `/entry-evidence/${extra.id}`)).statusCode).toBe(204);
    expect((await a.call('DELETE', `/entry-evidence/${extra.id}`)).statusCode).toBe(404);
    const after = (await a.call('GET', '/entry-evidence')).json<EntryEvidenceAnswer>();
    expect(after.files.map((f) => f.fileName)).toEqual(['xác nhận cư trú.pdf', 'khai-sinh.png']);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('entity_type', '=', 'admission_entry_evidence')
      .execute();
    expect(audit.map((r) => r.action).sort()).toEqual(['delete', 'insert', 'insert', 'insert']);
    expect(audit.every((r) => r.actor_name.includes('gia đình trẻ'))).toBe(true);
  });

  it("never reaches another family's file, nor opens one without the family's session", async () => {
    b = await family('B');
    await register(b, 'TH2', 0);
    const theirs = await b.upload('residence', PDF, 'cu-tru-b.pdf');
    expect(theirs.statusCode).toBe(201);
    expect(
      (await b.call('GET', '/entry-evidence'))
        .json<EntryEvidenceAnswer>()
        .files.map((f) => f.fileName),
    ).toEqual(['cu-tru-b.pdf']);
    expect((await b.call('GET', `/entry-evidence/${residenceFile.id}`)).statusCode).toBe(404);
    expect((await b.call('DELETE', `/entry-evidence/${residenceFile.id}`)).statusCode).toBe(404);
    expect((await b.call('GET', `/entry-evidence/not-a-uuid`)).statusCode).toBe(404);
    // A's file is still there.
    expect((await a.call('GET', `/entry-evidence/${residenceFile.id}`)).statusCode).toBe(200);
    const anonymous = await app.inject({
      method: 'GET',
      url: `${a.base}/entry-evidence/${residenceFile.id}`,
    });
    expect(anonymous.statusCode).toBe(401);
    // A staff session is not a family's: the school's route is the one for staff.
    const clerk = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'vanthu.th1', password: 'mat-khau-rat-dai-1' },
    });
    const staffCookie = `sogd_session=${clerk.cookies.find((c) => c.name === 'sogd_session')!.value}`;
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `${a.base}/entry-evidence/${residenceFile.id}`,
          headers: { cookie: staffCookie },
        })
      ).statusCode,
    ).toBe(401);
  });
});

describe('the registration receipt (phiếu đăng ký tuyển sinh)', () => {
  it('is a PDF of the version in force with the child, residence, school, version and a verification code', async () => {
    const a = await family('A');
    const r = await a.call('GET', '/entry-receipt');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toMatch(
      /attachment; filename="phieu-dang-ky-.*-v3\.pdf"/,
    );
    expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(r.rawPayload);
    const version = await db
      .selectFrom('admission_submission as s')
      .innerJoin('admission_candidate as c', 'c.id', 's.candidate_id')
      .select([
        'c.code',
        's.version',
        's.submitted_at',
        's.preferences',
        's.residence',
        's.area_id',
      ])
      .where('c.personal_id', '=', pid('A'))
      .orderBy('s.version', 'desc')
      .executeTakeFirstOrThrow();
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      'PHIẾU ĐĂNG KÝ TUYỂN SINH LỚP 1',
      'Tuyển sinh lớp 1 có minh chứng',
      `Mã hồ sơ: ${version.code}`,
      'Họ và tên trẻ: Nguyễn Hoàng Bảo An',
      'Ngày sinh: 09/03/2021',
      `Mã định danh cá nhân: ${pid('A').slice(0, 3)}******${pid('A').slice(-3)}`,
      'Nơi cư trú: Thường trú',
      'Khu dân cư: Thôn Đông (T1), Xã Một',
      'Trường chọn: Tiểu học Một',
      'Phiên bản: 3',
      'Giấy xác nhận cư trú: xác nhận cư trú.pdf (phiên bản 1',
      'Giấy khai sinh: khai-sinh.png (phiên bản 3',
      'Trang 1/1',
    ])
      expect(flat).toContain(expected);
    // The full personal id never appears; the time is the version's, in Vietnam's time.
    expect(flat).not.toContain(pid('A'));
    const at = new Date(version.submitted_at);
    expect(flat).toContain(`Thời điểm ghi nhận: ${vnStamp(at)}`);
    expect(vnStamp(new Date('2026-12-04T17:05:09Z'))).toBe('00:05:09 05/12/2026');
    // The code is recomputed from the stored version.
    const code = entryReceiptCode({
      campaignId: campaign,
      code: version.code,
      version: version.version,
      submittedAt: at,
      schools: version.preferences,
      residence: version.residence,
      areaId: version.area_id,
    });
    expect(flat).toContain(`Mã đối chiếu (SHA-256): ${code}`);
    expect(overlaps(await textBoxes(r.rawPayload))).toEqual([]);
    // The grade-10 receipt route, on an entry campaign, gives this receipt, not a preferences list.
    const grade10 = await a.call('GET', '/receipt');
    expect(grade10.statusCode).toBe(200);
    expect(pdfText(grade10.rawPayload)).toContain('PHIẾU ĐĂNG KÝ TUYỂN SINH LỚP 1');
  });

  it('answers 404 before the first registration, and 401 without the family session', async () => {
    // A fourth child, listed but not registered.
    await addFreeCandidate(db, await scopeAt(db, ids.TH1!, 'school_staff'), campaign, {
      fullName: 'Phạm Gia Duy',
      birthDate: '2021-06-04',
      personalId: makePersonalId(31, 2021, 'male', 14),
      gender: 'male',
    });
    resetCandidateThrottle();
    const base = `/api/public/admissions/${campaign}`;
    const r = await app.inject({
      method: 'POST',
      url: `${base}/sign-in/personal-id`,
      payload: { personalId: makePersonalId(31, 2021, 'male', 14), birthDate: '2021-06-04' },
    });
    const cookie = `sogd_candidate=${r.cookies.find((c) => c.name === 'sogd_candidate')!.value}`;
    const none = await app.inject({
      method: 'GET',
      url: `${base}/entry-receipt`,
      headers: { cookie },
    });
    expect(none.statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `${base}/entry-receipt` })).statusCode).toBe(
      401,
    );
  });
});

describe("the admitting school's documents check", () => {
  it('opens the files of its own admitted children only, after publication; the family can no longer change them', async () => {
    await allocateCampaign(db, dept, campaign, { now: new Date(closes.getTime() + 60_000) });
    await publishResults(db, dept, campaign);
    const codeOf = async (k: Key) =>
      (
        await db
          .selectFrom('admission_candidate')
          .select('code')
          .where('personal_id', '=', pid(k))
          .where('campaign_id', '=', campaign)
          .executeTakeFirstOrThrow()
      ).code;
    const aCode = await codeOf('A');
    const bCode = await codeOf('B');
    const signInStaff = async (username: string) => {
      const r = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: 'mat-khau-rat-dai-1' },
      });
      const cookie = `sogd_session=${r.cookies.find((c) => c.name === 'sogd_session')!.value}`;
      return (url: string) => app.inject({ method: 'GET', url, headers: { cookie } });
    };
    const th1 = await signInStaff('vanthu.th1');
    const th2 = await signInStaff('vanthu.th2');
    const staffBase = `/api/admissions/campaigns/${campaign}/admitted`;
    const listed = await th1(`${staffBase}/${aCode}/evidence`);
    expect(listed.statusCode).toBe(200);
    const files = listed.json<EntryEvidenceAnswer>().files;
    expect(files.map((f) => f.fileName)).toEqual(['xác nhận cư trú.pdf', 'khai-sinh.png']);
    const opened = await th1(`${staffBase}/${aCode}/evidence/${files[1]!.id}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['content-type']).toBe('image/png');
    expect(opened.rawPayload.equals(PNG)).toBe(true);
    // Another school: neither A's list nor A's file, not even through its own admitted child.
    expect((await th2(`${staffBase}/${aCode}/evidence`)).statusCode).toBe(404);
    expect((await th2(`${staffBase}/${aCode}/evidence/${files[0]!.id}`)).statusCode).toBe(404);
    expect(
      (await th2(`${staffBase}/${bCode}/evidence`)).json<EntryEvidenceAnswer>().files,
    ).toHaveLength(1);
    expect((await th2(`${staffBase}/${bCode}/evidence/${files[0]!.id}`)).statusCode).toBe(404);
    // The department (above both) may open them.
    const deptUser = await makeUser(db, ids.SGD!, 'department_staff', 'chuyenvien.sgd');
    expect(deptUser).toBeTruthy();
    const sgd = await signInStaff('chuyenvien.sgd');
    expect((await sgd(`${staffBase}/${aCode}/evidence/${files[0]!.id}`)).statusCode).toBe(200);
    // After the deadline the family sees its files but can neither add nor remove one.
    const a = await family('A');
    const mine = (await a.call('GET', '/entry-evidence')).json<EntryEvidenceAnswer>();
    expect(mine.open).toBe(false);
    expect((await a.upload('residence', PDF, 'muon.pdf')).statusCode).toBe(403);
    const late = await a.call('DELETE', `/entry-evidence/${files[0]!.id}`);
    expect(late.statusCode).toBe(403);
    expect(late.json<{ detail: string }>().detail).toContain('không xoá giấy tờ minh chứng nữa');
  });
});
