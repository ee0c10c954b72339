import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import { searchKey } from '../../../lib/vietnamese.ts';
import { buildApp, type App } from '../../../app/app.ts';
import { freshDatabase } from '../../../../test/helpers/db.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../../../../test/helpers/fixtures.ts';
import { signIn, type Client } from '../../../../test/helpers/client.ts';
import { promotedClassName, type PromotionPlan, type PromotionResult } from './plan.ts';

let db: Db;
let close: () => Promise<void>;
let app: App;
let ids: Record<string, string>;
let clerkA: Client;
let clerkB: Client;
let dept: Client;

async function addClass(school: string, year: string, name: string, grade: number | null) {
  const id = uuidv7();
  await writeTransaction(db, systemActor('test'), (tx) =>
    tx
      .insertInto('class')
      .values({
        school_id: ids[school]!,
        id,
        school_year: year,
        name,
        grade,
        homeroom_staff_id: null,
      })
      .execute(),
  );
  return id;
}

async function addStudent(school: string, classId: string, year: string, fullName: string) {
  const id = uuidv7();
  const [family = '', ...rest] = fullName.split(' ');
  await writeTransaction(db, systemActor('test'), async (tx) => {
    await tx
      .insertInto('student')
      .values({
        id,
        school_id: ids[school]!,
        full_name: fullName,
        family_name: family,
        middle_name: rest.slice(0, -1).join(' '),
        given_name: rest.at(-1) ?? '',
        search_name: searchKey(fullName),
        birth_date: '2013-05-05',
        gender: 'female',
        personal_id: null,
        student_code: null,
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
      .values({ student_id: id, school_year: year, school_id: ids[school]!, class_id: classId })
      .execute();
  });
  return id;
}

const enrolledIn = async (classId: string) =>
  (
    await db.selectFrom('enrolment').select('student_id').where('class_id', '=', classId).execute()
  ).map((r) => r.student_id);

const classByName = (school: string, year: string, name: string) =>
  db
    .selectFrom('class')
    .selectAll()
    .where('school_id', '=', ids[school]!)
    .where('school_year', '=', year)
    .where('name', '=', name)
    .executeTakeFirst();

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, [
    ...SMALL_PROVINCE,
    {
      code: 'THD',
      name: 'Trường THPT Lê Quý Đôn',
      kind: 'school',
      parent: 'X02',
      levels: ['upper_secondary'],
    },
    {
      code: 'THE',
      name: 'Trường TH&THCS Quang Trung',
      kind: 'school',
      parent: 'X02',
      levels: ['primary', 'lower_secondary'],
    },
  ]);
  await makeUser(db, ids.THA!, 'school_staff', 'vanthu.a');
  await makeUser(db, ids.THB!, 'school_staff', 'vanthu.b');
  await makeUser(db, ids.SGD!, 'department_staff', 'chuyenvien');
  app = await buildApp({ db, webDir: null });
  clerkA = await signIn(app, 'vanthu.a', 'mat-khau-rat-dai-1');
  clerkB = await signIn(app, 'vanthu.b', 'mat-khau-rat-dai-1');
  dept = await signIn(app, 'chuyenvien', 'mat-khau-rat-dai-1');
});
afterAll(async () => {
  await app?.close();
  await close?.();
});

describe('class names of the next year', () => {
  it('replaces the leading grade number', () => {
    expect(promotedClassName('6A1', 6)).toBe('7A1');
    expect(promotedClassName('10 Toán', 10)).toBe('11 Toán');
    expect(promotedClassName('Lớp 9A', 9)).toBe('Lớp 10A');
    expect(promotedClassName('6A1', 7)).toBeNull();
    expect(promotedClassName('Lớp chọn', 7)).toBeNull();
  });
});

