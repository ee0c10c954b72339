import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { buildApp, type App } from '../../app/app.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../../../test/helpers/fixtures.ts';
import { signIn, type Client } from '../../../test/helpers/client.ts';
import { makeClasses } from '../../../test/helpers/factories/registry.ts';
import { CLASS_EXPORT_HEADERS } from './classes/export-classes.ts';
import { FACILITY_EXPORT_HEADERS } from './schools/export-facilities.ts';

const YEAR = '2025-2026';
let db: Db;
let close: () => Promise<void>;
let app: App;
let ids: Record<string, string>;
let clerkA: Client;
let clerkB: Client;
let officer: Client;
let teacherA: Client;
const classA = uuidv7();
const classB = uuidv7();
const staff = { teacherA: uuidv7(), leftA: uuidv7(), teacherB: uuidv7() };

type Problem = { detail: string; errors?: { path: string; message: string }[] };

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  await writeTransaction(db, systemActor('test'), async (tx) => {
    const person = (id: string, school: string, name: string, active = true) => ({
      id,
      school_id: school,
      full_name: name,
      family_name: name.split(' ')[0]!,
      middle_name: '',
      given_name: name.split(' ').at(-1)!,
      search_name: name.toLowerCase(),
      birth_date: '1985-05-05',
      gender: 'female' as const,
      personal_id: null,
      position: 'teacher' as const,
      main_subject: null,
      qualification: null,
      employment_type: null,
      active,
    });
    await tx
      .insertInto('staff')
      .values([
        person(staff.teacherA, ids.THA!, 'Lê Thị Hoa'),
        person(staff.leftA, ids.THA!, 'Phạm Thị Cúc', false),
        person(staff.teacherB, ids.THB!, 'Trần Văn Bình'),
      ])
      .execute();
  });
  await makeClasses(db, [
    { schoolId: ids.THA!, schoolYear: YEAR, id: classA, name: '3A' },
    { schoolId: ids.THB!, schoolYear: YEAR, id: classB, name: '6A1' },
  ]);
  await makeUser(db, ids.THA!, 'school_staff', 'vanthu.a');
  await makeUser(db, ids.THB!, 'school_staff', 'vanthu.b');
  await makeUser(db, ids.X01!, 'office_staff', 'xa.01');
  await makeUser(db, ids.THA!, 'teacher', 'gv.a');
  app = await buildApp({ db, webDir: null });
  clerkA = await signIn(app, 'vanthu.a', 'mat-khau-rat-dai-1');
  clerkB = await signIn(app, 'vanthu.b', 'mat-khau-rat-dai-1');
  officer = await signIn(app, 'xa.01', 'mat-khau-rat-dai-1');
  teacherA = await signIn(app, 'gv.a', 'mat-khau-rat-dai-1');
});
afterAll(async () => {
  await app?.close();
  await close?.();
});

