import { writeTransaction, type Actor, type Tx } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { Gender } from '../../../db/schema.ts';
import { AppError, badRequest, conflict, type FieldError } from '../../../core/errors.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import { checkSchoolYear } from '../schools/access.ts';
import { validateStudent } from '../students/student-fields.ts';
import {
  earlierIntakes,
  existingStudentIds,
  insertIntakes,
  insertStudents,
  moveAdmittedStudent,
  schoolIdsAmong,
  studentsByPersonalId,
} from './repo.ts';

/** A candidate admitted and confirmed by a campaign, as the campaign sends them. */
export interface IncomingStudent {
  /** The sender's reference (the candidate code), kept for traceability. */
  reference: string;
  /** The admitting school. */
  toSchoolId: string;
  /** The grade they enter: 10, or 1 and 6 for the entry grades. */
  grade: number;
  /** Their registry record, when the candidate came from the registry. */
  studentId?: string | null | undefined;
  /** A candidate not in the registry (a free candidate, a child from outside the province). */
  person?: IncomingPerson | null | undefined;
}

export interface IncomingPerson {
  fullName: string;
  /** yyyy-mm-dd (dd/mm/yyyy is accepted too). */
  birthDate: string;
  gender: Gender;
  personalId?: string | null | undefined;
  ethnicity?: string | null | undefined;
  birthPlace?: string | null | undefined;
  address?: string | null | undefined;
  guardianName?: string | null | undefined;
  phone?: string | null | undefined;
}

export interface IncomingReceipt {
  reference: string;
  studentId: string;
  intakeId: string;
  /** False when this student was already received for the year (a re-run changes nothing). */
  created: boolean;
}

const CHUNK = 1_000;

/**
 * The registry's side of the admissions hand-over: each admitted student
 * becomes the admitting school's student for the school year (their own
 * registry record moves there, studying; a candidate not in the registry
 * gets a new record), waiting for a class (`registry_intake`). One
 * transaction: every row or none, each problem naming the candidate's
 * reference. Re-running with the same candidates changes nothing.
 *
 * For the admissions module, whose use case checks the caller's right to
 * hand the campaign over; `actor` is who the audit log names.
 */
export async function receiveIncomingStudents(
  db: Db,
  actor: Actor,
  input: { schoolYear: string; source: string; students: IncomingStudent[] },
): Promise<IncomingReceipt[]> {
  checkSchoolYear(input.schoolYear);
  const problems: FieldError[] = [];
  const prepared = input.students.map((s, index) => prepare(s, index, problems));
  const seen = new Set<string>();
  for (const s of input.students) {
    if (seen.has(s.reference))
      problems.push({
        path: 'students',
        message: `Thí sinh ${s.reference} có hai lần trong danh sách.`,
      });
    seen.add(s.reference);
  }
  if (problems.length)
    throw badRequest(
      'Danh sách học sinh trúng tuyển chưa hợp lệ; chưa nhận học sinh nào.',
      problems,
    );
  const receipts: IncomingReceipt[] = [];
  await writeTransaction(db, actor, async (tx) => {
    await requireSchools(tx, [...new Set(input.students.map((s) => s.toSchoolId))]);
    for (let i = 0; i < prepared.length; i += CHUNK)
      receipts.push(
        ...(await receiveChunk(tx, input.schoolYear, input.source, prepared.slice(i, i + CHUNK))),
      );
  });
  return receipts;
}

type Prepared = IncomingStudent & {
  index: number;
  fields: ReturnType<typeof validateStudent> | null;
};

function prepare(s: IncomingStudent, index: number, problems: FieldError[]): Prepared {
  const where = `students[${index}]`;
  if (!s.reference.trim())
    problems.push({ path: `${where}.reference`, message: 'Thiếu mã thí sinh.' });
  if (!Number.isInteger(s.grade) || s.grade < 1 || s.grade > 12)
    problems.push({
      path: `${where}.grade`,
      message: `Thí sinh ${s.reference}: khối lớp ${s.grade} không có.`,
    });
  if (!s.studentId && !s.person)
    problems.push({
      path: where,
      message: `Thí sinh ${s.reference}: cần hồ sơ học sinh trong cơ sở dữ liệu hoặc thông tin cá nhân.`,
    });
  let fields: Prepared['fields'] = null;
  if (!s.studentId && s.person)
    try {
      fields = validateStudent(s.person);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const inner = error.errors;
      for (const p of inner)
        problems.push({
          path: `${where}.person.${p.path}`,
          message: `Thí sinh ${s.reference}: ${p.message}`,
        });
    }
  return { ...s, index, fields };
}

