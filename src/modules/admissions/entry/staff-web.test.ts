import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../app/app.ts';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db.ts';
import { makeTree, makeUser } from '../../../../test/helpers/fixtures.ts';
import { signIn, type Client } from '../../../../test/helpers/client.ts';
import type { Db } from '../../../db/connection.ts';
import { makePersonalId } from '../../../lib/personal-id.ts';
import { entryBirthYears } from '../labels.ts';
import { checkEntryAge } from './eligibility.ts';

/**
 * The staff's entry-grade web routes (issue #15): the commune picker over the
 * whole tree, the schools taking part in a new campaign, the seats editor
 * with its stale-save check, and the school's record of a child outside the
 * registry with a birth-year exception (who and when). Each as the owner and
 * as another commune's officer, who gets 403/404 and learns nothing.
 */
let database: TestDatabase;
let db: Db;
let app: App;
let ids: Record<string, string>;
let dept: Client;
let officer: Client;
let otherOfficer: Client;
let school: Client;
let otherSchool: Client;
let campaignId: string;
const YEAR = '2027-2028';
const HOUR = 3_600_000;
const PASSWORD = 'mat-khau-rat-dai-1';

async function put(client: Client, url: string, payload: unknown) {
  const r = await app.inject({
    method: 'PUT',
    url,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken },
    payload: payload as object,
  });
  return { status: r.statusCode, body: r.json<Record<string, unknown>>() };
}
const fields = (body: unknown) =>
  ((body as { errors?: { path: string; message: string }[] }).errors ?? []).map((e) => e.path);

