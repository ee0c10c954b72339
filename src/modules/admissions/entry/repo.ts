import { sql } from 'kysely';
import type { Tx } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { EntryDocumentKind, EntryRulesJson } from '../../../db/schema.ts';

/** Every query of the entry-grade catchments; units are read through orgs_unit_v only. */

export interface UnitRef {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
  levels: string[];
}

export function unitsByCode(db: Db, codes: readonly string[]): Promise<UnitRef[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('orgs_unit_v')
    .select(['id', 'code', 'name', 'kind', 'path', 'levels'])
    .where((eb) =>
      eb(
        eb.fn('lower', ['code']),
        'in',
        codes.map((c) => c.toLowerCase()),
      ),
    )
    .where('active', '=', true)
    .execute();
}

export function unitById(db: Db, id: string): Promise<(UnitRef & { active: boolean }) | undefined> {
  return db
    .selectFrom('orgs_unit_v')
    .select(['id', 'code', 'name', 'kind', 'path', 'levels', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface StoredArea {
  id: string;
  commune_id: string;
  code: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
}

export function areasOfCommunes(db: Db | Tx, communeIds: readonly string[]): Promise<StoredArea[]> {
  if (communeIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('entry_area').selectAll().where('commune_id', 'in', communeIds).execute();
}

export function catchmentLinks(
  db: Db | Tx,
  areaIds: readonly string[],
): Promise<{ area_id: string; school_id: string; grade: 1 | 6 }[]> {
  if (areaIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('entry_catchment')
    .select(['area_id', 'school_id', 'grade'])
    .where('area_id', 'in', areaIds)
    .execute();
}

export async function insertAreas(tx: Tx, areas: StoredArea[]): Promise<void> {
  if (areas.length) await tx.insertInto('entry_area').values(areas).execute();
}

export async function updateArea(
  tx: Tx,
  id: string,
  set: Pick<StoredArea, 'name' | 'latitude' | 'longitude'>,
): Promise<void> {
  await tx.updateTable('entry_area').set(set).where('id', '=', id).execute();
}

export async function replaceLinks(
  tx: Tx,
  areaIds: readonly string[],
  links: { id: string; area_id: string; school_id: string; grade: 1 | 6 }[],
): Promise<void> {
  if (areaIds.length)
    await tx.deleteFrom('entry_catchment').where('area_id', 'in', areaIds).execute();
  if (links.length) await tx.insertInto('entry_catchment').values(links).execute();
}

export interface CatchmentRow {
  area_id: string;
  area_code: string;
  area_name: string;
  latitude: number | null;
  longitude: number | null;
  school_id: string | null;
  school_code: string | null;
  school_name: string | null;
  grade: 1 | 6 | null;
}

/** A commune's areas with the schools serving each (areas no school serves included). */
export function communeCatchments(db: Db, communeId: string): Promise<CatchmentRow[]> {
  return db
    .selectFrom('entry_area as a')
    .leftJoin('entry_catchment as c', 'c.area_id', 'a.id')
    .leftJoin('orgs_unit_v as s', 's.id', 'c.school_id')
    .select([
      'a.id as area_id',
      'a.code as area_code',
      'a.name as area_name',
      'a.latitude',
      'a.longitude',
      's.id as school_id',
      's.code as school_code',
      's.name as school_name',
      'c.grade',
    ])
    .where('a.commune_id', '=', communeId)
    .orderBy('a.code')
    .orderBy('c.grade')
    .orderBy('s.code')
    .execute();
}

// ---- Entry-grade campaigns (issue #15): candidates, registration, counts, assignment ----

/** An entry-grade candidate by code, with their school's path (for the school's own checks). */
export function entryCandidateByCode(db: Db, campaignId: string, code: string) {
  return db
    .selectFrom('admission_candidate as a')
    .innerJoin('orgs_unit_v as u', 'u.id', 'a.school_id')
    .select([
      'a.id',
      'a.code',
      'a.full_name',
      'a.birth_date',
      'a.birth_year_exception',
      'a.birth_year_exception_by',
      'a.birth_year_exception_at',
      'a.school_id',
      'u.path as school_path',
    ])
    .where('a.campaign_id', '=', campaignId)
    .where('a.code', '=', code)
    .executeTakeFirst();
}

/**
 * A registry child by personal id and date of birth, studying in the
 * campaign's subtree in `schoolYear`: in `grade` (5 for grade 6), or at a
 * preschool (grade null, for grade 1).
 */
export function registryChild(
  db: Db,
  input: {
    rootPath: string;
    schoolYear: string;
    grade: number | null;
    personalId: string;
    birthDate: string;
  },
) {
  let query = db
    .selectFrom('registry_student_v as s')
    .innerJoin('registry_enrolment_v as e', 'e.student_id', 's.student_id')
    .innerJoin('orgs_unit_v as u', 'u.id', 'e.school_id')
    .select(['s.student_id', 's.full_name', 's.birth_date', 's.personal_id', 'e.school_id'])
    .where('s.personal_id', '=', input.personalId)
    .where('s.birth_date', '=', input.birthDate)
    .where('s.status', '=', 'studying')
    .where('e.school_year', '=', input.schoolYear)
    .where('u.path', 'like', `${input.rootPath}%`);
  query =
    input.grade === null
      ? query.where('e.grade', 'is', null)
      : query.where('e.grade', '=', input.grade);
  return query.executeTakeFirst();
}

/**
 * A student studying now at `schoolId`, by personal id and date of birth
 * (both must match): the sibling a family declares. Only the id is read;
 * the answer to the family says only found or not.
 */
export function studentAtSchool(
  db: Db,
  input: { schoolId: string; personalId: string; birthDate: string },
) {
  return db
    .selectFrom('registry_student_v')
    .select('student_id')
    .where('personal_id', '=', input.personalId)
    .where('birth_date', '=', input.birthDate)
    .where('school_id', '=', input.schoolId)
    .where('status', '=', 'studying')
    .executeTakeFirst();
}

/** An area of a commune inside `rootPath` (the campaign's subtree), with its commune. */
export function areaInSubtree(db: Db, areaId: string, rootPath: string) {
  return db
    .selectFrom('entry_area as a')
    .innerJoin('orgs_unit_v as c', 'c.id', 'a.commune_id')
    .select([
      'a.id',
      'a.code',
      'a.name',
      'a.commune_id',
      'c.path as commune_path',
      'c.code as commune_code',
    ])
    .where('a.id', '=', areaId)
    .where('c.path', 'like', `${rootPath}%`)
    .executeTakeFirst();
}

/**
 * The programs of an entry campaign among `ids` (the schools a family
 * chose), with their schools: a registration reads these few, not the
 * campaign's 800 (programsOf, about 12 ms a submission at a province's size
 * under load: bench/entry-load.ts).
 */
export function chosenPrograms(db: Db, campaignId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('admission_program as p')
    .innerJoin('orgs_unit_v as u', 'u.id', 'p.school_id')
    .select(['p.id', 'p.school_id', 'p.unzoned', 'u.name as school_name', 'u.path as school_path'])
    .where('p.campaign_id', '=', campaignId)
    .where('p.id', 'in', [...new Set(ids)])
    .execute();
}

/** The schools serving an area for a grade. */
export async function schoolsServing(db: Db, areaId: string, grade: number): Promise<string[]> {
  const rows = await db
    .selectFrom('entry_catchment')
    .select('school_id')
    .where('area_id', '=', areaId)
    .where('grade', '=', grade as 1 | 6)
    .execute();
  return rows.map((r) => r.school_id);
}

/**
 * Another campaign of the same school year and grade where this child (by
 * personal id or registry record) has a current, non-empty application.
 */
export function applicationElsewhere(
  db: Db,
  input: {
    campaignId: string;
    schoolYear: string;
    grade: number;
    personalId: string | null;
    studentId: string | null;
  },
) {
  const { personalId, studentId } = input;
  if (!personalId && !studentId) return Promise.resolve(undefined);
  return db
    .selectFrom('admission_candidate as a')
    .innerJoin('admission_campaign as k', 'k.id', 'a.campaign_id')
    .innerJoin('admission_current as cur', 'cur.candidate_id', 'a.id')
    .select(['k.name', 'a.code'])
    .where('k.id', '!=', input.campaignId)
    .where('k.school_year', '=', input.schoolYear)
    .where('k.grade', '=', input.grade)
    .where(sql<boolean>`cardinality(cur.preferences) > 0`)
    .where((eb) =>
      eb.or([
        ...(personalId ? [eb('a.personal_id', '=', personalId)] : []),
        ...(studentId ? [eb('a.student_id', '=', studentId)] : []),
      ]),
    )
    .executeTakeFirst();
}

/** Each child's version in force at `closes` with its residence (an entry campaign's input). */
export async function entryApplicationsAtClose(db: Db, campaignId: string, closesAt: Date) {
  const result = await sql<{
    id: string;
    code: string;
    preferences: string[];
    residence: 'permanent' | 'temporary' | null;
    area_id: string | null;
    sibling_program: string | null;
  }>`
    SELECT a.id, a.code, v.preferences, v.residence, v.area_id, v.sibling_program
    FROM admission_candidate a
    JOIN LATERAL (
      SELECT s.preferences, s.residence, s.area_id, s.sibling_program FROM admission_submission s
      WHERE s.candidate_id = a.id AND s.submitted_at < ${closesAt}
      ORDER BY s.version DESC LIMIT 1
    ) v ON true
    WHERE a.campaign_id = ${campaignId} AND cardinality(v.preferences) > 0`.execute(db);
  return result.rows;
}

/** Areas by id with their commune, coordinates and the schools serving them for `grade`. */
export async function areasWithSchools(db: Db, areaIds: readonly string[], grade: number) {
  if (areaIds.length === 0) return [];
  return db
    .selectFrom('entry_area as a')
    .innerJoin('orgs_unit_v as c', 'c.id', 'a.commune_id')
    .select([
      'a.id',
      'a.latitude',
      'a.longitude',
      'c.code as commune_code',
      sql<string[]>`COALESCE((SELECT array_agg(ec.school_id::text) FROM entry_catchment ec
        WHERE ec.area_id = a.id AND ec.grade = ${grade}), '{}')`.as('schools'),
    ])
    .where('a.id', 'in', areaIds)
    .execute();
}

/** The communes of a subtree (a school's commune is the one whose path starts its own). */
export function communesUnder(db: Db, rootPath: string) {
  return db
    .selectFrom('orgs_unit_v')
    .select(['id', 'code', 'path'])
    .where('kind', '=', 'commune')
    .where(sql<boolean>`(path LIKE ${rootPath + '%'} OR ${rootPath} LIKE path || '%')`)
    .execute();
}

/**
 * Per program of an entry campaign: current applications listing it (at any
 * rank), split by whether the child's declared area is in its catchment.
 */
export async function entryCountsOf(db: Db, campaignId: string, grade: number) {
  const result = await sql<{ program: string; in_catchment: string; outside: string }>`
    SELECT u.program,
      count(*) FILTER (WHERE ec.area_id IS NOT NULL) AS in_catchment,
      count(*) FILTER (WHERE ec.area_id IS NULL) AS outside
    FROM admission_current c
    CROSS JOIN unnest(c.preferences) AS u(program)
    JOIN admission_program p ON p.campaign_id = c.campaign_id AND p.id = u.program
    LEFT JOIN entry_catchment ec
      ON ec.area_id = c.area_id AND ec.school_id = p.school_id AND ec.grade = ${grade}
    WHERE c.campaign_id = ${campaignId}
    GROUP BY u.program`.execute(db);
  return result.rows;
}

/**
 * Children whose current application declares an area no school serves for
 * the campaign's grade, in the communes of `communePath`'s subtree.
 */
export async function unservedApplications(
  db: Db,
  input: { campaignId: string; grade: number; communePath: string },
) {
  return db
    .selectFrom('admission_current as cur')
    .innerJoin('admission_candidate as a', 'a.id', 'cur.candidate_id')
    .innerJoin('entry_area as ar', 'ar.id', 'cur.area_id')
    .innerJoin('orgs_unit_v as c', 'c.id', 'ar.commune_id')
    .select([
      'a.code',
      'a.full_name',
      'a.birth_date',
      'cur.residence',
      'cur.preferences',
      'cur.submitted_at',
      'ar.code as area_code',
      'ar.name as area_name',
      'c.id as commune_id',
      'c.code as commune_code',
      'c.name as commune_name',
    ])
    .where('cur.campaign_id', '=', input.campaignId)
    .where(sql<boolean>`cardinality(cur.preferences) > 0`)
    .where('c.path', 'like', `${input.communePath}%`)
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM entry_catchment ec
        WHERE ec.area_id = cur.area_id AND ec.grade = ${input.grade})`,
    )
    .orderBy('c.code')
    .orderBy('ar.code')
    .orderBy('a.code')
    .execute();
}

/** The areas of the communes in a campaign's subtree with the schools serving each for `grade`. */
export function publicAreasOf(db: Db, rootPath: string, grade: number) {
  return db
    .selectFrom('entry_area as a')
    .innerJoin('orgs_unit_v as c', 'c.id', 'a.commune_id')
    .select([
      'a.id',
      'a.code',
      'a.name',
      'c.code as commune_code',
      'c.name as commune_name',
      sql<
        string[]
      >`COALESCE((SELECT array_agg(ec.school_id::text ORDER BY ec.school_id) FROM entry_catchment ec
        WHERE ec.area_id = a.id AND ec.grade = ${grade}), '{}')`.as('schools'),
    ])
    .where('c.path', 'like', `${rootPath}%`)
    .orderBy('c.code')
    .orderBy('a.code')
    .execute();
}

/** An admitted child of the campaign by code, with the admitting school's path. */
export function admittedByCode(db: Db, campaignId: string, code: string) {
  return db
    .selectFrom('admission_result as r')
    .innerJoin('admission_candidate as a', 'a.id', 'r.id')
    .innerJoin('orgs_unit_v as u', 'u.id', 'r.school_id')
    .select([
      'a.id',
      'a.code',
      'a.full_name',
      'r.program',
      'r.response',
      'r.documents_checked_at',
      'u.path as school_path',
    ])
    .where('r.campaign_id', '=', campaignId)
    .where('a.code', '=', code)
    .where('r.program', 'is not', null)
    .executeTakeFirst();
}

export async function setDocumentsChecked(
  tx: Tx,
  candidateId: string,
  by: string | null,
): Promise<void> {
  await tx
    .updateTable('admission_result')
    .set({ documents_checked_at: by ? sql<Date>`now()` : null, documents_checked_by: by })
    .where('id', '=', candidateId)
    .execute();
}

/** The public lookup of an entry campaign by personal id: the child with their result. */
export function lookupByPersonalId(db: Db, campaignId: string, personalId: string) {
  return db
    .selectFrom('admission_candidate as a')
    .leftJoin('admission_result as r', 'r.id', 'a.id')
    .leftJoin('admission_program as p', (join) =>
      join.onRef('p.campaign_id', '=', 'r.campaign_id').onRef('p.id', '=', 'r.program'),
    )
    .leftJoin('orgs_unit_v as u', 'u.id', 'p.school_id')
    .select(['a.birth_date', 'a.score', 'r.program', 'u.name as school_name'])
    .where('a.campaign_id', '=', campaignId)
    .where('a.personal_id', '=', personalId)
    .executeTakeFirst();
}

/** One area of a commune by its code (case-insensitive), for the web edit of a catchment. */
export function areaOfCommuneByCode(db: Db | Tx, communeId: string, code: string) {
  return db
    .selectFrom('entry_area')
    .selectAll()
    .where('commune_id', '=', communeId)
    .where((eb) => eb(eb.fn('lower', ['code']), '=', code.toLowerCase()))
    .executeTakeFirst();
}

export async function addLink(
  tx: Tx,
  link: { id: string; area_id: string; school_id: string; grade: 1 | 6 },
): Promise<void> {
  await tx
    .insertInto('entry_catchment')
    .values(link)
    .onConflict((oc) => oc.columns(['area_id', 'school_id', 'grade']).doNothing())
    .execute();
}

export async function removeLink(
  tx: Tx,
  link: { area_id: string; school_id: string; grade: 1 | 6 },
): Promise<number> {
  const r = await tx
    .deleteFrom('entry_catchment')
    .where('area_id', '=', link.area_id)
    .where('school_id', '=', link.school_id)
    .where('grade', '=', link.grade)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

// ---- Evidence uploads (entry/evidence.ts) ----

export interface EvidenceRow {
  id: string;
  candidate_id: string;
  campaign_id: string;
  school_id: string;
  kind: EntryDocumentKind;
  version: number;
  file_sha256: string;
  file_name: string;
  file_size: number;
  file_type: string;
}

export async function insertEvidence(tx: Tx, row: EvidenceRow): Promise<void> {
  await tx.insertInto('admission_entry_evidence').values(row).execute();
}

const evidenceColumns = [
  'id',
  'candidate_id',
  'kind',
  'version',
  'file_sha256',
  'file_name',
  'file_size',
  'file_type',
  'created_at',
] as const;

/** A child's files, oldest first. */
export function evidenceOf(db: Db | Tx, candidateId: string) {
  return db
    .selectFrom('admission_entry_evidence')
    .select(evidenceColumns)
    .where('candidate_id', '=', candidateId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** One file, only when it is this child's (another child's id reads as absent). */
export function evidenceOfCandidate(db: Db | Tx, candidateId: string, evidenceId: string) {
  return db
    .selectFrom('admission_entry_evidence')
    .select(evidenceColumns)
    .where('candidate_id', '=', candidateId)
    .where('id', '=', evidenceId)
    .executeTakeFirst();
}

export async function deleteEvidence(
  tx: Tx,
  candidateId: string,
  evidenceId: string,
): Promise<number> {
  const r = await tx
    .deleteFrom('admission_entry_evidence')
    .where('candidate_id', '=', candidateId)
    .where('id', '=', evidenceId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The declared area's name and its commune's, for the receipt. */
export function areaWithCommune(db: Db, areaId: string) {
  return db
    .selectFrom('entry_area as a')
    .innerJoin('orgs_unit_v as c', 'c.id', 'a.commune_id')
    .select(['a.code', 'a.name', 'c.name as commune_name'])
    .where('a.id', '=', areaId)
    .executeTakeFirst();
}

// ---- The staff's web pages: units to pick, seats (issue #15) ----

/** Active units of `kind` whose path starts with `within`, with their parent's name. */
export function unitsUnder(db: Db, within: string, kind: 'commune' | 'school', level?: string) {
  let q = db
    .selectFrom('orgs_unit_v as u')
    .leftJoin('orgs_unit_v as p', 'p.id', 'u.parent_id')
    .select(['u.id', 'u.code', 'u.name', 'u.path', 'p.name as parent_name'])
    .where('u.kind', '=', kind)
    .where('u.active', '=', true)
    .where('u.path', 'like', `${within.replace(/[\\%_]/g, '\\$&')}%`);
  if (level) q = q.where(sql<boolean>`${level} = ANY(u.levels)`);
  return q.orderBy('u.code').limit(10_000).execute();
}

/** The schools serving at least one area of the commune for `grade`. */
export function schoolsServingCommune(db: Db, communeId: string, grade: 1 | 6) {
  return db
    .selectFrom('entry_catchment as c')
    .innerJoin('entry_area as a', 'a.id', 'c.area_id')
    .innerJoin('orgs_unit_v as u', 'u.id', 'c.school_id')
    .select(['u.id', 'u.code', 'u.name', 'u.path'])
    .distinct()
    .where('a.commune_id', '=', communeId)
    .where('c.grade', '=', grade)
    .execute();
}

/**
 * Replaces an entry campaign's rules if the campaign is still at `version`
 * (bumping it); false when someone saved first.
 */
export async function setEntryRules(
  tx: Tx,
  campaignId: string,
  version: number,
  rules: EntryRulesJson,
): Promise<boolean> {
  const result = await tx
    .updateTable('admission_campaign')
    .set({
      entry_rules: JSON.stringify(rules),
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', campaignId)
    .where('version', '=', version)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertEntryRulesChange(
  tx: Tx,
  row: {
    id: string;
    campaign_id: string;
    org_unit_id: string;
    campaign_version: number;
    before: EntryRulesJson;
    after: EntryRulesJson;
    reason: string | null;
    after_opening: boolean;
    changed_by: string;
    changed_by_name: string;
  },
): Promise<void> {
  await tx
    .insertInto('admission_entry_rules_change')
    .values({ ...row, before: JSON.stringify(row.before), after: JSON.stringify(row.after) })
    .execute();
}

/** A campaign's rule changes, newest first (only those after opening for the public page). */
export function entryRulesChanges(db: Db, campaignId: string, afterOpeningOnly = false) {
  let query = db
    .selectFrom('admission_entry_rules_change')
    .select([
      'id',
      'changed_at',
      'changed_by_name',
      'before',
      'after',
      'reason',
      'after_opening',
      'campaign_version',
    ])
    .where('campaign_id', '=', campaignId);
  if (afterOpeningOnly) query = query.where('after_opening', '=', true);
  return query.orderBy('changed_at', 'desc').orderBy('campaign_version', 'desc').execute();
}

/** A campaign's programs with their classes, seats and version. */
export function seatPrograms(db: Db, campaignId: string) {
  return db
    .selectFrom('admission_program as p')
    .innerJoin('orgs_unit_v as u', 'u.id', 'p.school_id')
    .select([
      'p.id',
      'p.school_id',
      'p.quota',
      'p.classes',
      'p.unzoned',
      'p.version',
      'p.seq',
      'u.code as school_code',
      'u.name as school_name',
      'u.path as school_path',
    ])
    .where('p.campaign_id', '=', campaignId)
    .orderBy('p.seq')
    .execute();
}

/** Who recorded a child's birth-year exception, and when (null with the reason removed). */
export async function setBirthYearException(
  tx: Tx,
  candidateId: string,
  reason: string | null,
  by: string,
  at: Date,
): Promise<void> {
  await tx
    .updateTable('admission_candidate')
    .set({
      birth_year_exception: reason,
      birth_year_exception_by: reason ? by : null,
      birth_year_exception_at: reason ? at : null,
    })
    .where('id', '=', candidateId)
    .execute();
}

/** Whether the school serves any area for `grade`. */
export async function schoolServes(db: Db, schoolId: string, grade: 1 | 6): Promise<boolean> {
  const row = await db
    .selectFrom('entry_catchment')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('grade', '=', grade)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
