import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import { searchKey } from '../../../lib/vietnamese.ts';
import { buildApp, type App } from '../../../app/app.ts';
import { freshDatabase } from '../../../../test/helpers/db.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../../../../test/helpers/fixtures.ts';
import { signIn, type Client } from '../../../../test/helpers/client.ts';
import type { StudentHistory, TransferView } from '../contract.ts';

let db: Db;
let close: () => Promise<void>;
let app: App;
let ids: Record<string, string>;
let clerkA: Client;
let clerkB: Client;
let clerkC: Client;
let office: Client;
const year = '2025-2026';
const cls: Record<string, string> = {};

async function addClass(
  key: string,
  school: string,
  schoolYear: string,
  name: string,
  grade: number,
) {
  cls[key] = uuidv7();
  await writeTransaction(db, systemActor('test'), (tx) =>
    tx
      .insertInto('class')
      .values({
        school_id: ids[school]!,
        id: cls[key]!,
        school_year: schoolYear,
        name,
        grade,
        homeroom_staff_id: null,
      })
      .execute(),
  );
}

async function addStudent(fullName: string, enrolments: [string, string][]) {
  const id = uuidv7();
  const [family = '', ...rest] = fullName.split(' ');
  await writeTransaction(db, systemActor('test'), async (tx) => {
    await tx
      .insertInto('student')
      .values({
        id,
        school_id: ids.THA!,
        full_name: fullName,
        family_name: family,
        middle_name: rest.slice(0, -1).join(' '),
        given_name: rest.at(-1) ?? '',
        search_name: searchKey(fullName),
        birth_date: '2017-03-04',
        gender: 'male',
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
    for (const [schoolYear, key] of enrolments)
      await tx
        .insertInto('enrolment')
        .values({
          student_id: id,
          school_year: schoolYear,
          school_id: ids.THA!,
          class_id: cls[key]!,
        })
        .execute();
  });
  return id;
}

const classList = async (client: Client, key: string) =>
  ((await client.get(`/api/classes/${cls[key]}/students`)).body as { id: string }[]).map(
    (s) => s.id,
  );

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  await addClass('A2', 'THA', '2024-2025', '2A', 2);
  await addClass('A3', 'THA', year, '3A', 3);
  await addClass('B3', 'THB', year, '3B', 3);
  await addClass('C3', 'THC', year, '3C', 3);
  await addClass('C3old', 'THC', '2024-2025', '3C', 3);
  await makeUser(db, ids.THA!, 'school_staff', 'vanthu.a');
  await makeUser(db, ids.THB!, 'school_staff', 'vanthu.b');
  await makeUser(db, ids.THC!, 'school_staff', 'vanthu.c');
  await makeUser(db, ids.X01!, 'office_staff', 'canbo.xa');
  app = await buildApp({ db, webDir: null });
  const sign = (u: string) => signIn(app, u, 'mat-khau-rat-dai-1');
  clerkA = await sign('vanthu.a');
  clerkB = await sign('vanthu.b');
  clerkC = await sign('vanthu.c');
  office = await sign('canbo.xa');
});
afterAll(async () => {
  await app?.close();
  await close?.();
});