async function auditCount(entityType: string, entityId?: string): Promise<number> {
  let q = db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('entity_type', '=', entityType);
  if (entityId) q = q.where('entity_id', '=', entityId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

async function put(client: Client, url: string, payload: unknown) {
  const r = await app.inject({
    method: 'PUT',
    url,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken },
    payload: payload as object,
  });
  return { status: r.statusCode, body: r.json<unknown>() };
}

async function download(client: Client, url: string) {
  const r = await app.inject({ method: 'GET', url, headers: { cookie: client.cookie } });
  return r;
}

async function sheetOf(payload: Buffer): Promise<(string | number | null)[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: (string | number | null)[][] = [];
  wb.worksheets[0]!.eachRow((row) => {
    const values = row.values as (string | number | null | undefined)[];
    const cells = Array.from({ length: values.length - 1 }, (_, i) => values[i + 1] ?? null);
    while (cells.length && cells.at(-1) === null) cells.pop();
    rows.push(cells);
  });
  return rows;
}

describe('school profile per school year', () => {
  const url = () => `/api/registry/schools/${ids.THA}/profile?year=${YEAR}`;

  it('starts with defaults and the org unit attributes read-only', async () => {
    const r = await clerkA.get(url());
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      school: { code: 'THA', levels: ['primary'], ownership: 'public' },
      schoolYear: YEAR,
      recorded: false,
      nationalStandardLevel: 0,
      accreditationLevel: 0,
      twoSessionsADay: false,
    });
  });

  it('refuses bad input with specific Vietnamese messages and writes nothing', async () => {
    const r = await put(clerkA, url(), {
      nationalStandardLevel: 3,
      accreditationLevel: 5,
      twoSessionsADay: true,
      nationalStandardDate: '31/02/2024',
    });
    expect(r.status).toBe(400);
    const errors = (r.body as Problem).errors!;
    expect(errors).toEqual(
      expect.arrayContaining([
        {
          path: 'nationalStandardLevel',
          message: 'Mức chuẩn quốc gia là 0 (chưa đạt), 1 (mức độ 1) hoặc 2 (mức độ 2).',
        },
        {
          path: 'accreditationLevel',
          message: 'Cấp độ kiểm định chất lượng là 0 (chưa đạt) hoặc từ 1 đến 4.',
        },
        {
          path: 'nationalStandardDate',
          message: 'Ngày công nhận "31/02/2024" không hợp lệ: cần dạng dd/mm/yyyy.',
        },
      ]),
    );
    const unrecognised = await put(clerkA, url(), {
      nationalStandardLevel: 0,
      nationalStandardDecision: '123/QĐ-UBND',
      accreditationLevel: 0,
      twoSessionsADay: false,
    });
    expect(unrecognised.status).toBe(400);
    expect((unrecognised.body as Problem).errors![0]!.message).toContain(
      'Trường chưa đạt chuẩn quốc gia thì không ghi quyết định',
    );
    const badYear = await clerkA.get(`/api/registry/schools/${ids.THA}/profile?year=2025-2027`);
    expect(badYear.status).toBe(400);
    expect((badYear.body as Problem).detail).toContain('hai năm liên tiếp');
    expect(await db.selectFrom('school_year_profile').selectAll().execute()).toEqual([]);
  });

  it('records the year, audited, and reads it back', async () => {
    const r = await put(clerkA, url(), {
      nationalStandardLevel: 1,
      nationalStandardDecision: ' 1234/QĐ-UBND ',
      nationalStandardDate: '15/05/2023',
      accreditationLevel: 2,
      twoSessionsADay: true,
      notes: 'Đạt chuẩn lần đầu',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      recorded: true,
      nationalStandardLevel: 1,
      nationalStandardDecision: '1234/QĐ-UBND',
      nationalStandardDate: '2023-05-15',
      accreditationLevel: 2,
      twoSessionsADay: true,
    });
    const again = await put(clerkA, url(), {
      nationalStandardLevel: 2,
      nationalStandardDecision: '99/QĐ-UBND',
      nationalStandardDate: '2024-06-01',
      accreditationLevel: 3,
      twoSessionsADay: true,
    });
    expect(again.status).toBe(200);
    const entries = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'org_unit_id', 'after'])
      .where('entity_type', '=', 'school_year_profile')
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => e.action)).toEqual(['insert', 'update']);
    expect(entries[1]).toMatchObject({
      actor_name: 'Người dùng vanthu.a (vanthu.a)',
      org_unit_id: ids.THA,
      after: { national_standard_level: 2, accreditation_level: 3 },
    });
    // Another year is separate.
    const other = await clerkA.get(`/api/registry/schools/${ids.THA}/profile?year=2024-2025`);
    expect(other.body).toMatchObject({ recorded: false, nationalStandardLevel: 0 });
  });

  it('keeps each clerk to their own school, and read-only roles read only', async () => {
    expect((await clerkB.get(url())).status).toBe(403);
    const refused = await put(clerkB, url(), {
      nationalStandardLevel: 0,
      accreditationLevel: 0,
      twoSessionsADay: false,
    });
    expect(refused.status).toBe(403);
    expect((await teacherA.get(url())).status).toBe(200);
    const teacherPut = await put(teacherA, url(), {
      nationalStandardLevel: 0,
      accreditationLevel: 0,
      twoSessionsADay: false,
    });
    expect(teacherPut.status).toBe(403);
    // A commune is not a school; an unknown id is not found either.
    expect(
      (await officer.get(`/api/registry/schools/${ids.X01}/profile?year=${YEAR}`)).status,
    ).toBe(404);
    expect(
      (await officer.get(`/api/registry/schools/${uuidv7()}/profile?year=${YEAR}`)).status,
    ).toBe(404);
  });

  it('lists every school of a subtree with its profile, for the reports', async () => {
    const r = await officer.get(`/api/registry/profiles?year=${YEAR}`);
    expect(r.status).toBe(200);
    const rows = r.body as {
      school: { code: string };
      recorded: boolean;
      nationalStandardLevel: number;
    }[];
    expect(rows.map((x) => x.school.code)).toEqual(['THA', 'THB']);
    expect(rows[0]).toMatchObject({ recorded: true, nationalStandardLevel: 2 });
    expect(rows[1]).toMatchObject({ recorded: false, nationalStandardLevel: 0 });
    // Out of the officer's commune: refused.
    expect(
      (await officer.get(`/api/registry/profiles?year=${YEAR}&unitId=${ids.X02}`)).status,
    ).toBe(403);
    const own = await clerkB.get(`/api/registry/profiles?year=${YEAR}`);
    expect((own.body as { school: { code: string } }[]).map((x) => x.school.code)).toEqual(['THB']);
  });
});

