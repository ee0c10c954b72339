/**
 * The registry's queries that span its parts: a unit's figures and a
 * school merge touch classes, students and staff at once (the org-tree
 * hooks). Each part's own queries are in its folder's repo.ts.
 */
import { sql } from 'kysely';
import type { Tx } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';

/** Classes, studying students and active staff of the schools under a unit's path. */
export async function countUnitData(
  db: Db,
  unit: { id: string; path: string },
): Promise<Record<string, number>> {
  const [row] = await db
    .selectFrom('org_unit as u')
    .select([
      sql<number>`(SELECT count(*)::int FROM class WHERE class.school_id IN (SELECT id FROM org_unit WHERE path LIKE ${unit.path + '%'}))`.as(
        'classes',
      ),
      sql<number>`(SELECT count(*)::int FROM student WHERE student.status = 'studying' AND student.school_id IN (SELECT id FROM org_unit WHERE path LIKE ${unit.path + '%'}))`.as(
        'students',
      ),
      sql<number>`(SELECT count(*)::int FROM staff WHERE staff.active AND staff.school_id IN (SELECT id FROM org_unit WHERE path LIKE ${unit.path + '%'}))`.as(
        'staff',
      ),
    ])
    .where('u.id', '=', unit.id)
    .execute();
  return row ?? {};
}

/** Classes of `fromId` whose name and year a class of `intoId` has too. */
export function classClashes(tx: Tx, fromId: string, intoId: string) {
  return tx
    .selectFrom('class as a')
    .innerJoin('class as b', (join) =>
      join.onRef('a.school_year', '=', 'b.school_year').onRef('a.name', '=', 'b.name'),
    )
    .select(['a.name', 'a.school_year'])
    .where('a.school_id', '=', fromId)
    .where('b.school_id', '=', intoId)
    .execute();
}

/** Gives `fromId`'s classes, students and staff to `intoId`. */
export async function moveSchoolData(tx: Tx, fromId: string, intoId: string): Promise<void> {
  // Enrolments follow through ON UPDATE CASCADE on (school_id, class_id).
  await tx
    .updateTable('class')
    .set({ school_id: intoId, version: sql`version + 1`, updated_at: sql`now()` })
    .where('school_id', '=', fromId)
    .execute();
  await tx
    .updateTable('student')
    .set({ school_id: intoId, version: sql`version + 1`, updated_at: sql`now()` })
    .where('school_id', '=', fromId)
    .execute();
  await tx
    .updateTable('staff')
    .set({ school_id: intoId, version: sql`version + 1`, updated_at: sql`now()` })
    .where('school_id', '=', fromId)
    .execute();
}
