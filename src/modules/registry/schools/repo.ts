/**
 * Every query of the schools part: profiles per school year
 * (`school_year_profile`) and rooms (`facility`), and the schools of a
 * subtree they are reported over.
 */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Tx } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { FacilityTable, SchoolYearProfileTable } from '../../../db/schema.ts';

export type ProfileRecord = Selectable<SchoolYearProfileTable>;

export function findProfile(
  db: Db,
  schoolId: string,
  schoolYear: string,
): Promise<ProfileRecord | undefined> {
  return db
    .selectFrom('school_year_profile')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('school_year', '=', schoolYear)
    .executeTakeFirst();
}

/** The year's profile locked for update, if recorded. */
export function lockProfile(
  tx: Tx,
  schoolId: string,
  schoolYear: string,
): Promise<ProfileRecord | undefined> {
  return tx
    .selectFrom('school_year_profile')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('school_year', '=', schoolYear)
    .forUpdate()
    .executeTakeFirst();
}

/** Inserts a year's first profile; false when another save recorded it first. */
export async function insertProfileIfAbsent(
  tx: Tx,
  values: Insertable<SchoolYearProfileTable>,
): Promise<boolean> {
  const inserted = await tx
    .insertInto('school_year_profile')
    .values(values)
    .onConflict((oc) => oc.columns(['school_id', 'school_year']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Writes `changed` if the row still has `version`; false when it moved on. */
export async function updateProfile(
  tx: Tx,
  schoolId: string,
  schoolYear: string,
  version: number,
  changed: Updateable<SchoolYearProfileTable>,
): Promise<boolean> {
  const done = await tx
    .updateTable('school_year_profile')
    .set({ ...changed, version: sql`version + 1`, updated_at: sql`now()` })
    .where('school_id', '=', schoolId)
    .where('school_year', '=', schoolYear)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) > 0;
}

/** Every active school under `path` with its profile of the year (nulls where none), by code. */
export function profilesInSubtree(db: Db, path: string, schoolYear: string) {
  return db
    .selectFrom('org_unit as s')
    .leftJoin('school_year_profile as p', (join) =>
      join.onRef('p.school_id', '=', 's.id').on('p.school_year', '=', schoolYear),
    )
    .leftJoin('org_unit as parent', 'parent.id', 's.parent_id')
    .select([
      's.id',
      's.code',
      's.name',
      's.levels',
      's.ownership',
      's.address',
      's.active',
      'parent.name as parentName',
      'p.id as profileId',
      'p.national_standard_level',
      'p.national_standard_decision',
      'p.national_standard_date',
      'p.accreditation_level',
      'p.two_sessions_a_day',
      'p.notes',
      'p.homeroom_one_class',
      'p.version',
    ])
    .where('s.kind', '=', 'school')
    .where('s.active', '=', true)
    .where('s.path', 'like', `${path}%`)
    .orderBy('s.code')
    .execute();
}

// ---------------------------------------------------------------- facilities

export function facilityRows(db: Db, schoolId: string, schoolYear: string) {
  return db
    .selectFrom('facility')
    .select(['room_type', 'condition', 'room_count', 'area_m2', 'version'])
    .where('school_id', '=', schoolId)
    .where('school_year', '=', schoolYear)
    .execute();
}

/**
 * Takes the year's facility lock and its rows, locked: two saves of the same
 * year wait for each other, since row locks cannot cover rows not there yet.
 */
export async function lockFacilities(tx: Tx, schoolId: string, schoolYear: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`facility|${schoolId}|${schoolYear}`}, 0))`.execute(
    tx,
  );
  return tx
    .selectFrom('facility')
    .select(['id', 'room_type', 'condition', 'room_count', 'area_m2', 'version'])
    .where('school_id', '=', schoolId)
    .where('school_year', '=', schoolYear)
    .forUpdate()
    .execute();
}

export async function updateFacility(
  tx: Tx,
  schoolId: string,
  id: string,
  fields: { room_count: number; area_m2: number | null },
): Promise<void> {
  await tx
    .updateTable('facility')
    .set({ ...fields, version: sql`version + 1`, updated_at: sql`now()` })
    .where('school_id', '=', schoolId)
    .where('id', '=', id)
    .execute();
}

export async function deleteFacilities(tx: Tx, schoolId: string, ids: string[]): Promise<void> {
  await tx
    .deleteFrom('facility')
    .where('school_id', '=', schoolId)
    .where('id', 'in', ids)
    .execute();
}

export async function insertFacilities(tx: Tx, rows: Insertable<FacilityTable>[]): Promise<void> {
  await tx.insertInto('facility').values(rows).execute();
}

/** Rooms of the year by type and condition, summed over the active schools under `path`. */
export function facilityTotalsInSubtree(db: Db, path: string, schoolYear: string) {
  const inSubtree = db
    .selectFrom('org_unit')
    .select('id')
    .where('kind', '=', 'school')
    .where('active', '=', true)
    .where('path', 'like', `${path}%`);
  return db
    .selectFrom('facility')
    .select([
      'room_type',
      'condition',
      sql<number>`sum(room_count)::int`.as('rooms'),
      sql<number | null>`sum(area_m2)`.as('area'),
    ])
    .where('school_id', 'in', inSubtree)
    .where('school_year', '=', schoolYear)
    .groupBy(['room_type', 'condition'])
    .execute();
}

/** Active schools under `path`, and how many of them recorded rooms for the year. */
export async function schoolsReporting(
  db: Db,
  path: string,
  schoolYear: string,
): Promise<{ schools: number; reported: number }> {
  const [counts] = await db
    .selectFrom('org_unit')
    .select([
      sql<number>`count(*)::int`.as('schools'),
      sql<number>`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM facility f WHERE f.school_id = org_unit.id AND f.school_year = ${schoolYear}))::int`.as(
        'reported',
      ),
    ])
    .where('kind', '=', 'school')
    .where('active', '=', true)
    .where('path', 'like', `${path}%`)
    .execute();
  return { schools: Number(counts?.schools ?? 0), reported: Number(counts?.reported ?? 0) };
}

/** One line per active school under `path`, type and condition, by school code. */
export function facilityExportRows(db: Db, path: string, schoolYear: string) {
  return (
    db
      .selectFrom('facility')
      .innerJoin('org_unit', 'org_unit.id', 'facility.school_id')
      .select([
        'org_unit.code',
        'org_unit.name',
        'facility.room_type',
        'facility.condition',
        'facility.room_count',
        'facility.area_m2',
      ])
      .where('org_unit.path', 'like', `${path}%`)
      // Merged (inactive) schools keep their history but no longer count.
      .where('org_unit.active', '=', true)
      .where('facility.school_year', '=', schoolYear)
      .orderBy('org_unit.code')
      .limit(500_000)
      .execute()
  );
}

// ---------------------------------------------------------------- the school list

/**
 * Every active school under `path` with its commune, its figures for the
 * year (enrolments, classes; active staff) and its profile of the year
 * (nulls where none). A province has a few thousand schools at most: the
 * list is filtered, sorted and paged by the use case.
 */
export function schoolListRows(db: Db, path: string, schoolYear: string) {
  return db
    .selectFrom('org_unit as s')
    .leftJoin('school_year_profile as p', (join) =>
      join.onRef('p.school_id', '=', 's.id').on('p.school_year', '=', schoolYear),
    )
    .leftJoin('org_unit as parent', (join) =>
      join.onRef('parent.id', '=', 's.parent_id').on('parent.kind', '=', 'commune'),
    )
    .select([
      's.id',
      's.code',
      's.name',
      's.search_name',
      's.levels',
      's.ownership',
      'parent.id as communeId',
      'parent.code as communeCode',
      'parent.name as communeName',
      'p.national_standard_level',
      'p.accreditation_level',
      'p.two_sessions_a_day',
      sql<number>`(SELECT count(*)::int FROM enrolment e WHERE e.school_id = s.id AND e.school_year = ${schoolYear})`.as(
        'students',
      ),
      sql<number>`(SELECT count(*)::int FROM class c WHERE c.school_id = s.id AND c.school_year = ${schoolYear})`.as(
        'classes',
      ),
      sql<number>`(SELECT count(*)::int FROM staff t WHERE t.school_id = s.id AND t.active)`.as(
        'staff',
      ),
    ])
    .where('s.kind', '=', 'school')
    .where('s.active', '=', true)
    .where('s.path', 'like', `${path}%`)
    .execute();
}