describe('promotion of a lower secondary school', () => {
  const from = '2025-2026';
  const to = '2026-2027';
  let c6: string, c7: string, c9: string, odd: string;
  let s: Record<string, string>;

  beforeAll(async () => {
    c6 = await addClass('THB', from, '6A1', 6);
    c7 = await addClass('THB', from, '7A', 7);
    c9 = await addClass('THB', from, '9A', 9);
    odd = await addClass('THB', from, 'Lớp chọn', 8);
    await addClass('THB', to, '8A', 8); // exists already
    s = {
      an: await addStudent('THB', c6, from, 'Nguyễn Văn An'),
      binh: await addStudent('THB', c6, from, 'Trần Thị Bình'),
      chi: await addStudent('THB', c6, from, 'Lê Minh Chi'),
      dung: await addStudent('THB', c7, from, 'Phạm Văn Dũng'),
      early: await addStudent('THB', c7, from, 'Hoàng Thị Em'),
      giang: await addStudent('THB', c9, from, 'Đỗ Thu Giang'),
      ha: await addStudent('THB', c9, from, 'Vũ Thị Hà'),
      khoa: await addStudent('THB', odd, from, 'Bùi Đăng Khoa'),
      left: await addStudent('THB', c6, from, 'Mai Văn Lợi'),
    };
    const next8A = (await classByName('THB', to, '8A'))!;
    await writeTransaction(db, systemActor('test'), async (tx) => {
      // Already placed for next year by the clerk: must be skipped, not moved.
      await tx
        .insertInto('enrolment')
        .values({ student_id: s.early!, school_year: to, school_id: ids.THB!, class_id: next8A.id })
        .execute();
      await tx
        .updateTable('student')
        .set({ status: 'dropped_out', status_reason: 'Gia đình chuyển đi nước ngoài' })
        .where('id', '=', s.left!)
        .execute();
    });
  });

  it('previews per class, then applies exactly the preview', async () => {
    const body = { schoolId: ids.THB, fromYear: from, repeaterIds: [s.an, s.ha] };
    const preview = await clerkB.send('POST', '/api/registry/promotions/preview', body);
    expect(preview.status).toBe(200);
    const plan = preview.body as PromotionPlan;
    expect(plan.toYear).toBe(to);
    const byName = Object.fromEntries(plan.classes.map((c) => [c.source.name, c]));
    expect(byName['6A1']).toMatchObject({
      action: 'promote',
      target: { name: '7A1', grade: 7, exists: false, id: null },
      repeatTarget: { name: '6A1', grade: 6, exists: false },
    });
    expect(byName['6A1']!.promoted.map((x) => x.fullName)).toEqual([
      'Trần Thị Bình',
      'Lê Minh Chi',
    ]);
    expect(byName['6A1']!.repeating.map((x) => x.id)).toEqual([s.an]);
    expect(byName['7A']).toMatchObject({ target: { name: '8A', grade: 8, exists: true } });
    expect(byName['7A']!.skipped.map((x) => x.id)).toEqual([s.early]);
    expect(byName['9A']).toMatchObject({ action: 'graduate', target: null });
    expect(byName['9A']!.graduating.map((x) => x.id)).toEqual([s.giang]);
    expect(byName['9A']!.repeating.map((x) => x.id)).toEqual([s.ha]);
    expect(byName['Lớp chọn']).toMatchObject({ action: 'manual' });
    expect(byName['Lớp chọn']!.note).toContain('không bắt đầu bằng số khối 8');
    expect(plan.totals).toEqual({
      promoted: 3,
      repeating: 2,
      graduating: 1,
      skipped: 1,
      notPromoted: 1,
      newClasses: 3,
    });
    // The preview wrote nothing.
    expect(await classByName('THB', to, '7A1')).toBeUndefined();

    const applied = await clerkB.send('POST', '/api/registry/promotions', body);
    expect(applied.status).toBe(200);
    const result = applied.body as PromotionResult;
    expect(result.runId).toBeTruthy();
    const strip = (p: PromotionPlan) =>
      p.classes.map((c) => ({
        ...c,
        target: c.target && { ...c.target, id: null },
        repeatTarget: c.repeatTarget && { ...c.repeatTarget, id: null },
      }));
    expect(strip(result)).toEqual(strip(plan));
    expect(result.totals).toEqual(plan.totals);

    const new7A1 = (await classByName('THB', to, '7A1'))!;
    expect(new7A1.grade).toBe(7);
    expect((await enrolledIn(new7A1.id)).sort()).toEqual([s.binh, s.chi].sort());
    const rep6A1 = (await classByName('THB', to, '6A1'))!;
    expect(await enrolledIn(rep6A1.id)).toEqual([s.an]);
    const rep9A = (await classByName('THB', to, '9A'))!;
    expect(rep9A.grade).toBe(9);
    expect(await enrolledIn(rep9A.id)).toEqual([s.ha]);
    const next8A = (await classByName('THB', to, '8A'))!;
    expect((await enrolledIn(next8A.id)).sort()).toEqual([s.dung, s.early].sort());
    const giang = await db
      .selectFrom('student')
      .selectAll()
      .where('id', '=', s.giang!)
      .executeTakeFirstOrThrow();
    expect(giang).toMatchObject({
      status: 'graduated',
      status_reason: 'Hoàn thành chương trình trung học cơ sở (năm học 2025-2026)',
    });
    const gNext = await db
      .selectFrom('enrolment')
      .select('class_id')
      .where('student_id', '=', s.giang!)
      .where('school_year', '=', to)
      .executeTakeFirst();
    expect(gNext).toBeUndefined();
    for (const id of [s.khoa!, s.left!])
      expect(
        await db
          .selectFrom('enrolment')
          .select('class_id')
          .where('student_id', '=', id)
          .where('school_year', '=', to)
          .executeTakeFirst(),
      ).toBeUndefined();

    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', 'in', ['promotion_run', 'class', 'student'])
      .where('actor_name', 'like', '%vanthu.b%')
      .execute();
    const run = audit.find((a) => a.entity_type === 'promotion_run');
    expect(run).toMatchObject({ action: 'insert', org_unit_id: ids.THB, entity_id: result.runId });
    expect(JSON.stringify(run?.after)).toContain(s.binh);
    expect(audit.filter((a) => a.entity_type === 'class' && a.action === 'insert')).toHaveLength(3);
    expect(audit.some((a) => a.entity_type === 'student' && a.entity_id === s.giang)).toBe(true);
  });

  it('is idempotent: a second run skips everyone already placed and writes nothing', async () => {
    const before = await db.selectFrom('enrolment').select('student_id').execute();
    const again = await clerkB.send('POST', '/api/registry/promotions', {
      schoolId: ids.THB,
      fromYear: from,
      repeaterIds: [s.an],
    });
    expect(again.status).toBe(200);
    const result = again.body as PromotionResult;
    expect(result.runId).toBeNull();
    expect(result.totals).toMatchObject({ promoted: 0, repeating: 0, graduating: 0, skipped: 6 });
    expect(await db.selectFrom('enrolment').select('student_id').execute()).toHaveLength(
      before.length,
    );
    expect(
      await db.selectFrom('promotion_run').select('id').where('school_id', '=', ids.THB!).execute(),
    ).toHaveLength(1);
  });

  it('refuses with specific messages and changes nothing', async () => {
    const stranger = await clerkB.send('POST', '/api/registry/promotions', {
      schoolId: ids.THB,
      fromYear: to,
      repeaterIds: [s.giang, uuidv7()],
    });
    expect(stranger.status).toBe(400);
    const problem = stranger.body as {
      detail: string;
      errors: { path: string; message: string }[];
    };
    expect(problem.detail).toContain('Có 2 học sinh ở lại lớp không thuộc Trường THCS Nguyễn Du');
    expect(problem.errors.map((e) => e.path)).toEqual(['repeaterIds[0]', 'repeaterIds[1]']);
    expect(problem.errors[1]!.message).toContain('không đang học tại Trường THCS Nguyễn Du');

    for (const year of ['2025-2027', '2025/2026', 'năm nay']) {
      const bad = await clerkB.send('POST', '/api/registry/promotions/preview', {
        schoolId: ids.THB,
        fromYear: year,
      });
      expect(bad.status).toBe(400);
      expect((bad.body as { detail: string }).detail).toBe(
        `Năm học "${year}" không hợp lệ: cần dạng 2025-2026 (hai năm liền nhau).`,
      );
    }

    const older = await clerkB.send('POST', '/api/registry/promotions', {
      schoolId: ids.THB,
      fromYear: '2024-2025',
    });
    expect(older.status).toBe(409);
    expect((older.body as { detail: string }).detail).toBe(
      'Trường THCS Nguyễn Du đã lên lớp từ năm học 2025-2026 sang 2026-2027; không thể lên lớp lại năm học 2024-2025.',
    );

    // A clerk of another school can neither preview nor apply here.
    for (const path of ['/api/registry/promotions/preview', '/api/registry/promotions'])
      expect((await clerkA.send('POST', path, { schoolId: ids.THB, fromYear: to })).status).toBe(
        403,
      );
    expect(
      await db.selectFrom('class').select('id').where('school_year', '=', '2027-2028').execute(),
    ).toEqual([]);
  });
});

