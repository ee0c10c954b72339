import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, writeTransaction } from '../../db/actor.ts';
import { migrateToLatest, openDatabase, type Db } from '../../db/connection.ts';
import type { SchoolLevel } from '../../db/schema.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { makeTree, scopeAt } from '../../../test/helpers/fixtures.ts';
import { REPO } from '../../../test/helpers/server.ts';
import { getDashboard } from './dashboard.ts';
import { savePlan } from './plans.ts';
import { getTeacherReport } from './teacher-report.ts';
import { teachersCsv } from './teachers-csv.ts';
import { teacherRows } from './teacher-rows.ts';

const YEAR = '2026-2027';

/**
 * A hand-built province with one school of each type the norms distinguish
 * (TT 20/2023, TT 19/2023). The expected rows below are computed by hand:
 * - TH1 primary: 4 one-session × 1.20 + 6 two-session × 1.50 = 13.80; 13 teachers.
 * - TS2 primary + lower secondary: 5 × 1.50 = 7.50 and 4 × 1.90 = 7.60; 6 teachers
 *   recorded on primary, 5 on lower secondary and 3 with no level (the highest,
 *   lower secondary: 8); one inactive teacher and one manager do not count.
 * - MN3 preschool: 2 nursery groups × 2.50 + 3 two-session × 2.20 + 1 one-session
 *   × 1.20 = 12.80; 14 teachers.
 * - NT4 boarding ethnic (PTDTNT): 4 × 2.20 = 8.80 and 3 × 2.40 = 7.20; 8 + 7 teachers.
 * - CH5 specialised (chuyên): 10 × 3.10 = 31.00; 30 teachers.
 * - THPT6 ordinary upper secondary: 3 × 2.25 = 6.75; 7 teachers.
 */
const EXPECTED_CSV = `school_code,level,classes,classes_two_sessions,teachers,norm,difference
CH5,upper_secondary,10,0,30,31.00,-1.00
MN3,preschool,6,5,14,12.80,1.20
NT4,lower_secondary,4,0,8,8.80,-0.80
NT4,upper_secondary,3,0,7,7.20,-0.20
TH1,primary,10,6,13,13.80,-0.80
THPT6,upper_secondary,3,0,7,6.75,0.25
TS2,lower_secondary,4,0,8,7.60,0.40
TS2,primary,5,5,6,7.50,-1.50
`;

let personCounter = 0;
function person(schoolId: string) {
  personCounter++;
  return {
    id: uuidv7(),
    school_id: schoolId,
    full_name: `Nguyễn Văn ${personCounter}`,
    family_name: 'Nguyễn',
    middle_name: 'Văn',
    given_name: String(personCounter),
    search_name: `nguyen van ${personCounter}`,
    birth_date: '1985-01-01',
    gender: 'female' as const,
  };
}

async function buildProvince(db: Db): Promise<Record<string, string>> {
  const ids = await makeTree(db, [
    { code: 'SGD', name: 'Sở GD&ĐT Thử', kind: 'department' },
    { code: 'X01', name: 'Xã Một', kind: 'commune', parent: 'SGD' },
    { code: 'X02', name: 'Xã Hai', kind: 'commune', parent: 'SGD' },
    {
      code: 'TH1',
      name: 'Trường TH Một',
      kind: 'school',
      parent: 'X01',
      levels: ['primary'],
      ownership: 'public',
    },
    {
      code: 'TS2',
      name: 'Trường TH và THCS Hai',
      kind: 'school',
      parent: 'X01',
      levels: ['primary', 'lower_secondary'],
      ownership: 'public',
    },
    {
      code: 'MN3',
      name: 'Trường MN Ba',
      kind: 'school',
      parent: 'X02',
      levels: ['preschool'],
      ownership: 'private',
    },
    {
      code: 'NT4',
      name: 'Trường PTDTNT Bốn',
      kind: 'school',
      parent: 'SGD',
      levels: ['lower_secondary', 'upper_secondary'],
      ownership: 'public',
    },
    {
      code: 'CH5',
      name: 'Trường THPT chuyên Năm',
      kind: 'school',
      parent: 'SGD',
      levels: ['upper_secondary'],
      ownership: 'public',
    },
    {
      code: 'THPT6',
      name: 'Trường THPT Sáu',
      kind: 'school',
      parent: 'SGD',
      levels: ['upper_secondary'],
      ownership: 'public',
    },
  ]);
  await writeTransaction(db, systemActor('test'), async (tx) => {
    let n = 0;
    const classes = async (
      school: string,
      count: number,
      grade: number | null,
      sessions: 1 | 2,
      group: 'nursery' | 'kindergarten' | null = null,
    ) => {
      for (let i = 0; i < count; i++) {
        const id = uuidv7();
        await tx
          .insertInto('class')
          .values({
            school_id: ids[school]!,
            id,
            school_year: YEAR,
            name: `L${++n}`,
            grade,
            sessions_per_day: sessions,
          })
          .execute();
        if (group)
          await sql`UPDATE class SET preschool_group = ${group} WHERE id = ${id}`.execute(tx);
      }
    };
    await classes('TH1', 4, 1, 1);
    await classes('TH1', 6, 2, 2);
    await classes('TS2', 5, 3, 2);
    await classes('TS2', 4, 7, 1);
    await classes('MN3', 2, null, 2, 'nursery');
    await classes('MN3', 3, null, 2, 'kindergarten');
    await classes('MN3', 1, null, 1);
    await classes('NT4', 4, 8, 1);
    await classes('NT4', 3, 11, 1);
    await classes('CH5', 10, 10, 1);
    await classes('THPT6', 3, 12, 1);

    const teachers = async (
      school: string,
      count: number,
      level: SchoolLevel | null,
      active = true,
    ) => {
      for (let i = 0; i < count; i++) {
        const row = { ...person(ids[school]!), position: 'teacher' as const, active };
        await tx.insertInto('staff').values(row).execute();
        if (level)
          await sql`UPDATE staff SET level_taught = ${level} WHERE id = ${row.id}`.execute(tx);
      }
    };
    await teachers('TH1', 13, null);
    await teachers('TS2', 6, 'primary');
    await teachers('TS2', 5, 'lower_secondary');
    await teachers('TS2', 3, null);
    await teachers('TS2', 1, 'primary', false);
    await tx
      .insertInto('staff')
      .values({ ...person(ids.TS2!), position: 'manager' })
      .execute();
    await teachers('MN3', 14, null);
    await teachers('NT4', 8, 'lower_secondary');
    await teachers('NT4', 7, 'upper_secondary');
    await teachers('CH5', 30, null);
    await teachers('THPT6', 7, null);

    for (const [school, type, standard, accreditation] of [
      ['TH1', 'ordinary', 1, 1],
      ['NT4', 'boarding_ethnic', 0, 0],
      ['CH5', 'specialised', 2, 3],
    ] as const)
      await sql`
        INSERT INTO school_year_profile
          (school_id, school_year, id, national_standard_level, accreditation_level, school_type)
        VALUES (${ids[school]!}, ${YEAR}, ${uuidv7()}, ${standard}, ${accreditation}, ${type})`.execute(
        tx,
      );
  });
  return ids;
}

