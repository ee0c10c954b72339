import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { SchoolLevel } from '../../db/schema.ts';
import { freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { makeClasses, makeStudents } from '../../../test/helpers/factories/registry.ts';
import { makeTree } from '../../../test/helpers/fixtures.ts';
import { classCounts, schoolYearCounts, unitByCode } from './repo.ts';
import { refreshSummary } from './summary/refresh.ts';
import { summaryClassCounts, summaryCounts, type GroupCounts } from './summary/repo.ts';

// Issue #16, "Speed": the summary tables must stay exact. After random
// edits of every kind the feed reports (classes added, edited, moved to
// another school or removed; pupils enrolled, moved, removed; a pupil's
// gender or ethnicity changed), the summary's sums equal a recomputation
// from scratch over the registry's views (repo.ts schoolYearCounts, the
// query the dashboard ran before the summary existed).

const YEARS = ['2025-2026', '2026-2027'];
const SCHOOLS = ['A1', 'A2', 'B1', 'B2', 'C1'];

/** A small seeded generator (mulberry32): each run makes the same edits. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let t: TestDatabase;
let ids: Record<string, string>;
let paths: Record<string, string>;

beforeAll(async () => {
  t = await freshDatabase();
  ids = await makeTree(t.db, [
    { code: 'SGD', name: 'Sở', kind: 'department' },
    { code: 'XA', name: 'Xã A', kind: 'commune', parent: 'SGD' },
    { code: 'XB', name: 'Xã B', kind: 'commune', parent: 'SGD' },
    ...SCHOOLS.map((code) => ({
      code,
      name: `Trường ${code}`,
      kind: 'school' as const,
      parent: code.startsWith('A') ? 'XA' : code.startsWith('B') ? 'XB' : 'SGD',
      levels: ['preschool', 'primary', 'lower_secondary', 'upper_secondary'] as SchoolLevel[],
      ownership: code === 'B2' ? ('private' as const) : ('public' as const),
    })),
  ]);
  paths = {};
  for (const code of ['SGD', 'XA', 'XB', 'A1', 'C1'])
    paths[code] = (await unitByCode(t.db, code))!.path;
});
afterAll(() => t?.close());

/** The reference rows summed per child of `path`, as summaryCounts groups them. */
function groupReference(
  rows: Awaited<ReturnType<typeof schoolYearCounts>>,
  path: string,
): GroupCounts[] {
  const sums = new Map<string, GroupCounts>();
  for (const row of rows) {
    const { school_path, ...rest } = row;
    const r: Omit<typeof rest, 'school_id'> & { school_id?: string } = { ...rest };
    delete r.school_id;
    const group = school_path.slice(path.length).split('/')[0]!;
    const key = `${group}|${r.school_year}`;
    const into = sums.get(key);
    if (!into) sums.set(key, { ...r, group });
    else
      for (const [k, v] of Object.entries(r))
        if (typeof v === 'number') (into as unknown as Record<string, number>)[k]! += v;
  }
  return sortGroups([...sums.values()]);
}

const sortGroups = (rows: GroupCounts[]) =>
  rows.sort((a, b) => `${a.group}|${a.school_year}`.localeCompare(`${b.group}|${b.school_year}`));

async function expectExact(db: Db, round: string) {
  await refreshSummary(db, null);
  const pending = await db.selectFrom('registry_change_v').select('id').execute();
  expect(pending, round).toEqual([]);
  for (const code of Object.keys(paths))
    for (const level of [undefined, 'primary', 'preschool', 'upper_secondary'] as const)
      for (const ownership of [undefined, 'private'] as const) {
        const filter = { path: paths[code]!, years: YEARS, level, ownership };
        const expected = groupReference(await schoolYearCounts(db, filter), filter.path);
        const actual = sortGroups(await summaryCounts(db, filter));
        expect(actual, `${round} ${code} ${level} ${ownership}`).toEqual(expected);
      }
  for (const year of YEARS) {
    const key = (c: { school_id: string; level: string; sessions_per_day: number }) =>
      `${c.school_id}|${c.level}|${c.sessions_per_day}`;
    const sum = (
      rows: (Parameters<typeof key>[0] & { classes: number; preschool_group: string | null })[],
    ) => {
      const m = new Map<string, number>();
      for (const r of rows) {
        const k = `${key(r)}|${r.preschool_group ?? ''}`;
        m.set(k, (m.get(k) ?? 0) + r.classes);
      }
      return [...m.entries()].filter(([, n]) => n > 0).sort();
    };
    expect(sum(await summaryClassCounts(db, '/', year)), `${round} classes ${year}`).toEqual(
      sum(await classCounts(db, '/', year)),
    );
  }
}

describe('the indicators summary', () => {
  it('equals a recomputation from the views after random edits', async () => {
    const next = random(160271);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const grades = [null, 1, 2, 5, 6, 9, 10, 12];
    let n = 0;

    // Classes of every level in both years, some over the maximum, some empty.
    const classes: { id: string; school: string; year: string }[] = [];
    for (const school of SCHOOLS)
      for (const year of YEARS) {
        const specs = Array.from({ length: 4 }, () => ({
          schoolId: ids[school]!,
          name: `L${++n}`,
          grade: pick(grades),
          schoolYear: year,
          sessionsPerDay: next() < 0.5 ? 1 : 2,
        }));
        const made = await makeClasses(t.db, specs);
        made.forEach((id) => classes.push({ id, school, year }));
      }
    await writeTransaction(t.db, systemActor('test'), (tx) =>
      sql`UPDATE class SET preschool_group = 'nursery'
          WHERE grade IS NULL AND id IN (SELECT id FROM class ORDER BY id LIMIT 12)`.execute(tx),
    );
    for (const c of classes) {
      const size = pick([0, 3, 26, 36, 46]);
      await makeStudents(
        t.db,
        Array.from({ length: size }, (_, i) => ({
          schoolId: ids[c.school]!,
          fullName: `Học Sinh ${++n}`,
          gender: next() < 0.5 ? ('female' as const) : ('male' as const),
          ethnicity: pick([null, 'Kinh', 'Tày', 'Dao', '']),
          classId: c.id,
          schoolYear: c.year,
          birthDate: `201${i % 10}-01-01`,
        })),
      );
    }
    await expectExact(t.db, 'seeded');

    for (let round = 1; round <= 4; round++) {
      for (let edit = 0; edit < 12; edit++) {
        const c = pick(classes);
        const kind = pick([
          'sessions',
          'grade',
          'group',
          'move_student',
          'remove_student',
          'gender',
          'ethnicity',
          'add_class',
          'move_class',
          'delete_class',
        ]);
        await writeTransaction(t.db, systemActor('test'), async (tx) => {
          switch (kind) {
            case 'sessions':
              await sql`UPDATE class SET sessions_per_day = 3 - sessions_per_day
                WHERE id = ${c.id}`.execute(tx);
              break;
            case 'grade':
              await sql`UPDATE class SET grade = ${pick(grades)} WHERE id = ${c.id}`.execute(tx);
              break;
            case 'group':
              await sql`UPDATE class SET preschool_group =
                CASE WHEN preschool_group = 'nursery' THEN 'kindergarten' ELSE 'nursery' END
                WHERE id = ${c.id}`.execute(tx);
              break;
            case 'move_student': {
              // To another class of the same year, in another school if it falls so.
              const to = pick(classes.filter((o) => o.year === c.year && o.id !== c.id));
              await sql`UPDATE enrolment SET class_id = ${to.id}, school_id = ${ids[to.school]!}
                WHERE student_id = (SELECT student_id FROM enrolment WHERE class_id = ${c.id}
                  ORDER BY student_id LIMIT 1) AND school_year = ${c.year}`.execute(tx);
              break;
            }
            case 'remove_student':
              await sql`DELETE FROM enrolment WHERE student_id IN (SELECT student_id
                FROM enrolment WHERE class_id = ${c.id} ORDER BY student_id DESC LIMIT 2)
                AND school_year = ${c.year}`.execute(tx);
              break;
            case 'gender':
              await sql`UPDATE student SET gender = CASE gender WHEN 'male' THEN 'female' ELSE 'male' END
                WHERE id IN (SELECT student_id FROM enrolment WHERE class_id = ${c.id} LIMIT 3)`.execute(
                tx,
              );
              break;
            case 'ethnicity':
              await sql`UPDATE student SET ethnicity = ${pick(['Kinh', 'Mường', null])}
                WHERE id IN (SELECT student_id FROM enrolment WHERE class_id = ${c.id} LIMIT 2)`.execute(
                tx,
              );
              break;
            case 'add_class': {
              const id = crypto.randomUUID();
              await tx
                .insertInto('class')
                .values({
                  school_id: ids[c.school]!,
                  id,
                  school_year: c.year,
                  name: `M${++n}`,
                  grade: pick(grades),
                })
                .execute();
              classes.push({ id, school: c.school, year: c.year });
              break;
            }
            case 'move_class': {
              // A merge moves a school's class to another (enrolments follow: ON UPDATE CASCADE).
              const to = pick(SCHOOLS.filter((s) => s !== c.school));
              await sql`UPDATE class SET school_id = ${ids[to]!}, name = name || '-' || ${to}
                WHERE id = ${c.id}`.execute(tx);
              c.school = to;
              break;
            }
            case 'delete_class':
              await sql`DELETE FROM enrolment WHERE class_id = ${c.id}`.execute(tx);
              await sql`DELETE FROM class WHERE id = ${c.id}`.execute(tx);
              classes.splice(classes.indexOf(c), 1);
              break;
          }
        });
      }
      // Some rounds refresh only a subtree first: the rest stays pending, then exact.
      if (round % 2) await refreshSummary(t.db, paths.XA!);
      await expectExact(t.db, `round ${round}`);
    }
  }, 120_000);

  it('leaves nothing pending after a read, and changes nothing when nothing changed', async () => {
    expect(await refreshSummary(t.db, null)).toBe(0);
    await writeTransaction(t.db, systemActor('test'), (tx) =>
      sql`UPDATE class SET sessions_per_day = 3 - sessions_per_day
          WHERE id = (SELECT id FROM class WHERE school_id = ${ids.C1!} LIMIT 1)`.execute(tx),
    );
    // A refresh of another subtree leaves C1's change pending; C1's own takes it.
    expect(await refreshSummary(t.db, paths.XA!)).toBe(0);
    expect(await refreshSummary(t.db, paths.C1!)).toBe(1);
    expect(await refreshSummary(t.db, null)).toBe(0);
  });
});
