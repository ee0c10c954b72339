import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import ExcelJS from 'exceljs';
import { uuidv7 } from '../../lib/ids.ts';
import { buildApp, type App } from '../../app/app.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../../../test/helpers/fixtures.ts';
import { signIn, type Client } from '../../../test/helpers/client.ts';
import {
  makeClass,
  makeClasses,
  makeStudent,
  makeStudents,
} from '../../../test/helpers/factories/registry.ts';
import { STUDENT_HEADERS } from './imports/student-rows.ts';

/**
 * Concurrent edits (issue #11, item 9): every update writes only the fields
 * it was sent, and a save made from a stale form (its `version` is not the
 * record's any more) is refused with 409 and changes nothing.
 */

const YEAR = '2025-2026';
const STALE = 'urn:sogd:problem:stale-version';
let db: Db;
let close: () => Promise<void>;
let app: App;
let ids: Record<string, string>;
let clerkA: Client;
let admin: Client;
const classA = uuidv7();
const classC = uuidv7();
const studentA = uuidv7();
const studentC = uuidv7();
const staffC = uuidv7();
let userId: string;

interface ClassBody {
  name: string;
  sessionsPerDay: number;
  version: number;
}
interface Problem {
  type: string;
  detail: string;
  errors?: { path: string; message: string }[];
}

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  await writeTransaction(db, systemActor('test'), async (tx) => {
    await tx
      .insertInto('staff')
      .values({
        id: staffC,
        school_id: ids.THC!,
        full_name: 'Trần Thị Cô',
        family_name: 'Trần',
        middle_name: 'Thị',
        given_name: 'Cô',
        search_name: 'tran thi co',
        birth_date: '1990-01-01',
        gender: 'female',
        personal_id: null,
        position: 'teacher',
        main_subject: null,
        qualification: null,
        employment_type: null,
        active: true,
      })
      .execute();
  });
  await makeClasses(db, [
    { schoolId: ids.THA!, schoolYear: YEAR, id: classA, name: '3A' },
    { schoolId: ids.THC!, schoolYear: YEAR, id: classC, name: 'Mầm 1' },
  ]);
  await makeStudents(db, [
    { schoolId: ids.THA!, id: studentA, fullName: 'Nguyễn Văn An' },
    { schoolId: ids.THC!, id: studentC, fullName: 'Lê Thị Bé' },
  ]);
  await makeUser(db, ids.THA!, 'school_staff', 'vanthu.a');
  userId = await makeUser(db, ids.THA!, 'teacher', 'gv.a');
  await makeUser(db, ids.SGD!, 'department_admin', 'quantri');
  app = await buildApp({ db, webDir: null });
  clerkA = await signIn(app, 'vanthu.a', 'mat-khau-rat-dai-1');
  admin = await signIn(app, 'quantri', 'mat-khau-rat-dai-1');
});
afterAll(async () => {
  await app?.close();
  await close?.();
});

async function put(client: Client, url: string, payload: unknown) {
  const r = await app.inject({
    method: 'PUT',
    url,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken },
    payload: payload as object,
  });
  return { status: r.statusCode, body: r.json<unknown>() };
}

async function auditCount(entityType: string, entityId: string): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .where('action', '=', 'update')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A stale save: 409 with the stale-version problem, in Vietnamese. */
function expectStale(answer: { status: number; body: unknown }, what: string) {
  expect(answer.status).toBe(409);
  const problem = answer.body as Problem;
  expect(problem.type).toBe(STALE);
  expect(problem.detail).toContain(what);
  expect(problem.detail).toContain('đã được người khác sửa sau khi bạn mở');
  expect(problem.detail).toContain('hãy tải lại');
}
describe('concurrent edits of a class, without versions', () => {
  it('199 renames and one sessionsPerDay change at once: none of them is lost', async () => {
    const renames = Array.from({ length: 199 }, (_, i) => `3A-${i + 1}`);
    const requests = [
      ...renames.map((name) => clerkA.send('PATCH', `/api/registry/classes/${classA}`, { name })),
      clerkA.send('PATCH', `/api/registry/classes/${classA}`, { sessionsPerDay: 2 }),
    ];
    // Shuffle-free but interleaved: the sessions change goes out in the middle.
    const answers = await Promise.all(requests);
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    const final = await db
      .selectFrom('class')
      .select(['name', 'sessions_per_day'])
      .where('id', '=', classA)
      .executeTakeFirstOrThrow();
    expect(final.sessions_per_day).toBe(2);
    expect(renames).toContain(final.name);
    // The rename written last is the one kept: each answer shows the row as its
    // own update left it, so the highest version among renames names the last.
    const bodies = answers.slice(0, 199).map((a) => a.body as ClassBody);
    const last = bodies.reduce((a, b) => (b.version > a.version ? b : a));
    expect(final.name).toBe(last.name);
    // Every update counted once, and audited once: 1 + 200.
    expect(Math.max(...answers.map((a) => (a.body as ClassBody).version))).toBe(201);
    expect(await auditCount('class', classA)).toBe(200);
  });
});

