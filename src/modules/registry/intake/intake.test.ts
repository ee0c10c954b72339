import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import { searchKey } from '../../../lib/vietnamese.ts';
import { buildApp, type App } from '../../../app/app.ts';
import { freshDatabase } from '../../../../test/helpers/db.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../../../../test/helpers/fixtures.ts';
import { signIn, type Client } from '../../../../test/helpers/client.ts';
import { AppError } from '../../../core/errors.ts';
import { receiveIncomingStudents } from '../index.ts';
import type { IncomingStudentRow } from '../contract.ts';

let db: Db;
let close: () => Promise<void>;
let app: App;
let ids: Record<string, string>;
let clerkB: Client;
let clerkC: Client;
const year = '2026-2027';
const actor = systemActor('test: tuyển sinh');
let graduate: string;

async function addClass(school: string, schoolYear: string, name: string, grade: number) {
  const id = uuidv7();
  await writeTransaction(db, actor, (tx) =>
    tx
      .insertInto('class')
      .values({ school_id: ids[school]!, id, school_year: schoolYear, name, grade })
      .execute(),
  );
  return id;
}

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  const grade5 = await addClass('THA', '2025-2026', '5A', 5);
  graduate = uuidv7();
  await writeTransaction(db, actor, async (tx) => {
    await tx
      .insertInto('student')
      .values({
        id: graduate,
        school_id: ids.THA!,
        full_name: 'Lê Thu Hà',
        family_name: 'Lê',
        middle_name: 'Thu',
        given_name: 'Hà',
        search_name: searchKey('Lê Thu Hà'),
        birth_date: '2015-05-06',
        gender: 'female',
        personal_id: null,
        student_code: null,
        ethnicity: null,
        birth_place: null,
        address: null,
        guardian_name: null,
        phone: null,
        status: 'graduated',
        status_reason: 'Hoàn thành chương trình tiểu học',
      })
      .execute();
    await tx
      .insertInto('enrolment')
      .values({
        student_id: graduate,
        school_year: '2025-2026',
        school_id: ids.THA!,
        class_id: grade5,
      })
      .execute();
  });
  await makeUser(db, ids.THB!, 'school_staff', 'vanthu.b');
  await makeUser(db, ids.THC!, 'school_staff', 'vanthu.c');
  app = await buildApp({ db, webDir: null });
  clerkB = await signIn(app, 'vanthu.b', 'mat-khau-rat-dai-1');
  clerkC = await signIn(app, 'vanthu.c', 'mat-khau-rat-dai-1');
});
afterAll(async () => {
  await app?.close();
  await close?.();
});

const incoming = (client: Client) =>
  client.get(`/api/registry/schools/${ids.THB}/incoming?year=${year}`);

describe('incoming students from an admissions campaign', () => {
  it('refuses a list with a bad entry and receives nobody', async () => {
    const refused = await receiveIncomingStudents(db, actor, {
      schoolYear: year,
      source: 'admissions:c1',
      students: [
        { reference: 'HS001', toSchoolId: ids.THB!, grade: 6, studentId: graduate },
        {
          reference: 'HS002',
          toSchoolId: ids.THB!,
          grade: 6,
          person: { fullName: 'Trần', birthDate: '31/02/2015', gender: 'male' },
        },
      ],
    }).catch((error: unknown) => error as AppError);
    expect(refused).toBeInstanceOf(AppError);
    const problem = refused as AppError;
    expect(problem.status).toBe(400);
    expect(problem.errors.map((e) => e.message).join(' ')).toContain('Thí sinh HS002');
    expect((await incoming(clerkB)).body).toEqual([]);
  });

  it('moves a registry student and creates a record for a free candidate, once', async () => {
    const students: Parameters<typeof receiveIncomingStudents>[2]['students'] = [
      { reference: 'HS001', toSchoolId: ids.THB!, grade: 6, studentId: graduate },
      {
        reference: 'HS002',
        toSchoolId: ids.THB!,
        grade: 6,
        person: {
          fullName: 'Trần Minh Quân',
          birthDate: '2015-09-01',
          gender: 'male' as const,
          address: 'Thôn 3, Xã Hoà Bình',
        },
      },
    ];
    const first = await receiveIncomingStudents(db, actor, {
      schoolYear: year,
      source: 'admissions:c1',
      students,
    });
    expect(first.map((r) => [r.reference, r.created])).toEqual([
      ['HS001', true],
      ['HS002', true],
    ]);
    expect(first[0]!.studentId).toBe(graduate);
    const again = await receiveIncomingStudents(db, actor, {
      schoolYear: year,
      source: 'admissions:c1',
      students,
    });
    expect(again).toEqual(first.map((r) => ({ ...r, created: false })));

    const moved = await db
      .selectFrom('student')
      .select(['school_id', 'status'])
      .where('id', '=', graduate)
      .executeTakeFirstOrThrow();
    expect(moved).toEqual({ school_id: ids.THB, status: 'studying' });
    const list = (await incoming(clerkB)).body as IncomingStudentRow[];
    expect(list.map((r) => [r.fullName, r.reference, r.classId])).toEqual([
      ['Lê Thu Hà', 'HS001', null],
      ['Trần Minh Quân', 'HS002', null],
    ]);
    // Another school's clerk sees nothing of it.
    expect((await incoming(clerkC)).status).toBe(403);
  });

  it('refuses the same student for another school in the same year', async () => {
    await expect(
      receiveIncomingStudents(db, actor, {
        schoolYear: year,
        source: 'admissions:c2',
        students: [{ reference: 'X9', toSchoolId: ids.THC!, grade: 6, studentId: graduate }],
      }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('puts them into a class of their grade and year, and refuses another grade', async () => {
    const list = (await incoming(clerkB)).body as IncomingStudentRow[];
    const wrongGrade = await addClass('THB', year, '7A', 7);
    const refused = await clerkB.send('POST', `/api/registry/schools/${ids.THB}/incoming/assign`, {
      classId: wrongGrade,
      intakeIds: list.map((r) => r.id),
    });
    expect(refused.status).toBe(400);
    expect((refused.body as { detail: string }).detail).toContain(
      'Lớp 7A là lớp 7 năm học 2026-2027',
    );
    const grade6 = await addClass('THB', year, '6A', 6);
    const other = await clerkC.send('POST', `/api/registry/schools/${ids.THB}/incoming/assign`, {
      classId: grade6,
      intakeIds: list.map((r) => r.id),
    });
    expect(other.status).toBe(403);
    const done = await clerkB.send('POST', `/api/registry/schools/${ids.THB}/incoming/assign`, {
      classId: grade6,
      intakeIds: list.map((r) => r.id),
    });
    expect(done.body).toEqual({ assigned: 2 });
    const students = (await clerkB.get(`/api/classes/${grade6}/students`)).body as {
      fullName: string;
    }[];
    expect(students.map((s) => s.fullName).sort()).toEqual(['Lê Thu Hà', 'Trần Minh Quân']);
    const after = (await incoming(clerkB)).body as IncomingStudentRow[];
    expect(after.every((r) => r.className === '6A')).toBe(true);
  });
});
