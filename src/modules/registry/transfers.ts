import { sql, type Updateable } from 'kysely';
import { writeTransaction, type Actor, type Tx } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { StudentStatus, StudentTransferTable, TransferStatus } from '../../db/schema.ts';
import { isUuid, uuidv7 } from '../../lib/ids.ts';
import { searchKey } from '../../lib/vietnamese.ts';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors.ts';
import type { Scope } from '../../core/access/scope.ts';
import { schoolYearOf } from './service.ts';
import type { StudentHistory, TransferView } from './contract.ts';
export type { SchoolRef, StudentHistory, TransferView } from './contract.ts';

/**
 * A student moves from school A to school B (chuyển trường, Quyết định
 * 51/2002/QĐ-BGDĐT: the sending school agrees, the receiving school admits).
 * With a scope over both schools it is one step; otherwise A requests, B
 * accepts (choosing a class) or rejects, and A may cancel while it waits.
 * Nobody places a student into a school outside their scope, nobody pulls one
 * out of a school outside it. The transfer row is never deleted: both schools
 * keep it, and earlier years' enrolments stay with the old school.
 */

const STATUS_LABEL: Record<StudentStatus, string> = {
  studying: 'đang học',
  transferred: 'đã chuyển đi',
  dropped_out: 'đã thôi học',
  graduated: 'đã tốt nghiệp',
};

export interface TransferRequest {
  studentId: string;
  toSchoolCode: string;
  /** Needed when the caller's scope covers both schools (one-step transfer). */
  toClassId?: string | undefined;
  reason: string;
  decisionNumber?: string | undefined;
  schoolYear?: string | undefined;
}

/** Any signed-in user may find a destination school by code or name: code and name only. */
export async function findSchools(db: Db, text: string): Promise<{ code: string; name: string }[]> {
  const key = searchKey(text.trim());
  if (!key) return [];
  const words = key.split(' ').filter(Boolean);
  return db
    .selectFrom('org_unit')
    .select(['code', 'name'])
    .where('kind', 'in', ['school', 'centre'])
    .where('active', '=', true)
    .where((eb) =>
      eb.or([
        eb(sql`upper(code)`, '=', text.trim().toUpperCase()),
        eb.and(words.map((w) => eb('search_name', 'like', `%${w.replace(/[\\%_]/g, '')}%`))),
      ]),
    )
    .orderBy('code')
    .limit(20)
    .execute();
}

function transferQuery(db: Db | Tx) {
  return db
    .selectFrom('student_transfer as t')
    .innerJoin('student', 'student.id', 't.student_id')
    .innerJoin('org_unit as cur', 'cur.id', 'student.school_id')
    .innerJoin('org_unit as fs', 'fs.id', 't.from_school_id')
    .innerJoin('org_unit as ts', 'ts.id', 't.to_school_id')
    .leftJoin('class as fc', 'fc.id', 't.from_class_id')
    .leftJoin('class as tc', 'tc.id', 't.to_class_id')
    .select([
      't.id',
      't.status',
      't.school_year',
      't.student_id',
      'student.full_name',
      'student.birth_date',
      'cur.path as current_path',
      'fs.id as fs_id',
      'fs.code as fs_code',
      'fs.name as fs_name',
      'ts.id as ts_id',
      'ts.code as ts_code',
      'ts.name as ts_name',
      'ts.path as ts_path',
      'fc.name as fc_name',
      'tc.name as tc_name',
      't.reason',
      't.decision_number',
      't.decision_reason',
      't.requested_at',
      't.requested_by_name',
      't.decided_at',
      't.decided_by_name',
    ]);
}
type TransferRow = Awaited<ReturnType<ReturnType<typeof transferQuery>['executeTakeFirstOrThrow']>>;

function toView(scope: Scope, r: TransferRow): TransferView {
  // The old school keeps the record, not the details of a student it no longer
  // has; the receiving school sees who is coming while it decides.
  const seesStudent =
    scope.containsPath(r.current_path) ||
    (r.status === 'requested' && scope.containsPath(r.ts_path));
  return {
    id: r.id,
    status: r.status,
    schoolYear: r.school_year,
    student: {
      id: r.student_id,
      fullName: r.full_name,
      birthDate: seesStudent ? r.birth_date : null,
    },
    from: { school: { id: r.fs_id, code: r.fs_code, name: r.fs_name }, className: r.fc_name },
    to: { school: { id: r.ts_id, code: r.ts_code, name: r.ts_name }, className: r.tc_name },
    reason: r.reason,
    decisionNumber: r.decision_number,
    decisionReason: r.decision_reason,
    requestedAt: r.requested_at.toISOString(),
    requestedBy: r.requested_by_name,
    decidedAt: r.decided_at?.toISOString() ?? null,
    decidedBy: r.decided_by_name,
  };
}