describe('teacher norms (docs/formats/reports-teachers.md)', () => {
  let t: TestDatabase;
  let ids: Record<string, string>;
  beforeAll(async () => {
    t = await freshDatabase();
    ids = await buildProvince(t.db);
  });
  afterAll(() => t.close());

  it('writes the hand-computed rows for each school type, sorted by code then level', async () => {
    const csv = teachersCsv(await teacherRows(t.db, '/', YEAR));
    expect(csv).toBe(EXPECTED_CSV);
  });

  it('limits the rows to a unit subtree', async () => {
    const unitPath = (
      await t.db
        .selectFrom('orgs_unit_v')
        .select('path')
        .where('code', '=', 'X01')
        .executeTakeFirstOrThrow()
    ).path;
    const csv = teachersCsv(await teacherRows(t.db, unitPath, YEAR));
    expect(csv.split('\n').slice(1, -1)).toEqual(
      EXPECTED_CSV.split('\n').filter((l) => l.startsWith('TH1,') || l.startsWith('TS2,')),
    );
  });

  it('sums per child unit and level on the web, exactly, inside the caller scope', async () => {
    const scope = await scopeAt(t.db, ids.SGD!, 'department_staff');
    const report = await getTeacherReport(t.db, scope, { year: YEAR });
    const x01 = report.children.find((c) => c.unit.code === 'X01')!;
    expect(x01.total).toEqual({
      classes: 19,
      classesTwoSessions: 11,
      teachers: 27,
      norm: 28.9,
      difference: -1.9,
    });
    expect(x01.levels.map((l) => [l.level, l.norm, l.difference])).toEqual([
      ['primary', 21.3, -2.3],
      ['lower_secondary', 7.6, 0.4],
    ]);
    expect(report.children.map((c) => c.unit.code)).toEqual(['CH5', 'NT4', 'THPT6', 'X01', 'X02']);
    const upper = report.total.find((l) => l.level === 'upper_secondary')!;
    expect(upper).toMatchObject({ classes: 16, teachers: 44, norm: 44.95, difference: -0.95 });

    const school = await scopeAt(t.db, ids.TH1!, 'school_admin');
    const own = await getTeacherReport(t.db, school, { year: YEAR });
    expect(own.schoolRows).toEqual([
      {
        level: 'primary',
        classes: 10,
        classesTwoSessions: 6,
        teachers: 13,
        norm: 13.8,
        difference: -0.8,
      },
    ]);
    await expect(
      getTeacherReport(t.db, school, { year: YEAR, unitId: ids.SGD! }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      getTeacherReport(t.db, school, { year: YEAR, unitId: uuidv7() }),
    ).rejects.toMatchObject({ status: 404 });
    const teacher = await scopeAt(t.db, ids.TH1!, 'teacher');
    await expect(getTeacherReport(t.db, teacher, { year: YEAR })).rejects.toMatchObject({
      status: 403,
    });
  });

  it('computes the indicators of the tree by hand and shows an edit at once', async () => {
    const scope = await scopeAt(t.db, ids.SGD!, 'department_staff');
    await savePlan(t.db, systemActor('test'), {
      unitId: ids.SGD!,
      name: 'Kế hoạch thử',
      decision: '1/KH-UBND',
      decisionDate: '2024-12-30',
      targets: [
        { indicatorId: 'two_sessions_primary_classes', schoolYear: '2025-2026', value: 100 },
        { indicatorId: 'national_standard_rate', schoolYear: '2030-2031', value: 80 },
      ],
    });
    const before = await getDashboard(t.db, scope, { year: YEAR });
    const value = (d: typeof before, id: string) => d.indicators.find((i) => i.id === id)!;
    // Primary classes: TH1 10 (6 two-session) + TS2 5 (5) = 11 / 15.
    expect(value(before, 'two_sessions_primary_classes')).toMatchObject({
      numerator: 11,
      denominator: 15,
    });
    expect(value(before, 'two_sessions_primary_classes').value).toBeCloseTo((11 / 15) * 100, 10);
    expect(value(before, 'two_sessions_primary_classes').targets).toEqual([
      {
        plan: 'Kế hoạch thử',
        decision: '1/KH-UBND',
        year: '2025-2026',
        value: 100,
        status: 'missed',
      },
    ]);
    // TH1 (Mức 1) and CH5 (Mức 2) of the 6 schools with classes.
    expect(value(before, 'national_standard_rate')).toMatchObject({ numerator: 2, denominator: 6 });
    expect(value(before, 'national_standard_rate').targets[0]!.status).toBe('at_risk');
    // Accreditation: TH1 at level 1, CH5 at level 3, of the 6 schools; the distribution by level.
    expect(value(before, 'accredited_rate')).toMatchObject({ numerator: 2, denominator: 6 });
    for (const [k, n] of [
      [1, 1],
      [2, 0],
      [3, 1],
      [4, 0],
    ] as const) {
      expect(value(before, `accreditation_level_${k}_rate`)).toMatchObject({
        numerator: n,
        denominator: 6,
      });
      expect(value(before, `accreditation_level_${k}_rate`).value).toBeCloseTo((n / 6) * 100, 10);
    }
    // 93 teachers against 95.45 in hundredths (all rows above).
    expect(value(before, 'teachers_against_norm')).toMatchObject({
      numerator: 93,
      denominator: 9_545,
    });
    const x02 = before.children.find((c) => c.unit.code === 'X02')!;
    expect(x02.values.two_sessions_primary_classes).toBeNull();

    // A school switches one class to two sessions a day.
    await writeTransaction(t.db, systemActor('test'), async (tx) => {
      await sql`UPDATE class SET sessions_per_day = 2 WHERE id = (
        SELECT id FROM class WHERE school_id = ${ids.TH1!} AND sessions_per_day = 1 LIMIT 1)`.execute(
        tx,
      );
    });
    const after = await getDashboard(t.db, scope, { year: YEAR, level: 'primary' });
    expect(value(after, 'two_sessions_primary_classes')).toMatchObject({
      numerator: 12,
      denominator: 15,
    });
    expect(after.indicators.some((i) => i.id === 'two_sessions_secondary_classes')).toBe(false);
    const commune = await getDashboard(t.db, scope, { year: YEAR, unitId: ids.X01! });
    expect(commune.children.map((c) => c.unit.code)).toEqual(['TH1', 'TS2']);
    expect(commune.ancestors.map((a) => a.code)).toEqual(['SGD']);
  });
});

describe.skipIf(process.env.SOGD_TEST_TARGET === 'postgres')('sogd reports teachers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sogd-teachers-'));
  const dataDir = join(dir, 'data');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const sogd = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['bin/sogd.js', ...args], {
      cwd: REPO,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('writes the CSV, ends with the JSON line and exits 2 on wrong usage', async () => {
    const database = await openDatabase({ dataDir });
    try {
      await migrateToLatest(database.db);
      await buildProvince(database.db);
    } finally {
      await database.close();
    }
    const out = join(dir, 'teachers.csv');
    const done = sogd('reports', 'teachers', '--year', YEAR, '--out', out);
    expect(done.code, done.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(EXPECTED_CSV);
    const last = JSON.parse(done.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
    expect(last).toMatchObject({ schools: 6, rows: 8 });
    expect(typeof last.ms).toBe('number');

    const unit = sogd('reports', 'teachers', '--year', YEAR, '--out', out, '--unit', 'X02');
    expect(unit.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(
      `${EXPECTED_CSV.split('\n')[0]}\nMN3,preschool,6,5,14,12.80,1.20\n`,
    );
    expect(JSON.parse(unit.stdout.trim().split('\n').at(-1)!)).toMatchObject({
      schools: 1,
      rows: 1,
    });

    for (const args of [
      ['--year', '2019-2020', '--out', out],
      ['--year', YEAR, '--out', out, '--unit', 'KHONGCO'],
      ['--year', '2026-2028', '--out', out],
      ['--out', out],
    ]) {
      const bad = sogd('reports', 'teachers', ...args);
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr.length).toBeGreaterThan(0);
    }
  }, 300_000);
});