describe('final grades of each level', () => {
  it('graduates grade 5 of a primary school with its reason', async () => {
    const c5 = await addClass('THA', '2025-2026', '5A', 5);
    const c4 = await addClass('THA', '2025-2026', '4B', 4);
    const pupil = await addStudent('THA', c5, '2025-2026', 'Ngô Bảo Ngọc');
    const younger = await addStudent('THA', c4, '2025-2026', 'Đặng Văn Phúc');
    const r = await clerkA.send('POST', '/api/registry/promotions', {
      schoolId: ids.THA,
      fromYear: '2025-2026',
    });
    expect(r.status).toBe(200);
    const row = await db
      .selectFrom('student')
      .select(['status', 'status_reason'])
      .where('id', '=', pupil)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      status: 'graduated',
      status_reason: 'Hoàn thành chương trình tiểu học (năm học 2025-2026)',
    });
    const c5b = (await classByName('THA', '2026-2027', '5B'))!;
    expect(await enrolledIn(c5b.id)).toEqual([younger]);
  });

  it('moves "10 Toán" to "11 Toán" and graduates grade 12 of an upper secondary school', async () => {
    const c10 = await addClass('THD', '2025-2026', '10 Toán', 10);
    const c12 = await addClass('THD', '2025-2026', '12A1', 12);
    const tenth = await addStudent('THD', c10, '2025-2026', 'Lý Thị Quyên');
    const last = await addStudent('THD', c12, '2025-2026', 'Tạ Văn Sơn');
    const r = await dept.send('POST', '/api/registry/promotions', {
      schoolId: ids.THD,
      fromYear: '2025-2026',
    });
    expect(r.status).toBe(200);
    const c11 = (await classByName('THD', '2026-2027', '11 Toán'))!;
    expect(c11.grade).toBe(11);
    expect(await enrolledIn(c11.id)).toEqual([tenth]);
    expect(
      (
        await db
          .selectFrom('student')
          .select('status_reason')
          .where('id', '=', last)
          .executeTakeFirstOrThrow()
      ).status_reason,
    ).toBe('Hoàn thành chương trình trung học phổ thông (năm học 2025-2026)');
  });

  it('in a multi-level school, moves grade 5 on to grade 6 there and graduates grade 9', async () => {
    const c5 = await addClass('THE', '2025-2026', '5A', 5);
    const c6 = await addClass('THE', '2025-2026', '6A', 6);
    const c9 = await addClass('THE', '2025-2026', '9A', 9);
    await addStudent('THE', c5, '2025-2026', 'Cao Thị Tâm');
    await addStudent('THE', c6, '2025-2026', 'Hồ Văn Tài');
    await addStudent('THE', c9, '2025-2026', 'Kiều Thị Uyên');
    const r = await dept.send('POST', '/api/registry/promotions/preview', {
      schoolId: ids.THE,
      fromYear: '2025-2026',
    });
    const plan = r.body as PromotionPlan;
    expect(plan.classes.map((c) => [c.source.name, c.action, c.target?.name ?? null])).toEqual([
      ['5A', 'promote', '6A'],
      ['6A', 'promote', '7A'],
      ['9A', 'graduate', null],
    ]);
    expect(plan.classes.map((c) => c.note)).toEqual([
      'Hoàn thành chương trình tiểu học, lên lớp 6 tại trường.',
      null,
      'Khối cuối cấp: hoàn thành chương trình trung học cơ sở.',
    ]);
  });

  it('lists preschool age groups as not promoted automatically', async () => {
    const group = await addClass('THC', '2025-2026', 'Chồi 1', null);
    const child = await addStudent('THC', group, '2025-2026', 'Lâm Gia Vy');
    const r = await dept.send('POST', '/api/registry/promotions', {
      schoolId: ids.THC,
      fromYear: '2025-2026',
    });
    const result = r.body as PromotionResult;
    expect(result.runId).toBeNull();
    expect(result.classes[0]).toMatchObject({ action: 'manual', target: null });
    expect(result.classes[0]!.notPromoted.map((x) => x.id)).toEqual([child]);
    expect(result.classes[0]!.note).toContain('không lên lớp tự động');
  });
});