describe('transfers between schools', () => {
  it('finds any school of the province by code or name, code and name only', async () => {
    const r = await clerkA.get('/api/registry/schools/lookup?q=hoa%20sen');
    expect(r.body).toEqual([{ code: 'THC', name: 'Trường Mầm non Hoa Sen' }]);
    expect((await clerkA.get('/api/registry/schools/lookup?q=thb')).body).toEqual([
      { code: 'THB', name: 'Trường THCS Nguyễn Du' },
    ]);
  });

  it('does it in one step when the caller reaches both schools', async () => {
    const student = await addStudent('Phan Văn Khải', [[year, 'A3']]);
    const noClass = await office.send('POST', '/api/registry/transfers', {
      studentId: student,
      toSchoolCode: 'THB',
      reason: 'Gia đình chuyển nhà',
      year,
    });
    expect(noClass.status).toBe(400);
    expect((noClass.body as { detail: string }).detail).toBe(
      'Cần chọn lớp ở Trường THCS Nguyễn Du năm học 2025-2026.',
    );
    const wrongClass = await office.send('POST', '/api/registry/transfers', {
      studentId: student,
      toSchoolCode: 'THB',
      toClassId: cls.A3,
      reason: 'Gia đình chuyển nhà',
      year,
    });
    expect((wrongClass.body as { detail: string }).detail).toBe(
      'Lớp được chọn không thuộc Trường THCS Nguyễn Du năm học 2025-2026.',
    );
    const r = await office.send('POST', '/api/registry/transfers', {
      studentId: student,
      toSchoolCode: 'thb',
      toClassId: cls.B3,
      reason: 'Gia đình chuyển nhà',
      decisionNumber: '12/QĐ-UBND',
      year,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      status: 'accepted',
      from: { school: { code: 'THA' }, className: '3A' },
      to: { school: { code: 'THB' }, className: '3B' },
      decisionNumber: '12/QĐ-UBND',
      requestedBy: 'Người dùng canbo.xa (canbo.xa)',
      decidedBy: 'Người dùng canbo.xa (canbo.xa)',
    });
    expect(await classList(clerkB, 'B3')).toEqual([student]);
    expect(await classList(clerkA, 'A3')).toEqual([]);
    const row = await db
      .selectFrom('student')
      .select(['school_id', 'status'])
      .where('id', '=', student)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ school_id: ids.THB, status: 'studying' });
  });

  it('needs both sides across subtrees: A requests, C accepts into a class', async () => {
    const student = await addStudent('Trịnh Quốc Bảo', [
      ['2024-2025', 'A2'],
      [year, 'A3'],
    ]);
    // C cannot pull a student out of A, and A alone cannot place one into C.
    const pull = await clerkC.send('POST', '/api/registry/transfers', {
      studentId: student,
      toSchoolCode: 'THC',
      toClassId: cls.C3,
      reason: 'x',
      year,
    });
    expect(pull.status).toBe(403);
    const noReason = await clerkA.send('POST', '/api/registry/transfers', {
      studentId: student,
      toSchoolCode: 'THC',
      reason: '  ',
      year,
    });
    expect((noReason.body as { detail: string }).detail).toBe('Cần ghi lý do chuyển trường.');
    const req = await clerkA.send('POST', '/api/registry/transfers', {
      studentId: student,
      toSchoolCode: 'THC',
      toClassId: cls.C3,
      reason: 'Theo bố mẹ về Phường Đông Hải',
      year,
    });
    expect(req.status).toBe(200);
    const transfer = req.body as TransferView;
    expect(transfer).toMatchObject({ status: 'requested', to: { className: null } });
    expect(await classList(clerkA, 'A3')).toEqual([student]); // nothing moved yet

    const twice = await clerkA.send('POST', '/api/registry/transfers', {
      studentId: student,
      toSchoolCode: 'THB',
      reason: 'Đổi ý',
      year,
    });
    expect(twice.status).toBe(409);

    const incoming = (
      await clerkC.get(`/api/registry/transfers?schoolId=${ids.THC}&direction=incoming`)
    ).body as TransferView[];
    expect(incoming.map((t) => [t.id, t.student.fullName, t.student.birthDate])).toEqual([
      [transfer.id, 'Trịnh Quốc Bảo', '2017-03-04'],
    ]);
    expect(
      (await clerkB.get(`/api/registry/transfers?schoolId=${ids.THC}&direction=incoming`)).status,
    ).toBe(403);
    // Neither another school nor the requesting side can accept in C's place.
    for (const client of [clerkB, clerkA])
      expect(
        (
          await client.send('POST', `/api/registry/transfers/${transfer.id}/accept`, {
            toClassId: cls.C3,
          })
        ).status,
      ).toBe(403);
    expect(
      (await clerkC.send('POST', `/api/registry/transfers/${transfer.id}/cancel`, { reason: 'x' }))
        .status,
    ).toBe(403);
    const badClass = await clerkC.send('POST', `/api/registry/transfers/${transfer.id}/accept`, {
      toClassId: cls.C3old,
    });
    expect(badClass.status).toBe(400);

    const ok = await clerkC.send('POST', `/api/registry/transfers/${transfer.id}/accept`, {
      toClassId: cls.C3,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      status: 'accepted',
      from: { className: '3A' },
      to: { school: { code: 'THC' }, className: '3C' },
      decidedBy: 'Người dùng vanthu.c (vanthu.c)',
    });
    const again = await clerkC.send('POST', `/api/registry/transfers/${transfer.id}/accept`, {
      toClassId: cls.C3,
    });
    expect(again.status).toBe(409);
    expect(await classList(clerkC, 'C3')).toEqual([student]);
    expect(await classList(clerkA, 'A3')).toEqual([]);

    // The old school keeps the record but no longer the student's details.
    const outgoing = (
      await clerkA.get(`/api/registry/transfers?schoolId=${ids.THA}&direction=outgoing`)
    ).body as TransferView[];
    const kept = outgoing.find((t) => t.id === transfer.id)!;
    expect(kept).toMatchObject({
      status: 'accepted',
      student: { fullName: 'Trịnh Quốc Bảo', birthDate: null },
    });
    expect((await clerkA.get(`/api/registry/students/${student}/history`)).status).toBe(403);

    const history = (await clerkC.get(`/api/registry/students/${student}/history`))
      .body as StudentHistory;
    expect(history.student.school.code).toBe('THC');
    expect(history.enrolments.map((e) => [e.schoolYear, e.school.code, e.className])).toEqual([
      ['2024-2025', 'THA', '2A'],
      ['2025-2026', 'THC', '3C'],
    ]);
    expect(history.transfers.map((t) => [t.from.school.code, t.to.school.code, t.status])).toEqual([
      ['THA', 'THC', 'accepted'],
    ]);

    // Audit: the transfer under the school left, the student's move under the new one.
    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', 'in', [transfer.id, student])
      .where('action', '!=', 'insert')
      .execute();
    const transferUpdate = audit.find((a) => a.entity_type === 'student_transfer');
    expect(transferUpdate).toMatchObject({ org_unit_id: ids.THA, action: 'update' });
    expect(transferUpdate?.actor_name).toContain('vanthu.c');
    const studentUpdate = audit.find((a) => a.entity_type === 'student');
    expect(studentUpdate).toMatchObject({ org_unit_id: ids.THC });
    expect((studentUpdate?.before as { school_id: string }).school_id).toBe(ids.THA);
  });

  it('lets B reject and A cancel, each with a reason; the student stays', async () => {
    const student = await addStudent('Lưu Thị Diệu', [[year, 'A3']]);
    const first = (
      await clerkA.send('POST', '/api/registry/transfers', {
        studentId: student,
        toSchoolCode: 'THB',
        reason: 'Gần nhà hơn',
        year,
      })
    ).body as TransferView;
    expect(first.status).toBe('requested'); // a clerk of A alone: two steps even inside X01
    const noReason = await clerkB.send('POST', `/api/registry/transfers/${first.id}/reject`, {
      reason: '',
    });
    expect((noReason.body as { detail: string }).detail).toBe('Cần ghi lý do từ chối.');
    const rejected = await clerkB.send('POST', `/api/registry/transfers/${first.id}/reject`, {
      reason: 'Lớp 3 đã đủ sĩ số',
    });
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decisionReason: 'Lớp 3 đã đủ sĩ số',
    });

    const second = (
      await clerkA.send('POST', '/api/registry/transfers', {
        studentId: student,
        toSchoolCode: 'THC',
        reason: 'Gần nhà hơn',
        year,
      })
    ).body as TransferView;
    const cancelled = await clerkA.send('POST', `/api/registry/transfers/${second.id}/cancel`, {
      reason: 'Gia đình đổi ý',
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', decisionReason: 'Gia đình đổi ý' });
    expect(
      (
        await clerkC.send('POST', `/api/registry/transfers/${second.id}/accept`, {
          toClassId: cls.C3,
        })
      ).status,
    ).toBe(409);
    expect(await classList(clerkA, 'A3')).toEqual([student]);
    const history = (await clerkA.get(`/api/registry/students/${student}/history`))
      .body as StudentHistory;
    expect(history.transfers.map((t) => t.status)).toEqual(['rejected', 'cancelled']);
    expect(
      await db
        .selectFrom('student_transfer')
        .select('id')
        .where('student_id', '=', student)
        .execute(),
    ).toHaveLength(2);
  });

  it('shows status changes in the history and refuses to transfer a student who left', async () => {
    const student = await addStudent('Tôn Nữ Hạnh', [[year, 'A3']]);
    await clerkA.send('POST', `/api/registry/students/${student}/status`, {
      status: 'dropped_out',
      reason: 'Gia đình xin cho nghỉ học',
    });
    const r = await clerkA.send('POST', '/api/registry/transfers', {
      studentId: student,
      toSchoolCode: 'THB',
      reason: 'x',
      year,
    });
    expect(r.status).toBe(409);
    expect((r.body as { detail: string }).detail).toBe(
      'Chỉ chuyển trường được học sinh đang học; Tôn Nữ Hạnh hiện đã thôi học.',
    );
    const history = (await clerkA.get(`/api/registry/students/${student}/history`))
      .body as StudentHistory;
    expect(history.statusChanges.map(({ at: _at, ...rest }) => rest)).toEqual([
      {
        from: 'studying',
        to: 'dropped_out',
        reason: 'Gia đình xin cho nghỉ học',
        actorName: 'Người dùng vanthu.a (vanthu.a)',
      },
    ]);
  });

  it("follows the student's promotion: a request for 2025-2026 is accepted for 2026-2027", async () => {
    const student = await addStudent('Đoàn Minh Khôi', [[year, 'A3']]);
    await addClass('C4next', 'THC', '2026-2027', '4C', 4);
    const req = await clerkA.send('POST', '/api/registry/transfers', {
      studentId: student,
      toSchoolCode: 'THC',
      reason: 'Gia đình chuyển nhà',
      year,
    });
    expect(req.status).toBe(200);
    const id = (req.body as TransferView).id;
    // A promotes the school while the request waits: the request moves with the student.
    const promoted = await clerkA.send('POST', '/api/registry/promotions', {
      schoolId: ids.THA,
      fromYear: year,
    });
    expect(promoted.status).toBe(200);
    const incoming = (
      await clerkC.get(
        `/api/registry/transfers?schoolId=${ids.THC}&direction=incoming&status=requested`,
      )
    ).body as TransferView[];
    expect(incoming.find((t) => t.id === id)).toMatchObject({
      schoolYear: '2026-2027',
      from: { className: '4A' },
    });
    // A year the student has left behind is refused on the form, naming the year to choose.
    const other = await addStudent('Lưu Gia Hân', [[year, 'A3']]);
    await writeTransaction(db, systemActor('test'), (tx) =>
      tx
        .insertInto('enrolment')
        .values({
          student_id: other,
          school_year: '2026-2027',
          school_id: ids.THA!,
          class_id: (
            promoted.body as { classes: { target: { id: string } | null }[] }
          ).classes.find((c) => c.target)!.target!.id,
        })
        .execute(),
    );
    const stale = await clerkA.send('POST', '/api/registry/transfers', {
      studentId: other,
      toSchoolCode: 'THC',
      reason: 'x',
      year,
    });
    expect(stale.status).toBe(400);
    expect(stale.body).toMatchObject({
      detail: 'Lưu Gia Hân đã được xếp lớp năm học 2026-2027: hãy chọn năm học 2026-2027.',
      errors: [{ path: 'year', message: 'Cần chọn năm học 2026-2027.' }],
    });
    // A class of the old year is not offered any more; one of the student's year is accepted.
    const wrong = await clerkC.send('POST', `/api/registry/transfers/${id}/accept`, {
      toClassId: cls.C3,
    });
    expect(wrong.status).toBe(400);
    const ok = await clerkC.send('POST', `/api/registry/transfers/${id}/accept`, {
      toClassId: cls.C4next,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'accepted', schoolYear: '2026-2027' });
    expect(await classList(clerkC, 'C4next')).toEqual([student]);
  });

  it("accepts a request left behind by a promotion made before this fix, for the student's year", async () => {
    await addClass('A3b', 'THA', year, '3B', 3);
    await addClass('A4b', 'THA', '2026-2027', '4B', 4);
    const student = await addStudent('Mạc Thị Yến', [[year, 'A3b']]);
    const id = uuidv7();
    await writeTransaction(db, systemActor('test'), async (tx) => {
      await tx
        .insertInto('student_transfer')
        .values({
          student_id: student,
          id,
          school_year: year,
          from_school_id: ids.THA!,
          from_class_id: cls.A3b!,
          to_school_id: ids.THC!,
          to_class_id: null,
          status: 'requested',
          reason: 'Trước khi lên lớp',
          requested_by: null,
          requested_by_name: 'test',
        })
        .execute();
      await tx
        .insertInto('enrolment')
        .values({
          student_id: student,
          school_year: '2026-2027',
          school_id: ids.THA!,
          class_id: cls.A4b!,
        })
        .execute();
    });
    const seen = (
      await clerkC.get(
        `/api/registry/transfers?schoolId=${ids.THC}&direction=incoming&status=requested`,
      )
    ).body as TransferView[];
    expect(seen.find((t) => t.id === id)?.schoolYear).toBe('2026-2027');
    const ok = await clerkC.send('POST', `/api/registry/transfers/${id}/accept`, {
      toClassId: cls.C4next,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      status: 'accepted',
      schoolYear: '2026-2027',
      from: { className: '4B' },
    });
  });
});