async function viewOf(db: Db, scope: Scope, id: string): Promise<TransferView> {
  return toView(scope, await transferQuery(db).where('t.id', '=', id).executeTakeFirstOrThrow());
}

const required = (value: string | undefined, path: string, what: string): string => {
  const v = value?.trim() ?? '';
  if (!v) throw badRequest(`Cần ghi ${what}.`, [{ path, message: `Cần ghi ${what}.` }]);
  return v;
};

/** The class the student joins: B's class of that school year. */
async function checkClass(
  q: Db | Tx,
  classId: string | undefined,
  school: { id: string; name: string },
  schoolYear: string,
): Promise<string> {
  if (!classId)
    throw badRequest(`Cần chọn lớp ở ${school.name} năm học ${schoolYear}.`, [
      { path: 'toClassId', message: 'Cần chọn lớp chuyển đến.' },
    ]);
  const cls = isUuid(classId)
    ? await q
        .selectFrom('class')
        .select('id')
        .where('id', '=', classId)
        .where('school_id', '=', school.id)
        .where('school_year', '=', schoolYear)
        .executeTakeFirst()
    : undefined;
  if (!cls)
    throw badRequest(`Lớp được chọn không thuộc ${school.name} năm học ${schoolYear}.`, [
      { path: 'toClassId', message: `Cần một lớp của ${school.name} năm học ${schoolYear}.` },
    ]);
  return cls.id;
}

/**
 * Moves the student in one transaction: student.school_id, and that year's
 * enrolment to B's class. Returns the class the student left (null if none).
 */
