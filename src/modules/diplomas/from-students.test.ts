import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import {
  makeIssuerKey,
  TEST_SIGNING as context,
} from '../../../test/helpers/factories/diplomas.ts';
import { scopeAt } from '../../../test/helpers/fixtures.ts';
import { seedDemo } from '../demo/seed.ts';
import { issueFromStudents } from './issue-from-students.ts';
import { previewGraduates } from './preview-graduates.ts';

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  await seedDemo(db, { schools: 25, students: 3_000, seed: 11, schoolYear: '2025-2026' });
});
afterAll(async () => close?.());

describe('issuing from registry students', () => {
  it('issues one diploma to each grade-12 student of a school, and never a second one', async () => {
    const root = await db
      .selectFrom('org_unit')
      .select('id')
      .where('parent_id', 'is', null)
      .executeTakeFirstOrThrow();
    await makeIssuerKey(db, root.id);
    const scope = await scopeAt(db, root.id, 'department_staff');
    const school = await db
      .selectFrom('org_unit')
      .select('id')
      .where('kind', '=', 'school')
      .where(sql<boolean>`'upper_secondary' = ANY(levels)`)
      .executeTakeFirstOrThrow();
    const grade12 = await db
      .selectFrom('enrolment')
      .innerJoin('class', 'class.id', 'enrolment.class_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('enrolment.school_id', '=', school.id)
      .where('class.grade', '=', 12)
      .executeTakeFirstOrThrow();
    expect(Number(grade12.n)).toBeGreaterThan(0);
    const input = {
      authorityId: root.id,
      schoolId: school.id,
      schoolYear: '2025-2026',
      diplomaType: 'upper_secondary' as const,
      graduationYear: 2026,
      decisionNumber: '77/QĐ-SGDĐT',
      decisionDate: '2026-07-15',
      issueDate: '2026-07-20',
      signerName: 'Nguyễn Thị Thúy',
      signerTitle: 'Giám đốc',
    };
    const first = await issueFromStudents(db, scope, input, context);
    expect(first.issued).toHaveLength(Number(grade12.n));
    expect(first.skipped).toBe(0);
    const linked = await db
      .selectFrom('diploma')
      .select('student_id')
      .where('student_id', 'is not', null)
      .execute();
    expect(linked).toHaveLength(Number(grade12.n));
    const again = await issueFromStudents(db, scope, input, context);
    expect(again.issued).toHaveLength(0);
    expect(again.skipped).toBe(Number(grade12.n));
  });
});

describe('the graduation list preview', () => {
  it('lists a school’s final-grade students, and issues to those ticked only', async () => {
    const root = await db
      .selectFrom('org_unit')
      .select('id')
      .where('parent_id', 'is', null)
      .executeTakeFirstOrThrow();
    const scope = await scopeAt(db, root.id, 'department_staff');
    // Another upper-secondary school than the first test's.
    const schools = await db
      .selectFrom('org_unit')
      .select('id')
      .where('kind', '=', 'school')
      .where(sql<boolean>`'upper_secondary' = ANY(levels)`)
      .orderBy('code')
      .execute();
    const school = schools.at(-1)!;
    const query = {
      authorityId: root.id,
      schoolId: school.id,
      schoolYear: '2025-2026',
      diplomaType: 'upper_secondary' as const,
    };
    const { students } = await previewGraduates(db, scope, query);
    expect(students.length).toBeGreaterThan(2);
    expect(students.every((s) => !s.holds)).toBe(true);
    const [left, ...chosen] = students;
    const input = {
      ...query,
      graduationYear: 2026,
      decisionNumber: '78/QĐ-SGDĐT',
      decisionDate: '2026-07-15',
      issueDate: '2026-07-20',
      signerName: 'Nguyễn Thị Thúy',
      signerTitle: 'Giám đốc',
    };
    // A student who is not on the list refuses the whole request.
    const stranger = await issueFromStudents(
      db,
      scope,
      { ...input, studentIds: [chosen[0]!.id, '019a0000-0000-7000-8000-0000000000ff'] },
      context,
    ).catch((e: { status: number; detail: string }) => e);
    expect(stranger).toMatchObject({ status: 400 });
    const issued = await issueFromStudents(
      db,
      scope,
      { ...input, studentIds: chosen.map((s) => s.id) },
      context,
    );
    expect(issued.issued.map((d) => d.fullName).sort()).toEqual(
      chosen.map((s) => s.fullName).sort(),
    );
    const after = await previewGraduates(db, scope, query);
    expect(after.students.filter((s) => s.holds).map((s) => s.id)).not.toContain(left!.id);
    expect(after.students.filter((s) => s.holds)).toHaveLength(chosen.length);
  });
});