describe('classes', () => {
  it('sets sessions per day and a homeroom teacher of the same school, audited', async () => {
    const before = await auditCount('class', classA);
    const r = await clerkA.send('PATCH', `/api/registry/classes/${classA}`, {
      sessionsPerDay: 2,
      homeroomStaffId: staff.teacherA,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      name: '3A',
      sessionsPerDay: 2,
      homeroom: { id: staff.teacherA, fullName: 'Lê Thị Hoa' },
      studentCount: 0,
    });
    expect(await auditCount('class', classA)).toBe(before + 1);
  });

  it('refuses a teacher of another school, one who left, a wrong grade or sessions', async () => {
    const other = await clerkA.send('PATCH', `/api/registry/classes/${classA}`, {
      homeroomStaffId: staff.teacherB,
    });
    expect(other.status).toBe(400);
    expect((other.body as Problem).errors).toEqual([
      {
        path: 'homeroomStaffId',
        message: 'Giáo viên chủ nhiệm phải là cán bộ, giáo viên của chính trường này.',
      },
    ]);
    const left = await clerkA.send('PATCH', `/api/registry/classes/${classA}`, {
      homeroomStaffId: staff.leftA,
    });
    expect((left.body as Problem).errors![0]!.message).toBe(
      'Phạm Thị Cúc đã thôi làm việc tại trường, không thể làm giáo viên chủ nhiệm.',
    );
    const bad = await clerkA.send('PATCH', `/api/registry/classes/${classA}`, {
      grade: 7,
      sessionsPerDay: 3,
      name: '  ',
    });
    expect(bad.status).toBe(400);
    expect((bad.body as Problem).errors).toEqual([
      { path: 'name', message: 'Tên lớp không được để trống.' },
      { path: 'grade', message: 'Khối 7 không thuộc cấp học của trường (Tiểu học).' },
      { path: 'sessionsPerDay', message: 'Số buổi học mỗi ngày là 1 hoặc 2.' },
    ]);
    const cls = await db
      .selectFrom('class')
      .selectAll()
      .where('id', '=', classA)
      .executeTakeFirstOrThrow();
    expect(cls).toMatchObject({ name: '3A', grade: 3, homeroom_staff_id: staff.teacherA });
  });

  it('creates a class, refuses a duplicate name, and keeps clerks out of other schools', async () => {
    const created = await clerkA.send(
      'POST',
      `/api/registry/schools/${ids.THA}/classes?year=${YEAR}`,
      {
        name: '3B',
        grade: 3,
        sessionsPerDay: 2,
        homeroomStaffId: null,
      },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '3B', grade: 3, schoolYear: YEAR });
    const dup = await clerkA.send('POST', `/api/registry/schools/${ids.THA}/classes?year=${YEAR}`, {
      name: '3b',
      grade: 3,
      sessionsPerDay: 1,
    });
    expect(dup.status).toBe(409);
    expect((dup.body as Problem).detail).toBe(`Năm học ${YEAR} của trường đã có lớp "3b".`);
    expect(
      (await clerkB.send('PATCH', `/api/registry/classes/${classA}`, { sessionsPerDay: 1 })).status,
    ).toBe(403);
    expect(
      (
        await clerkB.send('POST', `/api/registry/schools/${ids.THA}/classes?year=${YEAR}`, {
          name: '3C',
          grade: 3,
          sessionsPerDay: 1,
        })
      ).status,
    ).toBe(403);
    expect((await clerkB.get(`/api/registry/schools/${ids.THA}/classes?year=${YEAR}`)).status).toBe(
      403,
    );
    expect((await clerkB.get(`/api/registry/schools/${ids.THA}/homeroom-candidates`)).status).toBe(
      403,
    );
    expect((await clerkA.send('PATCH', `/api/registry/classes/${uuidv7()}`, {})).status).toBe(404);
  });

  it('lists the homeroom candidates: active staff of the school only', async () => {
    const r = await clerkA.get(`/api/registry/schools/${ids.THA}/homeroom-candidates`);
    expect((r.body as { fullName: string }[]).map((s) => s.fullName)).toEqual(['Lê Thị Hoa']);
  });

  it('exports the class list with Vietnamese headers', async () => {
    const r = await download(
      clerkA,
      `/api/registry/schools/${ids.THA}/classes/export.xlsx?year=${YEAR}`,
    );
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheetOf(r.rawPayload);
    expect(rows[0]).toEqual([...CLASS_EXPORT_HEADERS]);
    expect(rows.slice(1)).toEqual([
      [1, '3A', 3, 2, 'Lê Thị Hoa', 0],
      [2, '3B', 3, 2, null, 0],
    ]);
    const refused = await download(
      clerkB,
      `/api/registry/schools/${ids.THA}/classes/export.xlsx?year=${YEAR}`,
    );
    expect(refused.statusCode).toBe(403);
  });
});