async function requireSchools(tx: Tx, ids: string[]): Promise<void> {
  const known = await schoolIdsAmong(tx, ids);
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length)
    throw badRequest(
      `Trường nhận không có trong cây đơn vị: ${unknown.join(', ')}. Chưa nhận học sinh nào.`,
    );
}

async function receiveChunk(
  tx: Tx,
  schoolYear: string,
  source: string,
  rows: Prepared[],
): Promise<IncomingReceipt[]> {
  // A free candidate whose personal id is already in the registry is that student.
  const personalIds = rows.flatMap((r) => (r.fields?.personal_id ? [r.fields.personal_id] : []));
  const byPersonalId = await studentsByPersonalId(tx, personalIds);
  const studentOf = (r: Prepared) =>
    r.studentId ?? (r.fields?.personal_id ? byPersonalId.get(r.fields.personal_id) : undefined);

  const known = rows.flatMap((r) => {
    const id = studentOf(r);
    return id ? [id] : [];
  });
  const existingStudents = await existingStudentIds(tx, known);
  const missing = rows.filter((r) => r.studentId && !existingStudents.has(r.studentId));
  if (missing.length)
    throw badRequest(
      `Không tìm thấy hồ sơ học sinh của thí sinh ${missing.map((r) => r.reference).join(', ')}. Chưa nhận học sinh nào.`,
    );

  const earlier = await earlierIntakes(tx, {
    source,
    references: rows.map((r) => r.reference),
    schoolYear,
    studentIds: known,
  });
  const bySourceRef = new Map(
    earlier.filter((e) => e.source === source).map((e) => [e.reference, e]),
  );
  const byStudent = new Map(earlier.map((e) => [e.student_id, e]));

  const receipts: IncomingReceipt[] = [];
  const moves: { id: string; school: string; grade: number }[] = [];
  const newStudents: Prepared[] = [];
  const intakes: { id: string; student: string; row: Prepared }[] = [];
  for (const r of rows) {
    const sid = studentOf(r);
    const before = bySourceRef.get(r.reference) ?? (sid ? byStudent.get(sid) : undefined);
    if (before) {
      if (before.school_id !== r.toSchoolId)
        throw conflict(
          `Thí sinh ${r.reference} đã được nhận vào một trường khác trong năm học ${schoolYear}. Chưa nhận học sinh nào.`,
        );
      receipts.push({
        reference: r.reference,
        studentId: before.student_id,
        intakeId: before.id,
        created: false,
      });
      continue;
    }
    const studentId = sid ?? uuidv7();
    if (sid) moves.push({ id: sid, school: r.toSchoolId, grade: r.grade });
    else newStudents.push({ ...r, studentId });
    const intakeId = uuidv7();
    intakes.push({ id: intakeId, student: studentId, row: r });
    receipts.push({ reference: r.reference, studentId, intakeId, created: true });
  }

  for (const m of moves)
    await moveAdmittedStudent(
      tx,
      m.id,
      m.school,
      `Trúng tuyển vào lớp ${m.grade} năm học ${schoolYear}`,
    );
  await insertStudents(
    tx,
    newStudents.map((r) => ({
      id: r.studentId!,
      school_id: r.toSchoolId,
      ...r.fields!,
      status_reason: `Trúng tuyển vào lớp ${r.grade} năm học ${schoolYear}`,
    })),
  );
  await insertIntakes(
    tx,
    intakes.map((i) => ({
      id: i.id,
      school_id: i.row.toSchoolId,
      school_year: schoolYear,
      student_id: i.student,
      grade: i.row.grade,
      source,
      reference: i.row.reference,
    })),
  );
  return receipts;
}
