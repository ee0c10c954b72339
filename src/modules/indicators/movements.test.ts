import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, writeTransaction } from '../../db/actor.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { makeClasses, makeStudents } from '../../../test/helpers/factories/registry.ts';
import { makeTree, scopeAt } from '../../../test/helpers/fixtures.ts';
import type { Dashboard } from './contract.ts';
import { getDashboard } from './dashboard.ts';

// Drop-outs and transfers, by hand (definitions.ts dropout_rate,
// transfer_out_rate, transfer_in_rate; view registry_student_movement_v).
//
// This year (THIS): TH1 (commune X01) has class 1A with 10 pupils: A dropped
// out (enrolled this year only), B dropped out (enrolled last year and this
// year: counts this year, the year of the last enrolment), C left to a school
// outside sogd (status transferred). D moved from TH1 to TH2 by an accepted
// transfer (the enrolment is at TH2). TH2 (X02) has 1A with 5 pupils
// including D; CS2 (X02) has 6A with 4 pupils, one dropped out.
// Last year (LAST): TH1's 1A had 3 pupils: B, E (dropped out, last enrolled
// then) and F.
//
//              students  drop-outs  out      in
//   TH1 / X01  10        2 (A, B)   2 (C, D) 0      → 20 %, 20 %, 0 %
//   TH2        5         0          0        1 (D)
//   CS2        4         1          0        0
//   X02        9         1          0        1      → 11.11… %, 0 %, 11.11… %
//   province   19        3          2        1      → 15.789… %, 10.526… %, 5.263… %
//   last year  3         1 (E)                     → 33.33… %
const LAST = '2025-2026';
const THIS = '2026-2027';
let t: TestDatabase;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await freshDatabase();
  ids = await makeTree(t.db, [
    { code: 'SGD', name: 'Sở', kind: 'department' },
    { code: 'X01', name: 'Xã Một', kind: 'commune', parent: 'SGD' },
    { code: 'X02', name: 'Xã Hai', kind: 'commune', parent: 'SGD' },
    { code: 'TH1', name: 'Trường TH Một', kind: 'school', parent: 'X01', levels: ['primary'] },
    { code: 'TH2', name: 'Trường TH Hai', kind: 'school', parent: 'X02', levels: ['primary'] },
    {
      code: 'CS2',
      name: 'Trường THCS Hai',
      kind: 'school',
      parent: 'X02',
      levels: ['lower_secondary'],
    },
  ]);
  const [th1Last, th1, th2, cs2] = await makeClasses(t.db, [
    { schoolId: ids.TH1!, name: '1A', grade: 1, schoolYear: LAST },
    { schoolId: ids.TH1!, name: '1A', grade: 1, schoolYear: THIS },
    { schoolId: ids.TH2!, name: '1A', grade: 1, schoolYear: THIS },
    { schoolId: ids.CS2!, name: '6A', grade: 6, schoolYear: THIS },
  ]);
  let n = 0;
  const pupil = (
    schoolId: string,
    classId: string,
    schoolYear: string,
    status: 'studying' | 'dropped_out' | 'transferred' = 'studying',
  ) => ({ schoolId, fullName: `Học Sinh ${++n}`, classId, schoolYear, status });
  // TH1 this year: A, C and 7 others; B is added below with both years.
  await makeStudents(t.db, [
    pupil(ids.TH1!, th1!, THIS, 'dropped_out'), // A
    pupil(ids.TH1!, th1!, THIS, 'transferred'), // C
    ...Array.from({ length: 7 }, () => pupil(ids.TH1!, th1!, THIS)),
    pupil(ids.TH1!, th1Last!, LAST, 'dropped_out'), // E
    pupil(ids.TH1!, th1Last!, LAST), // F
    ...Array.from({ length: 4 }, () => pupil(ids.TH2!, th2!, THIS)),
    pupil(ids.CS2!, cs2!, THIS, 'dropped_out'),
    ...Array.from({ length: 3 }, () => pupil(ids.CS2!, cs2!, THIS)),
  ]);
  const [b] = await makeStudents(t.db, [pupil(ids.TH1!, th1Last!, LAST, 'dropped_out')]);
  const [d] = await makeStudents(t.db, [pupil(ids.TH2!, th2!, THIS)]);
  await writeTransaction(t.db, systemActor('test'), async (tx) => {
    await tx
      .insertInto('enrolment')
      .values({ student_id: b!, school_year: THIS, school_id: ids.TH1!, class_id: th1! })
      .execute();
    await tx
      .insertInto('student_transfer')
      .values({
        student_id: d!,
        id: uuidv7(),
        school_year: THIS,
        from_school_id: ids.TH1!,
        from_class_id: th1!,
        to_school_id: ids.TH2!,
        to_class_id: th2!,
        status: 'accepted',
        reason: 'Gia đình chuyển nơi ở',
        requested_by_name: 'Thử',
        decided_at: new Date(),
        decided_by_name: 'Thử',
      })
      .execute();
  });
});
afterAll(() => t?.close());