describe('facilities', () => {
  const url = (school = ids.THA!) => `/api/registry/schools/${school}/facilities?year=${YEAR}`;

  it('validates every row with its number and writes nothing on error', async () => {
    const r = await put(clerkA, url(), {
      items: [
        { roomType: 'classroom', condition: 'solid', count: 10 },
        { roomType: 'pool', condition: 'solid', count: 1 },
        { roomType: 'library', condition: 'old', count: 1 },
        { roomType: 'toilet', condition: 'solid', count: 2.5 },
        { roomType: 'classroom', condition: 'solid', count: 3 },
        { roomType: 'medical_room', condition: 'solid', count: 10_001, areaM2: -4 },
      ],
    });
    expect(r.status).toBe(400);
    expect((r.body as Problem).errors!.map((e) => e.message)).toEqual([
      'Dòng 2: loại phòng "pool" không có trong danh mục.',
      'Dòng 3: tình trạng "old" không hợp lệ; chọn Kiên cố, Bán kiên cố hoặc Tạm.',
      'Dòng 4: số phòng phải là số nguyên từ 0 đến 10.000.',
      'Dòng 5: trùng "Phòng học – Kiên cố" với dòng 1.',
      'Dòng 6: số phòng phải là số nguyên từ 0 đến 10.000.',
      'Dòng 6: diện tích phải là số từ 0 đến 1.000.000 m², viết như 96,5 hoặc 1.234,5.',
    ]);
    expect(await db.selectFrom('facility').selectAll().execute()).toEqual([]);
  });

  it('replaces the rooms of a year with totals, auditing only real changes', async () => {
    const first = await put(clerkA, url(), {
      items: [
        { roomType: 'classroom', condition: 'solid', count: 12, areaM2: 648 },
        { roomType: 'classroom', condition: 'semi_solid', count: 3 },
        { roomType: 'library', condition: 'solid', count: 1, areaM2: 60.25 },
        { roomType: 'toilet', condition: 'temporary', count: 0 },
      ],
    });
    expect(first.status).toBe(200);
    const body = first.body as {
      items: { roomType: string; count: number; areaM2: number | null }[];
      totals: { rooms: number; byCondition: Record<string, number>; areaM2: number };
    };
    expect(body.items).toHaveLength(3);
    expect(body.items[2]).toMatchObject({ roomType: 'library', areaM2: 60.3 });
    expect(body.totals).toMatchObject({
      rooms: 16,
      byCondition: { solid: 13, semi_solid: 3, temporary: 0 },
      areaM2: 708.3,
    });
    expect(await auditCount('facility')).toBe(3);
    const second = await put(clerkA, url(), {
      items: [
        { roomType: 'classroom', condition: 'solid', count: 14, areaM2: 648 },
        { roomType: 'library', condition: 'solid', count: 1, areaM2: 60.3 },
      ],
    });
    expect(second.status).toBe(200);
    const entries = await db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after', 'org_unit_id'])
      .where('entity_type', '=', 'facility')
      .orderBy('seq')
      .execute();
    // One update (12 → 14 classrooms) and one delete (semi-solid classrooms); the library is unchanged.
    expect(
      entries
        .slice(3)
        .map((e) => e.action)
        .sort(),
    ).toEqual(['delete', 'update']);
    const update = entries.slice(3).find((e) => e.action === 'update')!;
    expect(update).toMatchObject({
      org_unit_id: ids.THA,
      before: { room_count: 12 },
      after: { room_count: 14 },
    });
    const read = await clerkA.get(url());
    expect((read.body as { totals: { rooms: number } }).totals.rooms).toBe(15);
  });

  it('reads counts and areas written the Vietnamese way: 96,5 is 96.5 m², never 965', async () => {
    const older = `/api/registry/schools/${ids.THA}/facilities?year=2024-2025`;
    const bad = await put(clerkA, older, {
      items: [
        { roomType: 'classroom', condition: 'solid', count: '12', areaM2: '96,5x' },
        { roomType: 'library', condition: 'solid', count: '1,5', areaM2: '1,234.5' },
      ],
    });
    expect(bad.status).toBe(400);
    expect((bad.body as Problem).errors!.map((e) => e.message)).toEqual([
      'Dòng 1: diện tích phải là số từ 0 đến 1.000.000 m², viết như 96,5 hoặc 1.234,5 (đã nhập "96,5x").',
      'Dòng 2: số phòng phải là số nguyên từ 0 đến 10.000 (đã nhập "1,5").',
      'Dòng 2: diện tích phải là số từ 0 đến 1.000.000 m², viết như 96,5 hoặc 1.234,5 (đã nhập "1,234.5").',
    ]);
    const ok = await put(clerkA, older, {
      items: [
        { roomType: 'classroom', condition: 'solid', count: '1.012', areaM2: '1.234,5' },
        { roomType: 'library', condition: 'solid', count: 1, areaM2: '96,5' },
        { roomType: 'toilet', condition: 'solid', count: '2', areaM2: '' },
      ],
    });
    expect(ok.status).toBe(200);
    const body = ok.body as {
      items: { roomType: string; count: number; areaM2: number | null }[];
      totals: { rooms: number; areaM2: number };
    };
    expect(body.items.map((i) => [i.roomType, i.count, i.areaM2])).toEqual([
      ['classroom', 1012, 1234.5],
      ['library', 1, 96.5],
      ['toilet', 2, null],
    ]);
    expect(body.totals).toMatchObject({ rooms: 1015, areaM2: 1331 });
    await put(clerkA, older, { items: [] });
  });

  it('keeps clerks to their own school', async () => {
    expect((await clerkB.get(url())).status).toBe(403);
    expect((await put(clerkB, url(), { items: [] })).status).toBe(403);
    expect((await put(teacherA, url(), { items: [] })).status).toBe(403);
    const exp = await download(
      clerkB,
      `/api/registry/schools/${ids.THA}/facilities/export.xlsx?year=${YEAR}`,
    );
    expect(exp.statusCode).toBe(403);
    const subtree = await download(
      clerkB,
      `/api/registry/facilities/export.xlsx?year=${YEAR}&unitId=${ids.X01}`,
    );
    expect(subtree.statusCode).toBe(403);
    // The commune is above the clerk (403); for its officer it is simply not a school (404).
    expect((await clerkA.get(url(ids.X01))).status).toBe(403);
    expect((await officer.get(url(ids.X01))).status).toBe(404);
  });

  it('sums a subtree and exports it with Vietnamese headers', async () => {
    const saved = await put(clerkB, url(ids.THB), {
      items: [{ roomType: 'classroom', condition: 'solid', count: 20 }],
    });
    expect(saved.status).toBe(200);
    const summary = await officer.get(`/api/registry/facilities/summary?year=${YEAR}`);
    expect(summary.body).toMatchObject({
      schools: 2,
      schoolsReported: 2,
      totals: { rooms: 35, byType: { classroom: 34, library: 1 } },
    });
    const exp = await download(officer, `/api/registry/facilities/export.xlsx?year=${YEAR}`);
    expect(exp.statusCode).toBe(200);
    const rows = await sheetOf(exp.rawPayload);
    expect(rows[0]).toEqual([...FACILITY_EXPORT_HEADERS]);
    expect(rows.slice(1)).toEqual([
      [1, 'THA', 'Trường Tiểu học Kim Đồng', YEAR, 'Phòng học', 'Kiên cố', 14, 648],
      [2, 'THA', 'Trường Tiểu học Kim Đồng', YEAR, 'Thư viện', 'Kiên cố', 1, 60.3],
      [3, 'THB', 'Trường THCS Nguyễn Du', YEAR, 'Phòng học', 'Kiên cố', 20],
    ]);
    const own = await download(
      clerkA,
      `/api/registry/schools/${ids.THA}/facilities/export.xlsx?year=${YEAR}`,
    );
    expect((await sheetOf(own.rawPayload)).length).toBe(3);
  });
});