const campaignBody = (extra: Record<string, unknown>) => ({
  name: 'Tuyển sinh lớp 1 Xã Một',
  schoolYear: YEAR,
  grade: 1,
  opensAt: new Date(Date.now() - HOUR).toISOString(),
  closesAt: new Date(Date.now() + 24 * HOUR).toISOString(),
  confirmBy: new Date(Date.now() + 72 * HOUR).toISOString(),
  ...extra,
});

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
  ids = await makeTree(db, [
    { code: 'SGD', name: 'Sở GDĐT Thử', kind: 'department' },
    { code: 'PGD', name: 'Phòng GDĐT Thử', kind: 'office', parent: 'SGD' },
    // X01 sits under an office: the department's picker must still list it.
    { code: 'X01', name: 'Xã Một', kind: 'commune', parent: 'PGD' },
    { code: 'X02', name: 'Xã Hai', kind: 'commune', parent: 'SGD' },
    { code: 'MN1', name: 'Mầm non Một', kind: 'school', parent: 'X01', levels: ['preschool'] },
    { code: 'TH1', name: 'Tiểu học Một', kind: 'school', parent: 'X01', levels: ['primary'] },
    { code: 'TH2', name: 'Tiểu học Hai', kind: 'school', parent: 'X01', levels: ['primary'] },
    { code: 'TH4', name: 'Tiểu học Bốn', kind: 'school', parent: 'X01', levels: ['primary'] },
    { code: 'CS1', name: 'THCS Một', kind: 'school', parent: 'X01', levels: ['lower_secondary'] },
    { code: 'TH3', name: 'Tiểu học Ba', kind: 'school', parent: 'X02', levels: ['primary'] },
  ]);
  await makeUser(db, ids.SGD!, 'department_staff', 'so.web', PASSWORD);
  await makeUser(db, ids.X01!, 'office_staff', 'xa1.web', PASSWORD);
  await makeUser(db, ids.X02!, 'office_staff', 'xa2.web', PASSWORD);
  await makeUser(db, ids.TH1!, 'school_staff', 'th1.web', PASSWORD);
  await makeUser(db, ids.TH3!, 'school_staff', 'th3.web', PASSWORD);
  app = await buildApp({ db, webDir: null });
  dept = await signIn(app, 'so.web', PASSWORD);
  officer = await signIn(app, 'xa1.web', PASSWORD);
  otherOfficer = await signIn(app, 'xa2.web', PASSWORD);
  school = await signIn(app, 'th1.web', PASSWORD);
  otherSchool = await signIn(app, 'th3.web', PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('the birth-year range the web shows', () => {
  it('is the one the eligibility check applies', () => {
    expect(entryBirthYears(1, YEAR)).toEqual({ from: 2021, to: 2021 });
    expect(entryBirthYears(6, YEAR)).toEqual({ from: 2011, to: 2016 });
    for (const year of [2010, 2011, 2016, 2017, 2020, 2021, 2022])
      for (const grade of [1, 6] as const) {
        const { from, to } = entryBirthYears(grade, YEAR);
        expect(checkEntryAge(grade, YEAR, `${year}-06-01`, null) === null).toBe(
          year >= from && year <= to,
        );
      }
  });
});

describe('units to pick', () => {
  it('lists every commune of the department at any depth, and only their own to an officer', async () => {
    const all = await dept.get('/api/admissions/communes');
    expect(all.status).toBe(200);
    expect((all.body as { code: string; parentName: string }[]).map((u) => u.code)).toEqual([
      'X01',
      'X02',
    ]);
    expect((all.body as { parentName: string }[])[0]!.parentName).toBe('Phòng GDĐT Thử');
    const own = await officer.get('/api/admissions/communes');
    expect((own.body as { code: string }[]).map((u) => u.code)).toEqual(['X01']);
    expect((await school.get('/api/admissions/communes')).status).toBe(403);
  });

  it('lists the schools teaching the grade, within the scope and the commune asked', async () => {
    const codes = (body: unknown) => (body as { code: string }[]).map((u) => u.code);
    expect(codes((await dept.get('/api/admissions/entry-schools?grade=1')).body)).toEqual([
      'TH1',
      'TH2',
      'TH3',
      'TH4',
    ]);
    expect(codes((await dept.get('/api/admissions/entry-schools?grade=6')).body)).toEqual(['CS1']);
    expect(codes((await officer.get('/api/admissions/entry-schools?grade=1')).body)).toEqual([
      'TH1',
      'TH2',
      'TH4',
    ]);
    const outside = await officer.get(`/api/admissions/entry-schools?grade=1&communeId=${ids.X02}`);
    expect(outside.status).toBe(404);
    expect(JSON.stringify(outside.body)).not.toContain('Tiểu học Ba');
    expect((await school.get('/api/admissions/entry-schools?grade=1')).status).toBe(403);
  });
});

describe('creating an entry campaign with the schools taking part', () => {
  it('names each bad school at its place, saves nothing, then creates the programs', async () => {
    const before = ((await officer.get('/api/admissions/campaigns')).body as unknown[]).length;
    const bad = await officer.send(
      'POST',
      '/api/admissions/campaigns',
      campaignBody({ schoolIds: [ids.TH1, ids.TH3, ids.MN1, ids.TH1] }),
    );
    expect(bad.status).toBe(400);
    expect(fields(bad.body)).toEqual(['body.schoolIds.1', 'body.schoolIds.2', 'body.schoolIds.3']);
    // TH3 is another commune's school: named "not in Xã Một", never by its name.
    expect(JSON.stringify(bad.body)).not.toContain('Tiểu học Ba');
    const badDates = await officer.send(
      'POST',
      '/api/admissions/campaigns',
      campaignBody({
        schoolIds: [ids.TH1],
        closesAt: new Date(Date.now() - 2 * HOUR).toISOString(),
      }),
    );
    expect(badDates.status).toBe(400);
    expect(fields(badDates.body).length).toBeGreaterThan(0);
    expect(((await officer.get('/api/admissions/campaigns')).body as unknown[]).length).toBe(
      before,
    );
    const grade10 = await dept.send(
      'POST',
      '/api/admissions/campaigns',
      campaignBody({ grade: 10, schoolIds: [ids.TH1] }),
    );
    expect(grade10.status).toBe(400);
    expect(fields(grade10.body)).toEqual(['body.schoolIds']);

    const created = await officer.send(
      'POST',
      '/api/admissions/campaigns',
      campaignBody({ schoolIds: [ids.TH1, ids.TH2] }),
    );
    expect(created.status).toBe(201);
    campaignId = (created.body as { id: string }).id;
    const detail = await officer.get(`/api/admissions/campaigns/${campaignId}`);
    expect(
      (detail.body as { programs: { program: string; quota: number }[] }).programs.map((p) => [
        p.program,
        p.quota,
      ]),
    ).toEqual([
      ['TH1', 0],
      ['TH2', 0],
    ]);
  });
});

describe('the seats editor', () => {
  type Row = {
    school: { code: string; id: string };
    classes: number | null;
    seats: number | null;
    version: number | null;
  };
  const seatsOf = async (client: Client, commune = ids.X01) => {
    const r = await client.get(
      `/api/admissions/campaigns/${campaignId}/seats?communeId=${commune}`,
    );
    return { status: r.status, body: r.body, rows: r.status === 200 ? (r.body as Row[]) : [] };
  };
  const url = (schoolId: string) => `/api/admissions/campaigns/${campaignId}/seats/${schoolId}`;

  it('lists the commune schools with their programs; another commune learns nothing', async () => {
    const { rows } = await seatsOf(officer);
    expect(rows.map((r) => [r.school.code, r.classes, r.seats, r.version])).toEqual([
      ['TH1', null, 0, 1],
      ['TH2', null, 0, 1],
      ['TH4', null, null, null],
    ]);
    const other = await seatsOf(otherOfficer);
    expect([403, 404]).toContain(other.status);
    expect(JSON.stringify(other.body)).not.toContain('Tiểu học Một');
    // The commune asked must be the campaign's: X02 is outside Xã Một's campaign.
    expect((await seatsOf(dept, ids.X02)).status).toBe(404);
    expect((await seatsOf(school)).status).toBe(403);
  });

  it('saves classes and seats with the version, refuses a stale save and bad input, writing nothing', async () => {
    const saved = await put(officer, url(ids.TH1!), { classes: 2, seats: 70, version: 1 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ program: 'TH1', classes: 2, seats: 70, version: 2 });
    // The programs box writes the same row: the campaign's quota is the seats.
    const detail = await officer.get(`/api/admissions/campaigns/${campaignId}`);
    expect(
      (detail.body as { programs: { program: string; quota: number }[] }).programs[0],
    ).toMatchObject({ program: 'TH1', quota: 70 });
    const stale = await put(officer, url(ids.TH1!), { classes: 3, seats: 105, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toBe('urn:sogd:problem:stale-version');
    const bad = await put(officer, url(ids.TH1!), { classes: -1, seats: 70, version: 2 });
    expect(bad.status).toBe(400);
    expect(fields(bad.body)).toEqual(['body.classes']);
    const noClass = await put(officer, url(ids.TH1!), { classes: 0, seats: 10, version: 2 });
    expect(noClass.status).toBe(400);
    expect(fields(noClass.body)).toEqual(['body.classes']);
    expect((await seatsOf(officer)).rows[0]).toMatchObject({ classes: 2, seats: 70, version: 2 });
  });

  it('says when seats exceed classes × 35 (TT 28/2020), saves them (a warning), and shows seats per class', async () => {
    const at = (await seatsOf(officer)).rows[0]!;
    expect(at).toMatchObject({ classes: 2, seats: 70 });
    expect((at as unknown as { classSize: unknown }).classSize).toMatchObject({
      maxPerClass: 35,
      seatsPerClass: 35,
      warning: null,
    });
    const over = await put(officer, url(ids.TH1!), { classes: 2, seats: 75, version: 2 });
    expect(over.status).toBe(200);
    const size = (over.body as { classSize: { warning: string; seatsPerClass: number } }).classSize;
    expect(size.seatsPerClass).toBe(38);
    expect(size.warning).toContain('2 lớp 1 × 35 học sinh/lớp = 70');
    expect(size.warning).toContain('Thông tư 28/2020/TT-BGDĐT');
    expect(size.warning).toContain('Cần thêm 1 lớp');
    // Back as it was, for the tests below.
    const back = await put(officer, url(ids.TH1!), { classes: 2, seats: 70, version: 3 });
    expect(back.status).toBe(200);
  });

  it('refuses another commune and a school outside the campaign; lets a new school take part', async () => {
    const other = await put(otherOfficer, url(ids.TH1!), { classes: 9, seats: 9, version: 2 });
    expect([403, 404]).toContain(other.status);
    const outside = await put(officer, url(ids.TH3!), { classes: 1, seats: 30, version: null });
    expect(outside.status).toBe(404);
    expect(JSON.stringify(outside.body)).not.toContain('Tiểu học Ba');
    const preschool = await put(officer, url(ids.MN1!), { classes: 1, seats: 30, version: null });
    expect(preschool.status).toBe(400);
    // A school not taking part yet: its program is created (version null → 1)…
    const th4 = ids.TH4!;
    expect((await seatsOf(officer)).rows.map((r) => [r.school.code, r.version])).toContainEqual([
      'TH4',
      null,
    ]);
    const created = await put(officer, url(th4), { classes: 1, seats: 35, version: null });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ program: 'TH4', seats: 35, version: 1 });
    // …and a second form that also saw none is stale.
    expect((await put(dept, url(th4), { classes: 2, seats: 70, version: null })).status).toBe(409);
    expect((await seatsOf(officer)).rows.find((r) => r.school.code === 'TH4')).toMatchObject({
      seats: 35,
    });
  });
});

describe('the programs import of an entry campaign', () => {
  type Summary = {
    errors: number;
    updated: number;
    problems: { row: number; column: string; message: string }[];
    warnings: { row: number; column: string; message: string }[];
  };
  const importRows = async (rows: Record<string, unknown>[]) => {
    const r = await put(officer, `/api/admissions/campaigns/${campaignId}/programs`, { rows });
    expect(r.status).toBe(200);
    return r.body as Summary;
  };
  const th1 = async () => {
    const r = await officer.get(
      `/api/admissions/campaigns/${campaignId}/seats?communeId=${ids.X01}`,
    );
    return (r.body as { school: { code: string }; classes: number; seats: number }[]).find(
      (x) => x.school.code === 'TH1',
    )!;
  };

  it('warns at the row and column when seats exceed classes × 35, and saves; a classes column lifts it', async () => {
    expect(await th1()).toMatchObject({ classes: 2, seats: 70 });
    // No classes column: the school's 2 classes are kept, and 75 seats are above 2 × 35.
    const over = await importRows([{ program: 'TH1', schoolCode: 'TH1', quota: 75 }]);
    expect(over).toMatchObject({ errors: 0, updated: 1, problems: [] });
    // Rows are counted as in the sheet, the header being row 1.
    expect(over.warnings).toEqual([
      {
        row: 2,
        column: 'quota',
        message: expect.stringContaining('2 lớp 1 × 35 học sinh/lớp = 70') as string,
      },
    ]);
    expect(await th1()).toMatchObject({ classes: 2, seats: 75 });
    // With a third class the same seats fit: no warning, the classes saved too.
    const fits = await importRows([{ program: 'TH1', schoolCode: 'TH1', quota: 75, classes: '3' }]);
    expect(fits).toMatchObject({ errors: 0, updated: 1, warnings: [] });
    expect(await th1()).toMatchObject({ classes: 3, seats: 75 });
  });

  it('refuses a bad classes value at its row and column, writing nothing', async () => {
    const bad = await importRows([
      { program: 'TH1', schoolCode: 'TH1', quota: 70, classes: '2' },
      { program: 'TH2', schoolCode: 'TH2', quota: 35, classes: 'hai' },
    ]);
    expect(bad.errors).toBe(1);
    expect(bad.problems).toEqual([
      {
        row: 3,
        column: 'classes',
        message: 'Số lớp "hai" không hợp lệ: cần số nguyên từ 0 đến 200.',
      },
    ]);
    expect(await th1()).toMatchObject({ classes: 3, seats: 75 });
    // Back as the tests below expect it.
    expect(
      await importRows([{ program: 'TH1', schoolCode: 'TH1', quota: 70, classes: '2' }]),
    ).toMatchObject({ errors: 0, warnings: [] });
  });
});

describe('a child outside the registry, and a birth-year exception', () => {
  const base = () => `/api/admissions/campaigns/${campaignId}/candidates`;
  it('is recorded by the school with who and when; another commune’s school gets 403/404', async () => {
    const early = await school.send('POST', `${base()}/free`, {
      fullName: 'Nguyễn Sớm',
      birthDate: '2022-02-03',
      gender: 'female',
      personalId: makePersonalId(31, 2022, 'female', 77),
    });
    // Outside the birth year without a reason: refused at the date of birth, nothing saved.
    expect(early.status).toBe(400);
    expect(fields(early.body)).toEqual(['body.birthDate']);
    const recorded = await school.send('POST', `${base()}/free`, {
      fullName: 'Nguyễn Sớm',
      birthDate: '2022-02-03',
      gender: 'female',
      personalId: makePersonalId(31, 2022, 'female', 77),
      birthYearException: 'Trẻ phát triển sớm, có xác nhận của cơ sở y tế',
    });
    expect(recorded.status).toBe(201);
    const plain = await school.send('POST', `${base()}/free`, {
      fullName: 'Trần Đúng',
      birthDate: '2021-05-06',
      personalId: makePersonalId(31, 2021, 'male', 78),
    });
    expect(plain.status).toBe(201);
    const list = (await school.get(base())).body as {
      fullName: string;
      code: string;
      free: boolean;
      addedBy: string | null;
      birthYearException: string | null;
      exceptionBy: string | null;
      exceptionAt: string | null;
      eligible: boolean;
    }[];
    const child = list.find((c) => c.fullName === 'Nguyễn Sớm')!;
    expect(child).toMatchObject({
      free: true,
      addedBy: 'Người dùng th1.web (th1.web)',
      exceptionBy: 'Người dùng th1.web (th1.web)',
      eligible: true,
    });
    expect(Date.now() - Date.parse(child.exceptionAt!)).toBeLessThan(60_000);
    const other = list.find((c) => c.fullName === 'Trần Đúng')!;
    expect(other).toMatchObject({ exceptionBy: null, exceptionAt: null, eligible: true });

    // Removing the reason clears who and when; the child is then outside the birth year.
    const removed = await put(school, `${base()}/${child.code}/birth-year-exception`, {
      reason: null,
    });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ exceptionBy: null, eligible: false });
    const again = await put(school, `${base()}/${child.code}/birth-year-exception`, {
      reason: 'Trẻ khuyết tật',
    });
    expect(again.body).toMatchObject({
      birthYearException: 'Trẻ khuyết tật',
      exceptionBy: 'Người dùng th1.web (th1.web)',
      eligible: true,
    });
    // Audited by the table's triggers: the reason, who and when, under the school's name.
    const audited = await db
      .selectFrom('audit_log')
      .select(['actor_name', 'after'])
      .where('entity_type', '=', 'admission_candidate')
      .where('action', '=', 'update')
      .execute();
    expect(
      audited.some(
        (a) =>
          a.actor_name === 'Người dùng th1.web (th1.web)' &&
          (a.after as Record<string, unknown> | null)?.birth_year_exception === 'Trẻ khuyết tật',
      ),
    ).toBe(true);

    // Another commune's school: no record, no exception, and no names learnt.
    const foreign = await put(otherSchool, `${base()}/${child.code}/birth-year-exception`, {
      reason: 'x',
    });
    expect([403, 404]).toContain(foreign.status);
    const foreignAdd = await otherSchool.send('POST', `${base()}/free`, {
      fullName: 'Lê Ngoài',
      birthDate: '2021-05-06',
    });
    expect([403, 404]).toContain(foreignAdd.status);
    const foreignList = await otherSchool.get(base());
    expect([403, 404]).toContain(foreignList.status);
    expect(JSON.stringify(foreignList.body)).not.toContain('Nguyễn Sớm');
  });
});