const ind = (d: Dashboard, id: string) => d.indicators.find((i) => i.id === id)!;
const child = (d: Dashboard, code: string) => d.children.find((c) => c.unit.code === code)!;

describe('drop-outs and transfers', () => {
  it('counts them per unit and year as written out above', async () => {
    const scope = await scopeAt(t.db, ids.SGD!, 'department_staff');
    const d = await getDashboard(t.db, scope, { year: THIS });
    expect(ind(d, 'dropout_rate')).toMatchObject({ numerator: 3, denominator: 19 });
    expect(ind(d, 'dropout_rate').value).toBeCloseTo((3 / 19) * 100, 10);
    expect(ind(d, 'transfer_out_rate')).toMatchObject({ numerator: 2, denominator: 19 });
    expect(ind(d, 'transfer_out_rate').value).toBeCloseTo((2 / 19) * 100, 10);
    expect(ind(d, 'transfer_in_rate')).toMatchObject({ numerator: 1, denominator: 19 });
    expect(ind(d, 'transfer_in_rate').value).toBeCloseTo((1 / 19) * 100, 10);
    expect(child(d, 'X01').values).toMatchObject({
      dropout_rate: 20,
      transfer_out_rate: 20,
      transfer_in_rate: 0,
    });
    expect(child(d, 'X02').values.dropout_rate).toBeCloseTo((1 / 9) * 100, 10);
    expect(child(d, 'X02').values.transfer_out_rate).toBe(0);
    expect(child(d, 'X02').values.transfer_in_rate).toBeCloseTo((1 / 9) * 100, 10);
    // Last year: E only (B was enrolled again this year).
    const trend = ind(d, 'dropout_rate').trend;
    expect(trend[0]!.year).toBe(LAST);
    expect(trend[0]!.value).toBeCloseTo((1 / 3) * 100, 10);
  });

  it('filters by level through the grade', async () => {
    const scope = await scopeAt(t.db, ids.SGD!, 'department_staff');
    const primary = await getDashboard(t.db, scope, { year: THIS, level: 'primary' });
    expect(ind(primary, 'dropout_rate')).toMatchObject({ numerator: 2, denominator: 15 });
    expect(ind(primary, 'transfer_in_rate')).toMatchObject({ numerator: 1, denominator: 15 });
    const lower = await getDashboard(t.db, scope, { year: THIS, level: 'lower_secondary' });
    expect(ind(lower, 'dropout_rate')).toMatchObject({ numerator: 1, denominator: 4, value: 25 });
    expect(ind(lower, 'transfer_out_rate')).toMatchObject({ numerator: 0, value: 0 });
  });

  it('shows a status change at the next request, and a school only its own', async () => {
    const school = await scopeAt(t.db, ids.TH2!, 'school_admin');
    const before = await getDashboard(t.db, school, { year: THIS });
    expect(ind(before, 'dropout_rate')).toMatchObject({ numerator: 0, denominator: 5, value: 0 });
    expect(ind(before, 'transfer_in_rate')).toMatchObject({ numerator: 1, value: 20 });
    const one = await t.db
      .selectFrom('enrolment')
      .select('student_id')
      .where('school_id', '=', ids.TH2!)
      .where('school_year', '=', THIS)
      .orderBy('student_id')
      .executeTakeFirstOrThrow();
    await writeTransaction(t.db, systemActor('test'), (tx) =>
      tx
        .updateTable('student')
        .set({ status: 'dropped_out', status_reason: 'Gia đình khó khăn' })
        .where('id', '=', one.student_id)
        .execute(),
    );
    const after = await getDashboard(t.db, school, { year: THIS });
    expect(ind(after, 'dropout_rate')).toMatchObject({ numerator: 1, denominator: 5, value: 20 });
  });
});