describe('a save from a stale form is refused and changes nothing', () => {
  it('class', async () => {
    const loaded = (await clerkA.get(`/api/registry/schools/${ids.THA}/classes?year=${YEAR}`))
      .body as ClassBody[];
    const form = loaded[0]!;
    // Someone else saves first, from the same version.
    const first = await clerkA.send('PATCH', `/api/registry/classes/${classA}`, {
      name: '3A-mới',
      version: form.version,
    });
    expect(first.status).toBe(200);
    expect((first.body as ClassBody).version).toBe(form.version + 1);
    const audits = await auditCount('class', classA);
    const stale = await clerkA.send('PATCH', `/api/registry/classes/${classA}`, {
      name: '3A-cũ',
      sessionsPerDay: 1,
      version: form.version,
    });
    expectStale(stale, 'Lớp 3A-mới');
    const row = await db
      .selectFrom('class')
      .select(['name', 'sessions_per_day', 'version'])
      .where('id', '=', classA)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: '3A-mới', sessions_per_day: 2, version: form.version + 1 });
    expect(await auditCount('class', classA)).toBe(audits);
    // The audit entry of a versioned save shows the change and the version moving on.
    const entry = await db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('entity_type', '=', 'class')
      .where('entity_id', '=', classA)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.after).toMatchObject({ name: '3A-mới', version: form.version + 1 });
    expect(entry.before).toMatchObject({ version: form.version });
    // A form saved unchanged writes nothing: same version, no audit entry.
    const same = await clerkA.send('PATCH', `/api/registry/classes/${classA}`, {
      name: '3A-mới',
      sessionsPerDay: 2,
      version: form.version + 1,
    });
    expect(same.body).toMatchObject({ version: form.version + 1 });
    expect(await auditCount('class', classA)).toBe(audits);
  });

  it('school profile of a year: 0 before it is recorded, partial saves keep the other fields', async () => {
    const url = `/api/registry/schools/${ids.THA}/profile?year=${YEAR}`;
    const empty = (await clerkA.get(url)).body as { version: number; recorded: boolean };
    expect(empty).toMatchObject({ version: 0, recorded: false });
    const saved = await put(clerkA, url, {
      nationalStandardLevel: 1,
      nationalStandardDecision: 'QĐ 12/QĐ-UBND',
      accreditationLevel: 2,
      twoSessionsADay: true,
      version: 0,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, recorded: true, nationalStandardLevel: 1 });
    // An API client without a version writes only what it sends.
    const notes = await put(clerkA, url, { notes: 'Đã sửa mái' });
    expect(notes.body).toMatchObject({
      version: 2,
      notes: 'Đã sửa mái',
      nationalStandardLevel: 1,
      nationalStandardDecision: 'QĐ 12/QĐ-UBND',
      accreditationLevel: 2,
      twoSessionsADay: true,
    });
    // A form opened before it was recorded, and one opened at version 1.
    for (const version of [0, 1]) {
      const stale = await put(clerkA, url, { twoSessionsADay: false, version });
      expectStale(stale, `Thông tin năm học ${YEAR}`);
    }
    expect((await clerkA.get(url)).body).toMatchObject({ version: 2, twoSessionsADay: true });
  });

  it('facilities of a year: the rows the form loaded must be the rows recorded', async () => {
    const url = `/api/registry/schools/${ids.THA}/facilities?year=${YEAR}`;
    type Items = {
      items: { roomType: string; condition: string; count: number; version: number }[];
    };
    const first = await put(clerkA, url, {
      items: [{ roomType: 'classroom', condition: 'solid', count: 10 }],
      versions: [],
    });
    expect(first.status).toBe(200);
    const loaded = first.body as Items;
    expect(loaded.items).toMatchObject([{ roomType: 'classroom', count: 10, version: 1 }]);
    const versions = loaded.items.map(({ roomType, condition, version }) => ({
      roomType,
      condition,
      version,
    }));
    // Someone else changes the row: the first form's versions are stale.
    const other = await put(clerkA, url, {
      items: [{ roomType: 'classroom', condition: 'solid', count: 12 }],
      versions,
    });
    expect((other.body as Items).items).toMatchObject([{ count: 12, version: 2 }]);
    const stale = await put(clerkA, url, {
      items: [{ roomType: 'classroom', condition: 'solid', count: 9 }],
      versions,
    });
    expectStale(stale, 'Cơ sở vật chất');
    // A row added by someone else since the form was loaded is stale too (it would be removed).
    const fresh = (other.body as Items).items.map(({ roomType, condition, version }) => ({
      roomType,
      condition,
      version,
    }));
    await put(clerkA, url, {
      items: [
        { roomType: 'classroom', condition: 'solid', count: 12 },
        { roomType: 'library', condition: 'solid', count: 1 },
      ],
    });
    expectStale(
      await put(clerkA, url, {
        items: [{ roomType: 'classroom', condition: 'solid', count: 12 }],
        versions: fresh,
      }),
      'Cơ sở vật chất',
    );
    const now = (await clerkA.get(url)).body as Items;
    expect(now.items.map((i) => [i.roomType, i.count])).toEqual([
      ['classroom', 12],
      ['library', 1],
    ]);
  });

  it('org unit, and concurrent edits of different fields all stay', async () => {
    const unit = (await admin.get(`/api/orgs/${ids.THB}`)).body as { version: number };
    const answers = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) =>
        admin.send('PATCH', `/api/orgs/${ids.THB}`, { name: `Trường THCS Nguyễn Du ${i}` }),
      ),
      admin.send('PATCH', `/api/orgs/${ids.THB}`, { address: 'Số 1 Lê Lợi' }),
    ]);
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    const after = (await admin.get(`/api/orgs/${ids.THB}`)).body as {
      version: number;
      address: string;
      name: string;
    };
    expect(after.address).toBe('Số 1 Lê Lợi');
    expect(after.version).toBe(unit.version + 21);
    const stale = await admin.send('PATCH', `/api/orgs/${ids.THB}`, {
      name: 'Tên cũ',
      version: unit.version,
    });
    expectStale(stale, `Đơn vị ${after.name}`);
    expect((await admin.get(`/api/orgs/${ids.THB}`)).body).toMatchObject({
      name: after.name,
      version: after.version,
    });
  });

  it('user account', async () => {
    const list = (await admin.get(`/api/users?q=gv.a`)).body as {
      items: { id: string; version: number }[];
    };
    const form = list.items.find((u) => u.id === userId)!;
    expect(
      (
        await admin.send('PATCH', `/api/users/${userId}`, {
          fullName: 'Cô A',
          version: form.version,
        })
      ).status,
    ).toBe(200);
    const stale = await admin.send('PATCH', `/api/users/${userId}`, {
      fullName: 'Cô B',
      email: 'b@truong.edu.vn',
      version: form.version,
    });
    expectStale(stale, 'Tài khoản gv.a');
    const row = await db
      .selectFrom('app_user')
      .select(['full_name', 'email', 'version'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ full_name: 'Cô A', email: null, version: form.version + 1 });
  });

  it('student (status change)', async () => {
    const found = (await clerkA.get(`/api/registry/students?q=Nguyen Van An`)).body as {
      items: { id: string; version: number }[];
    };
    const form = found.items.find((s) => s.id === studentA)!;
    const url = `/api/registry/students/${studentA}/status`;
    const done = await clerkA.send('POST', url, {
      status: 'dropped_out',
      reason: 'Gia đình chuyển vào Nam',
      version: form.version,
    });
    expect(done.body).toMatchObject({ status: 'dropped_out', version: form.version + 1 });
    const stale = await clerkA.send('POST', url, {
      status: 'studying',
      reason: 'Đi học lại',
      version: form.version,
    });
    expectStale(stale, 'Học sinh Nguyễn Văn An');
    const row = await db
      .selectFrom('student')
      .select(['status', 'status_reason', 'version'])
      .where('id', '=', studentA)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      status: 'dropped_out',
      status_reason: 'Gia đình chuyển vào Nam',
      version: form.version + 1,
    });
  });

  it('a merge moves classes, students and staff: their versions move on', async () => {
    const before = await Promise.all(
      (['class', 'student', 'staff'] as const).map((t) =>
        db
          .selectFrom(t)
          .select('version')
          .where('id', '=', { class: classC, student: studentC, staff: staffC }[t])
          .executeTakeFirstOrThrow(),
      ),
    );
    const merged = await admin.send('POST', `/api/orgs/${ids.THC}/merge`, { intoId: ids.THB });
    expect(merged.status).toBe(200);
    const after = await Promise.all(
      (['class', 'student', 'staff'] as const).map((t) =>
        db
          .selectFrom(t)
          .select(['version', 'school_id'])
          .where('id', '=', { class: classC, student: studentC, staff: staffC }[t])
          .executeTakeFirstOrThrow(),
      ),
    );
    after.forEach((a, i) => {
      expect(a.school_id).toBe(ids.THB);
      expect(a.version).toBe(before[i]!.version + 1);
    });
    // A form of the class opened before the merge is stale now.
    expectStale(
      await admin.send('PATCH', `/api/registry/classes/${classC}`, {
        name: 'Mầm 2',
        version: before[0]!.version,
      }),
      'Lớp Mầm 1',
    );
  });
});