async function moveStudent(
  tx: Tx,
  t: { student_id: string; school_year: string; from_school_id: string; to_school_id: string },
  toClassId: string,
): Promise<string | null> {
  const later = await tx
    .selectFrom('enrolment')
    .select('school_year')
    .where('student_id', '=', t.student_id)
    .where('school_year', '>', t.school_year)
    .orderBy('school_year')
    .executeTakeFirst();
  if (later)
    throw conflict(
      `Học sinh đã được xếp lớp năm học ${later.school_year} ở trường cũ: hãy chuyển trường cho năm học ${later.school_year}.`,
    );
  const moved = await tx
    .updateTable('student')
    .set({ school_id: t.to_school_id, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', t.student_id)
    .where('school_id', '=', t.from_school_id)
    .where('status', '=', 'studying')
    .executeTakeFirst();
  if (!moved.numUpdatedRows)
    throw conflict('Học sinh không còn đang học tại trường chuyển đi: không thể chuyển trường.');
  const current = await tx
    .selectFrom('enrolment')
    .select(['school_id', 'class_id'])
    .where('student_id', '=', t.student_id)
    .where('school_year', '=', t.school_year)
    .executeTakeFirst();
  if (current) {
    await tx
      .updateTable('enrolment')
      .set({ school_id: t.to_school_id, class_id: toClassId })
      .where('student_id', '=', t.student_id)
      .where('school_year', '=', t.school_year)
      .execute();
    return current.class_id;
  }
  await tx
    .insertInto('enrolment')
    .values({
      student_id: t.student_id,
      school_year: t.school_year,
      school_id: t.to_school_id,
      class_id: toClassId,
    })
    .execute();
  return null;
}

/**
 * A's side: asks for the transfer, or, when the caller also reaches B, does it
 * at once into the chosen class.
 */
export async function requestTransfer(
  db: Db,
  scope: Scope,
  input: TransferRequest,
): Promise<TransferView> {
  scope.require('registry.write');
  if (!isUuid(input.studentId)) throw notFound('học sinh');
  const student = await db
    .selectFrom('student')
    .select(['id', 'school_id', 'status', 'full_name'])
    .where('id', '=', input.studentId)
    .executeTakeFirst();
  if (!student) throw notFound('học sinh');
  const from = await scope.requireUnit(db, student.school_id, 'registry.write');
  const reason = required(input.reason, 'reason', 'lý do chuyển trường');
  if (student.status !== 'studying')
    throw conflict(
      `Chỉ chuyển trường được học sinh đang học; ${student.full_name} hiện ${STATUS_LABEL[student.status]}.`,
    );
  const code = required(input.toSchoolCode, 'toSchoolCode', 'mã trường chuyển đến');
  const to = await db
    .selectFrom('org_unit')
    .selectAll()
    .where(sql`upper(code)`, '=', code.toUpperCase())
    .where('kind', 'in', ['school', 'centre'])
    .where('active', '=', true)
    .executeTakeFirst();
  if (!to)
    throw badRequest(`Không có trường đang hoạt động mang mã "${code}".`, [
      { path: 'toSchoolCode', message: 'Mã trường không có trong danh mục.' },
    ]);
  if (to.id === from.id)
    throw badRequest('Trường chuyển đến trùng với trường hiện tại.', [
      { path: 'toSchoolCode', message: 'Cần một trường khác.' },
    ]);
  const schoolYear = input.schoolYear ?? schoolYearOf();
  const pending = await db
    .selectFrom('student_transfer')
    .select('id')
    .where('student_id', '=', student.id)
    .where('status', '=', 'requested')
    .executeTakeFirst();
  if (pending)
    throw conflict(
      `${student.full_name} đang có đề nghị chuyển trường chờ xử lý; hãy huỷ hoặc chờ xử lý đề nghị đó trước.`,
    );
  const bothSides = scope.containsPath(to.path);
  const toClassId = bothSides ? await checkClass(db, input.toClassId, to, schoolYear) : null;
  const fromClass = await db
    .selectFrom('enrolment')
    .select('class_id')
    .where('student_id', '=', student.id)
    .where('school_year', '=', schoolYear)
    .where('school_id', '=', from.id)
    .executeTakeFirst();
  const id = uuidv7();
  const actor = scope.actor;
  await writeTransaction(db, actor, async (tx) => {
    let fromClassId = fromClass?.class_id ?? null;
    if (toClassId)
      fromClassId = await moveStudent(
        tx,
        {
          student_id: student.id,
          school_year: schoolYear,
          from_school_id: from.id,
          to_school_id: to.id,
        },
        toClassId,
      );
    await tx
      .insertInto('student_transfer')
      .values({
        student_id: student.id,
        id,
        school_year: schoolYear,
        from_school_id: from.id,
        from_class_id: fromClassId,
        to_school_id: to.id,
        to_class_id: toClassId,
        status: toClassId ? 'accepted' : 'requested',
        reason,
        decision_number: input.decisionNumber?.trim() || null,
        decision_reason: null,
        requested_by: actor.id,
        requested_by_name: actor.name,
        decided_at: toClassId ? new Date() : null,
        decided_by: toClassId ? actor.id : null,
        decided_by_name: toClassId ? actor.name : null,
      })
      .execute();
  });
  return viewOf(db, scope, id);
}

type Side = 'from' | 'to';

/** A pending transfer the caller may decide on from `side`; 403 without scope on that side. */
async function pendingTransfer(db: Db, scope: Scope, id: string, side: Side) {
  scope.require('registry.write');
  if (!isUuid(id)) throw notFound('đề nghị chuyển trường');
  const t = await db
    .selectFrom('student_transfer')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!t) throw notFound('đề nghị chuyển trường');
  const unit = await scope.requireUnit(
    db,
    side === 'from' ? t.from_school_id : t.to_school_id,
    'registry.write',
  );
  if (t.status !== 'requested')
    throw conflict(
      `Đề nghị chuyển trường đã ${{ accepted: 'được tiếp nhận', rejected: 'bị từ chối', cancelled: 'bị huỷ', requested: '' }[t.status]}; không thể xử lý lại.`,
    );
  return { transfer: t, unit };
}

/**
 * Records the decision on a pending transfer; one taken meanwhile by someone
 * else (the row is no longer 'requested') makes it a 409.
 */
async function decide(
  tx: Tx,
  id: string,
  actor: Actor,
  fields: Updateable<StudentTransferTable>,
): Promise<void> {
  const done = await tx
    .updateTable('student_transfer')
    .set({
      ...fields,
      decided_at: sql`now()`,
      decided_by: actor.id,
      decided_by_name: actor.name,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', '=', 'requested')
    .executeTakeFirst();
  if (!done.numUpdatedRows) throw conflict('Đề nghị chuyển trường vừa được xử lý bởi người khác.');
}

/** B's side: admits the student into one of its classes of that year. */
export async function acceptTransfer(
  db: Db,
  scope: Scope,
  id: string,
  input: { toClassId: string; decisionNumber?: string | undefined },
): Promise<TransferView> {
  const { transfer: t, unit } = await pendingTransfer(db, scope, id, 'to');
  const toClassId = await checkClass(db, input.toClassId, unit, t.school_year);
  const actor = scope.actor;
  await writeTransaction(db, actor, async (tx) => {
    const fromClassId = await moveStudent(tx, t, toClassId);
    await decide(tx, id, actor, {
      status: 'accepted',
      from_class_id: fromClassId ?? t.from_class_id,
      to_class_id: toClassId,
      decision_number: input.decisionNumber?.trim() || t.decision_number,
    });
  });
  return viewOf(db, scope, id);
}

async function close(
  db: Db,
  scope: Scope,
  id: string,
  side: Side,
  status: 'rejected' | 'cancelled',
  reasonText: string,
): Promise<TransferView> {
  await pendingTransfer(db, scope, id, side);
  const reason = required(
    reasonText,
    'reason',
    status === 'rejected' ? 'lý do từ chối' : 'lý do huỷ đề nghị',
  );
  const actor = scope.actor;
  await writeTransaction(db, actor, (tx) =>
    decide(tx, id, actor, { status, decision_reason: reason }),
  );
  return viewOf(db, scope, id);
}

/** B's side declines, with a reason. */
export const rejectTransfer = (db: Db, scope: Scope, id: string, input: { reason: string }) =>
  close(db, scope, id, 'to', 'rejected', input.reason);

/** A's side withdraws its request while it waits, with a reason. */
export const cancelTransfer = (db: Db, scope: Scope, id: string, input: { reason: string }) =>
  close(db, scope, id, 'from', 'cancelled', input.reason);

/** A school's incoming (to it) or outgoing (from it) transfers, newest first. */
export async function listTransfers(
  db: Db,
  scope: Scope,
  query: {
    schoolId: string;
    direction: 'incoming' | 'outgoing';
    status?: TransferStatus | undefined;
  },
): Promise<TransferView[]> {
  await scope.requireUnit(db, query.schoolId, 'registry.read');
  let q = transferQuery(db).where(
    query.direction === 'incoming' ? 't.to_school_id' : 't.from_school_id',
    '=',
    query.schoolId,
  );
  if (query.status) q = q.where('t.status', '=', query.status);
  const rows = await q.orderBy('t.requested_at', 'desc').limit(500).execute();
  return rows.map((r) => toView(scope, r));
}

/**
 * A student's path through the schools: enrolments by year, transfers and
 * status changes (from the audit log). Only for a scope over the student's
 * current school; the old school keeps its transfer records (listTransfers).
 */
export async function studentHistory(
  db: Db,
  scope: Scope,
  studentId: string,
): Promise<StudentHistory> {
  if (!isUuid(studentId)) throw notFound('học sinh');
  const student = await db
    .selectFrom('student')
    .innerJoin('org_unit', 'org_unit.id', 'student.school_id')
    .select([
      'student.id',
      'student.full_name',
      'student.birth_date',
      'student.status',
      'student.status_reason',
      'org_unit.id as school_id',
      'org_unit.code as school_code',
      'org_unit.name as school_name',
      'org_unit.path',
    ])
    .where('student.id', '=', studentId)
    .executeTakeFirst();
  if (!student) throw notFound('học sinh');
  scope.require('registry.read');
  if (!scope.containsPath(student.path)) throw forbidden();
  const enrolments = await db
    .selectFrom('enrolment')
    .innerJoin('class', 'class.id', 'enrolment.class_id')
    .innerJoin('org_unit', 'org_unit.id', 'enrolment.school_id')
    .select([
      'enrolment.school_year',
      'org_unit.id',
      'org_unit.code',
      'org_unit.name',
      'class.name as class_name',
      'class.grade',
    ])
    .where('enrolment.student_id', '=', studentId)
    .orderBy('enrolment.school_year')
    .execute();
  const transfers = await transferQuery(db)
    .where('t.student_id', '=', studentId)
    .orderBy('t.requested_at')
    .execute();
  const changes = await db
    .selectFrom('audit_log')
    .select(['at', 'actor_name', 'before', 'after'])
    .where('entity_type', '=', 'student')
    .where('entity_id', '=', studentId)
    .where('action', '=', 'update')
    .where(sql<boolean>`before->>'status' IS DISTINCT FROM after->>'status'`)
    .orderBy('seq')
    .execute();
  const field = (j: unknown, k: string): string | null => {
    const v = j && typeof j === 'object' ? (j as Record<string, unknown>)[k] : null;
    return typeof v === 'string' ? v : null;
  };
  return {
    student: {
      id: student.id,
      fullName: student.full_name,
      birthDate: student.birth_date,
      status: student.status,
      statusReason: student.status_reason,
      school: { id: student.school_id, code: student.school_code, name: student.school_name },
    },
    enrolments: enrolments.map((e) => ({
      schoolYear: e.school_year,
      school: { id: e.id, code: e.code, name: e.name },
      className: e.class_name,
      grade: e.grade,
    })),
    transfers: transfers.map((t) => toView(scope, t)),
    statusChanges: changes.map((c) => ({
      at: c.at.toISOString(),
      actorName: c.actor_name,
      from: field(c.before, 'status'),
      to: field(c.after, 'status'),
      reason: field(c.after, 'status_reason'),
    })),
  };
}