describe('bulk paths and first saves', () => {
  it('a student import that changes a student moves its version on', async () => {
    await makeClass(db, { schoolId: ids.THA!, schoolYear: YEAR, name: '4B' });
    const id = await makeStudent(db, {
      schoolId: ids.THA!,
      fullName: 'Phạm Văn Dũng',
      personalId: '044217000099',
    });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('HS');
    ws.addRow(Object.values(STUDENT_HEADERS));
    ws.addRow(['THA', '4B', 'Phạm Văn Dũng', '04/03/2017', 'Nam', '044217000099']);
    ws.getCell('J2').value = 'Thôn 5, xã Hoà Bình';
    const boundary = '----sogd';
    const imported = await app.inject({
      method: 'POST',
      url: `/api/registry/imports/students?year=${YEAR}&dryRun=0`,
      headers: {
        cookie: clerkA.cookie,
        'x-csrf-token': clerkA.csrfToken,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="hs.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        Buffer.from(await wb.xlsx.writeBuffer()),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const row = await db
      .selectFrom('student')
      .select(['address', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ address: 'Thôn 5, xã Hoà Bình', version: 2 });
    expectStale(
      await clerkA.send('POST', `/api/registry/students/${id}/status`, {
        status: 'dropped_out',
        reason: 'Chuyển vùng',
        version: 1,
      }),
      'Học sinh Phạm Văn Dũng',
    );
  });

  it('two first saves of a year at once: both written without versions, one stale with', async () => {
    const year = '2024-2025';
    const profileUrl = `/api/registry/schools/${ids.THA}/profile?year=${year}`;
    const both = await Promise.all([
      put(clerkA, profileUrl, { notes: 'Ghi chú A' }),
      put(clerkA, profileUrl, { twoSessionsADay: true }),
    ]);
    expect(both.map((b) => b.status)).toEqual([200, 200]);
    expect((await clerkA.get(profileUrl)).body).toMatchObject({
      notes: 'Ghi chú A',
      twoSessionsADay: true,
      version: 2,
    });
    const roomsUrl = `/api/registry/schools/${ids.THA}/facilities?year=${year}`;
    const rooms = (count: number) => ({
      items: [{ roomType: 'library', condition: 'solid', count }],
      versions: [],
    });
    const firsts = await Promise.all([
      put(clerkA, roomsUrl, rooms(1)),
      put(clerkA, roomsUrl, rooms(2)),
    ]);
    expect(firsts.map((f) => f.status).sort()).toEqual([200, 409]);
    const kept = firsts.find((f) => f.status === 200)!.body;
    expect((await clerkA.get(roomsUrl)).body).toEqual(kept);
  });
});
