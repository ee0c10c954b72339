/**
 * Every query of the admissions campaigns (the allocation engine in
 * allocate/ touches no database). Reads of the org tree and of grade-9
 * enrolments are here too: the registry publishes no view of them yet.
 */
import { sql } from 'kysely';
import type { Tx } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { EntryResidence, ProgramTrack } from '../../db/schema.ts';
import type { Scope } from '../../core/access/scope.ts';

type Q = Db | Tx;

export async function insertCampaign(
  tx: Tx,
  row: {
    id: string;
    org_unit_id: string;
    name: string;
    school_year: string;
    grade: number;
    opens_at: Date;
    closes_at: Date;
    confirm_by: Date | null;
    max_preferences: number;
    rank_penalty: number;
    ties: 'admit-all' | 'tiebreak';
    zone_ranks?: number | null;
    first_closes_at?: Date | null;
    change_opens_at?: Date | null;
    entry_rules?: string | null;
  },
): Promise<void> {
  await tx.insertInto('admission_campaign').values(row).execute();
}

const campaignColumns = [
  'c.id',
  'c.name',
  'c.school_year',
  'c.grade',
  'c.opens_at',
  'c.closes_at',
  'c.confirm_by',
  'c.max_preferences',
  'c.rank_penalty',
  'c.ties',
  'c.status',
  'c.version',
  'c.org_unit_id',
  'c.published_at',
  'c.zone_ranks',
  'c.first_closes_at',
  'c.change_opens_at',
  'c.specialised_status',
  'c.specialised_confirm_by',
  'c.entry_rules',
  'u.code as unit_code',
  'u.name as unit_name',
  'u.path as unit_path',
] as const;

export type CampaignRow = Awaited<ReturnType<typeof campaignById>> & object;

export async function campaignById(db: Q, campaignId: string) {
  return db
    .selectFrom('admission_campaign as c')
    .innerJoin('orgs_unit_v as u', 'u.id', 'c.org_unit_id')
    .select(campaignColumns)
    .where('c.id', '=', campaignId)
    .executeTakeFirst();
}

/** Campaigns the caller takes part in: run inside its subtree, or covering its unit. */
export async function campaignsFor(db: Q, scope: Scope) {
  const path = scope.user.orgPath;
  return db
    .selectFrom('admission_campaign as c')
    .innerJoin('orgs_unit_v as u', 'u.id', 'c.org_unit_id')
    .select(campaignColumns)
    .where(sql<boolean>`(u.path LIKE ${path + '%'} OR ${path} LIKE u.path || '%')`)
    .orderBy('c.opens_at', 'desc')
    .execute();
}

export async function publicCampaigns(db: Q) {
  return db
    .selectFrom('admission_campaign as c')
    .innerJoin('orgs_unit_v as u', 'u.id', 'c.org_unit_id')
    .select(campaignColumns)
    .orderBy('c.opens_at', 'desc')
    .limit(50)
    .execute();
}

/** A campaign's change, only from `version` (the optimistic check); false when another came first. */
export async function updateCampaign(
  tx: Tx,
  campaignId: string,
  version: number,
  set: {
    name?: string;
    opens_at?: Date;
    closes_at?: Date;
    confirm_by?: Date | null;
    max_preferences?: number;
    rank_penalty?: number;
    ties?: 'admit-all' | 'tiebreak';
    zone_ranks?: number | null;
    first_closes_at?: Date | null;
    change_opens_at?: Date | null;
  },
): Promise<boolean> {
  const result = await tx
    .updateTable('admission_campaign')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', campaignId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setCampaignStatus(
  tx: Tx,
  campaignId: string,
  set: {
    status: 'open' | 'allocated' | 'published';
    allocated_at?: Date;
    published_at?: Date | null;
  },
): Promise<void> {
  await tx
    .updateTable('admission_campaign')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', campaignId)
    .execute();
}

// ---- Programs ----

export async function programsOf(db: Q, campaignId: string) {
  return db
    .selectFrom('admission_program as p')
    .innerJoin('orgs_unit_v as u', 'u.id', 'p.school_id')
    .select([
      'p.id',
      'p.school_id',
      'p.quota',
      'p.seq',
      'p.admitted',
      'p.cutoff',
      'p.what_if',
      'p.zone',
      'p.track',
      'p.unzoned',
      'p.classes',
      'u.code as school_code',
      'u.name as school_name',
      'u.path as school_path',
      'u.latitude as school_latitude',
      'u.longitude as school_longitude',
    ])
    .where('p.campaign_id', '=', campaignId)
    .orderBy('p.seq')
    .execute();
}

/** Units by code inside a subtree (the campaign's), with their levels. */
export async function unitsByCode(db: Q, rootPath: string, codes: string[]) {
  if (!codes.length) return [];
  return db
    .selectFrom('orgs_unit_v')
    .select(['id', 'code', 'name', 'kind', 'levels', 'path', 'active'])
    .where('code', 'in', codes)
    .where('path', 'like', `${rootPath}%`)
    .execute();
}

export async function insertProgram(
  tx: Tx,
  row: {
    campaign_id: string;
    id: string;
    school_id: string;
    quota: number;
    seq: number;
    zone?: string | null;
    track?: ProgramTrack;
    unzoned?: boolean;
    classes?: number | null;
  },
): Promise<void> {
  await tx.insertInto('admission_program').values(row).execute();
}

/** The next program's place in a campaign's list (the entry seats editor adds one at the end). */
export async function nextProgramSeq(tx: Tx, campaignId: string): Promise<number> {
  const next = await tx
    .selectFrom('admission_program')
    .select(sql<number>`coalesce(max(seq), 0) + 1`.as('seq'))
    .where('campaign_id', '=', campaignId)
    .executeTakeFirstOrThrow();
  return next.seq;
}

/** Changes a program (the programs box's import, the entry seats editor), bumping its version. */
export async function updateProgram(
  tx: Tx,
  campaignId: string,
  programId: string,
  set: {
    school_id?: string;
    quota: number;
    classes?: number | null;
    zone?: string | null;
    track?: ProgramTrack;
    unzoned?: boolean;
  },
): Promise<void> {
  await tx
    .updateTable('admission_program')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('campaign_id', '=', campaignId)
    .where('id', '=', programId)
    .execute();
}

export async function storeProgramOutcome(
  tx: Tx,
  campaignId: string,
  programId: string,
  set: { admitted: number; cutoff: number | null; what_if: number[] },
): Promise<void> {
  await tx
    .updateTable('admission_program')
    .set({ admitted: set.admitted, cutoff: set.cutoff, what_if: JSON.stringify(set.what_if) })
    .where('campaign_id', '=', campaignId)
    .where('id', '=', programId)
    .execute();
}

// ---- Candidates ----

/**
 * Students in `grade` in `schoolYear` in a subtree, studying: the candidates
 * to issue. `grade` null: preschool (the children entering grade 1), then
 * only those born in `birthYear`.
 */
export async function studentsInGrade(
  db: Q,
  rootPath: string,
  schoolYear: string,
  grade: number | null,
  birthYear?: number,
) {
  let query = db
    .selectFrom('registry_enrolment_v as e')
    .innerJoin('registry_student_v as s', 's.student_id', 'e.student_id')
    .innerJoin('orgs_unit_v as u', 'u.id', 'e.school_id')
    .select([
      's.student_id as id',
      's.student_code',
      's.full_name',
      's.birth_date',
      's.personal_id',
      'e.gender',
      'u.id as school_id',
      'u.code as school_code',
    ])
    .where('e.school_year', '=', schoolYear)
    .where('s.status', '=', 'studying')
    .where('u.path', 'like', `${rootPath}%`);
  query = grade === null ? query.where('e.grade', 'is', null) : query.where('e.grade', '=', grade);
  if (birthYear !== undefined)
    query = query
      .where('s.birth_date', '>=', `${birthYear}-01-01`)
      .where('s.birth_date', '<=', `${birthYear}-12-31`);
  return query.orderBy('u.code').orderBy('s.search_name').execute();
}

export async function issuedStudentIds(db: Q, campaignId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('admission_candidate')
    .select('student_id')
    .where('campaign_id', '=', campaignId)
    .where('student_id', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.student_id!));
}

export async function candidateCount(db: Q, campaignId: string): Promise<number> {
  const row = await db
    .selectFrom('admission_candidate')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('campaign_id', '=', campaignId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Holds the campaign's candidate codes until the transaction ends, so that
 * counting the candidates and inserting the next code cannot interleave
 * with another listing of the same campaign.
 */
export async function lockCandidateCodes(tx: Tx, campaignId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`admission-codes|${campaignId}`}, 0))`.execute(
    tx,
  );
}

export async function insertCandidates(
  tx: Tx,
  rows: {
    campaign_id: string;
    id: string;
    code: string;
    pin_hash: string;
    student_id: string | null;
    school_id: string;
    full_name: string;
    birth_date: string;
    added_by?: string | null;
    gender?: 'male' | 'female' | null;
    personal_id?: string | null;
    birth_year_exception?: string | null;
    birth_year_exception_by?: string | null;
    birth_year_exception_at?: Date | null;
  }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 2_000) {
    const batch = rows.slice(i, i + 2_000);
    await tx.insertInto('admission_candidate').values(batch).execute();
    await tx
      .insertInto('admission_current')
      .values(batch.map((r) => ({ candidate_id: r.id, campaign_id: r.campaign_id })))
      .execute();
  }
}

export async function candidateByCode(db: Q, campaignId: string, code: string) {
  return db
    .selectFrom('admission_candidate')
    .select(['id', 'code', 'pin_hash', 'full_name', 'birth_date', 'school_id', 'score'])
    .where('campaign_id', '=', campaignId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function candidateById(db: Q, candidateId: string) {
  return db
    .selectFrom('admission_candidate')
    .select([
      'id',
      'campaign_id',
      'code',
      'full_name',
      'birth_date',
      'school_id',
      'score',
      'zone',
      'student_id',
      'personal_id',
      'birth_year_exception',
    ])
    .where('id', '=', candidateId)
    .executeTakeFirst();
}

/** An entry-grade candidate by the child's personal id. */
export async function candidateByPersonalId(db: Q, campaignId: string, personalId: string) {
  return db
    .selectFrom('admission_candidate')
    .select(['id', 'code', 'full_name', 'birth_date', 'school_id'])
    .where('campaign_id', '=', campaignId)
    .where('personal_id', '=', personalId)
    .executeTakeFirst();
}

export async function candidateCodes(db: Q, campaignId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('admission_candidate')
    .select(['id', 'code'])
    .where('campaign_id', '=', campaignId)
    .execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Candidates of the schools in the caller's subtree, with their current version. */
export async function candidatesInScope(db: Q, campaignId: string, scope: Scope) {
  return db
    .selectFrom('admission_candidate as a')
    .innerJoin('admission_current as cur', 'cur.candidate_id', 'a.id')
    .innerJoin('orgs_unit_v as u', 'u.id', 'a.school_id')
    .select([
      'a.code',
      'a.full_name',
      'a.birth_date',
      'a.score',
      'a.student_id',
      'a.added_by',
      'a.birth_year_exception',
      'a.birth_year_exception_by',
      'a.birth_year_exception_at',
      'u.id as school_id',
      'u.code as school_code',
      'u.name as school_name',
      'cur.version',
      sql<number>`cardinality(cur.preferences)`.as('choices'),
    ])
    .where('a.campaign_id', '=', campaignId)
    .where(scope.pathCondition('u.path'))
    .orderBy('u.code')
    .orderBy('a.code')
    .limit(5_000)
    .execute();
}

export async function campaignTallies(db: Q, campaignId: string) {
  const row = await db
    .selectFrom('admission_candidate as a')
    .innerJoin('admission_current as cur', 'cur.candidate_id', 'a.id')
    .select([
      (eb) => eb.fn.countAll<string>().as('candidates'),
      sql<string>`count(*) FILTER (WHERE cardinality(cur.preferences) > 0)`.as('registered'),
      sql<string>`count(a.score)`.as('scored'),
    ])
    .where('a.campaign_id', '=', campaignId)
    .executeTakeFirstOrThrow();
  return {
    candidates: Number(row.candidates),
    registered: Number(row.registered),
    scored: Number(row.scored),
  };
}

export async function setScores(
  tx: Tx,
  campaignId: string,
  scores: { id: string; score: number }[],
): Promise<void> {
  for (let i = 0; i < scores.length; i += 5_000) {
    const batch = scores.slice(i, i + 5_000);
    await sql`
      UPDATE admission_candidate a SET score = v.score
      FROM (SELECT unnest(${batch.map((s) => s.id)}::uuid[]) AS id,
                   unnest(${batch.map((s) => s.score)}::int[]) AS score) v
      WHERE a.id = v.id AND a.campaign_id = ${campaignId} AND a.score IS DISTINCT FROM v.score`.execute(
      tx,
    );
  }
}

export async function currentScores(
  db: Q,
  campaignId: string,
): Promise<Map<string, number | null>> {
  const rows = await db
    .selectFrom('admission_candidate')
    .select(['id', 'score'])
    .where('campaign_id', '=', campaignId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.score]));
}

// ---- Candidate sessions ----

export async function insertSession(
  db: Q,
  row: {
    token_hash: string;
    candidate_id: string;
    csrf_token: string;
    ip: string | null;
    expires_at: Date;
  },
): Promise<void> {
  await db.insertInto('admission_session').values(row).execute();
}

export async function sessionByToken(db: Q, tokenHash: string) {
  return db
    .selectFrom('admission_session as s')
    .innerJoin('admission_candidate as a', 'a.id', 's.candidate_id')
    .select(['s.candidate_id', 's.csrf_token', 'a.campaign_id', 'a.school_id'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

// ---- Applications ----

/**
 * What an entry-grade version declares besides the schools: the residence
 * and its area, and a sibling at one of the chosen schools (its program and
 * the registry student found), or none.
 */
export interface EntryDeclaration {
  residence: EntryResidence;
  area_id: string;
  sibling_program: string | null;
  sibling_student_id: string | null;
}

export async function currentApplication(db: Q, candidateId: string) {
  return db
    .selectFrom('admission_current')
    .select([
      'version',
      'preferences',
      'submitted_at',
      'residence',
      'area_id',
      'sibling_program',
      'sibling_student_id',
    ])
    .where('candidate_id', '=', candidateId)
    .executeTakeFirst();
}

export async function submissionsOf(db: Q, candidateId: string) {
  return db
    .selectFrom('admission_submission')
    .select([
      'version',
      'preferences',
      'submitted_at',
      'on_behalf_by',
      'residence',
      'area_id',
      'sibling_program',
    ])
    .where('candidate_id', '=', candidateId)
    .orderBy('version', 'desc')
    .execute();
}

/**
 * Moves the version in force from `baseVersion` to the next one, in the
 * statement itself: of two devices sending the same base, one wins and the
 * other finds no row (a 409), whatever the interleaving.
 */
export async function advanceCurrent(
  tx: Tx,
  candidateId: string,
  baseVersion: number,
  preferences: string[],
  at: Date,
  residence: EntryDeclaration | null = null,
): Promise<number | null> {
  const row = await tx
    .updateTable('admission_current')
    .set({
      version: sql`version + 1`,
      preferences,
      submitted_at: at,
      residence: residence?.residence ?? null,
      area_id: residence?.area_id ?? null,
      sibling_program: residence?.sibling_program ?? null,
      sibling_student_id: residence?.sibling_student_id ?? null,
    })
    .where('candidate_id', '=', candidateId)
    .where('version', '=', baseVersion)
    .returning('version')
    .executeTakeFirst();
  return row?.version ?? null;
}

export async function insertSubmission(
  tx: Tx,
  row: {
    candidate_id: string;
    version: number;
    campaign_id: string;
    preferences: string[];
    submitted_at: Date;
    ip: string | null;
    on_behalf_by: string | null;
    residence?: EntryResidence | null;
    area_id?: string | null;
    sibling_program?: string | null;
    sibling_student_id?: string | null;
  },
): Promise<void> {
  await tx.insertInto('admission_submission').values(row).execute();
}

/** Per program and rank: how many current applications list it there. */
export async function countsByRank(db: Q, campaignId: string) {
  const result = await sql<{ program: string; rank: number; n: string }>`
    SELECT u.program, u.rank::int AS rank, count(*) AS n
    FROM admission_current c, unnest(c.preferences) WITH ORDINALITY AS u(program, rank)
    WHERE c.campaign_id = ${campaignId}
    GROUP BY u.program, u.rank`.execute(db);
  return result.rows;
}

/**
 * Each candidate's application in force at `closes` (its last version
 * submitted before then) with a non-empty list, and the candidate's score.
 */
export async function applicationsAtClose(db: Q, campaignId: string, closesAt: Date) {
  const result = await sql<{
    id: string;
    code: string;
    score: number | null;
    preferences: string[];
  }>`
    SELECT a.id, a.code, a.score, v.preferences
    FROM admission_candidate a
    JOIN LATERAL (
      SELECT s.preferences FROM admission_submission s
      WHERE s.candidate_id = a.id AND s.submitted_at < ${closesAt}
      ORDER BY s.version DESC LIMIT 1
    ) v ON true
    WHERE a.campaign_id = ${campaignId} AND cardinality(v.preferences) > 0
      AND NOT EXISTS (SELECT 1 FROM admission_direct d WHERE d.id = a.id)`.execute(db);
  return result.rows;
}

/** The candidate's preferences in force just before `at` (empty: none or withdrawn). */
export async function preferencesBefore(db: Q, candidateId: string, at: Date): Promise<string[]> {
  const row = await db
    .selectFrom('admission_submission')
    .select('preferences')
    .where('candidate_id', '=', candidateId)
    .where('submitted_at', '<', at)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.preferences ?? [];
}

// ---- Direct admission (tuyển thẳng) and zones ----

/** The direct admission list: candidate, program, basis, the program's school. */
export async function directOf(db: Q, campaignId: string) {
  return db
    .selectFrom('admission_direct as d')
    .innerJoin('admission_candidate as a', 'a.id', 'd.id')
    .innerJoin('admission_program as p', (join) =>
      join.onRef('p.campaign_id', '=', 'd.campaign_id').onRef('p.id', '=', 'd.program'),
    )
    .select([
      'd.id as candidate_id',
      'a.code',
      'a.full_name',
      'd.program',
      'd.basis',
      'p.school_id as program_school_id',
    ])
    .where('d.campaign_id', '=', campaignId)
    .orderBy('a.code')
    .execute();
}

/** Replaces the whole list (the department sends it whole). */
export async function replaceDirect(
  tx: Tx,
  campaignId: string,
  rows: { candidate_id: string; program: string; basis: string; school_id: string }[],
): Promise<void> {
  await tx.deleteFrom('admission_direct').where('campaign_id', '=', campaignId).execute();
  for (let i = 0; i < rows.length; i += 5_000)
    await tx
      .insertInto('admission_direct')
      .values(
        rows.slice(i, i + 5_000).map(({ candidate_id, ...r }) => ({
          ...r,
          id: candidate_id,
          campaign_id: campaignId,
        })),
      )
      .execute();
}

export async function setCandidateZones(
  tx: Tx,
  campaignId: string,
  rows: { id: string; zone: string }[],
): Promise<void> {
  for (const r of rows)
    await tx
      .updateTable('admission_candidate')
      .set({ zone: r.zone })
      .where('campaign_id', '=', campaignId)
      .where('id', '=', r.id)
      .where((eb) => eb('zone', 'is', null).or('zone', '!=', r.zone))
      .execute();
}

export async function candidatesOfCampaign(db: Q, campaignId: string) {
  return db
    .selectFrom('admission_candidate')
    .select(['id', 'code', 'school_id', 'zone'])
    .where('campaign_id', '=', campaignId)
    .execute();
}

// ---- Results ----

export async function replaceResults(
  tx: Tx,
  campaignId: string,
  rows: {
    id: string;
    program: string | null;
    rank: number | null;
    school_id: string | null;
    round?: 'main' | 'direct' | 'specialised';
    response?: 'confirmed' | null;
    overflow?: boolean;
  }[],
): Promise<void> {
  await tx.deleteFrom('admission_result').where('campaign_id', '=', campaignId).execute();
  for (let i = 0; i < rows.length; i += 5_000)
    await tx
      .insertInto('admission_result')
      .values(rows.slice(i, i + 5_000).map((r) => ({ ...r, campaign_id: campaignId })))
      .execute();
}

export async function resultOf(db: Q, candidateId: string) {
  return db
    .selectFrom('admission_result as r')
    .leftJoin('admission_program as p', (join) =>
      join.onRef('p.campaign_id', '=', 'r.campaign_id').onRef('p.id', '=', 'r.program'),
    )
    .leftJoin('orgs_unit_v as u', 'u.id', 'p.school_id')
    .select([
      'r.program',
      'r.rank',
      'r.round',
      'r.response',
      'r.overflow',
      'r.documents_checked_at',
      'p.cutoff',
      'u.name as school_name',
    ])
    .where('r.id', '=', candidateId)
    .executeTakeFirst();
}

/** The tables holding an offer and its answer: the result, or the specialised stage's. */
type OfferTable = 'admission_result' | 'admission_specialised_result';

export async function setResponse(
  tx: Tx,
  candidateId: string,
  response: 'confirmed' | 'declined',
  table: OfferTable = 'admission_result',
): Promise<void> {
  await tx
    .updateTable(table)
    .set({ response, responded_at: sql`now()` })
    .where('id', '=', candidateId)
    .execute();
}

/** Admitted candidates who had not answered by the deadline lose their seat. */
export async function lapseUnconfirmed(
  tx: Tx,
  campaignId: string,
  table: OfferTable = 'admission_result',
): Promise<number> {
  const result = await tx
    .updateTable(table)
    .set({ response: 'lapsed', responded_at: sql`now()` })
    .where('campaign_id', '=', campaignId)
    .where('program', 'is not', null)
    .where('response', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function campaignsPastConfirmation(db: Q) {
  return db
    .selectFrom('admission_campaign')
    .select('id')
    .where('status', '=', 'published')
    .where('confirm_by', '<', sql<Date>`now()`)
    .execute();
}

/** Admitted lists of the programs of schools in the caller's subtree. */
export async function admittedInScope(db: Q, campaignId: string, scope: Scope) {
  return (
    db
      .selectFrom('admission_result as r')
      .innerJoin('admission_candidate as a', 'a.id', 'r.id')
      .innerJoin('orgs_unit_v as u', 'u.id', 'r.school_id')
      .leftJoin('admission_current as c', 'c.candidate_id', 'r.id')
      // Entry grades: a declared sibling is named only to the school where it studies.
      .leftJoin('registry_student_v as sib', (join) =>
        join
          .onRef('sib.student_id', '=', 'c.sibling_student_id')
          .onRef('c.sibling_program', '=', 'r.program'),
      )
      .select([
        'a.code',
        'a.full_name',
        'r.program',
        'r.rank',
        'r.round',
        'r.response',
        'r.documents_checked_at',
        'sib.full_name as sibling_name',
        'sib.student_code as sibling_code',
      ])
      .where('r.campaign_id', '=', campaignId)
      .where('r.program', 'is not', null)
      .where(scope.pathCondition('u.path'))
      .orderBy('r.program')
      .orderBy('a.code')
      .execute()
  );
}

/** Everything top-up needs: every result (direct admissions too) and the application at close. */
export async function resultsWithApplications(db: Q, campaignId: string, closesAt: Date) {
  const result = await sql<{
    id: string;
    code: string;
    score: number | null;
    program: string | null;
    response: string | null;
    preferences: string[];
  }>`
    SELECT a.id, a.code, a.score, r.program, r.response,
      COALESCE(v.preferences, '{}') AS preferences
    FROM admission_candidate a
    JOIN admission_result r ON r.id = a.id
    -- LEFT: a direct admission may have no application, and its seat still counts.
    LEFT JOIN LATERAL (
      SELECT s.preferences FROM admission_submission s
      WHERE s.candidate_id = a.id AND s.submitted_at < ${closesAt}
      ORDER BY s.version DESC LIMIT 1
    ) v ON true
    WHERE a.campaign_id = ${campaignId}`.execute(db);
  return result.rows;
}

export async function offerTopUp(
  tx: Tx,
  rows: { id: string; program: string; rank: number; school_id: string }[],
): Promise<void> {
  for (const r of rows)
    await tx
      .updateTable('admission_result')
      .set({
        program: r.program,
        rank: r.rank,
        school_id: r.school_id,
        round: 'top_up',
        response: null,
        responded_at: null,
      })
      .where('id', '=', r.id)
      .execute();
}

// ---- Hand-over to the registry ----

/** Confirmed candidates with where they go: their registry record, or a free candidate's data. */
export async function confirmedCandidates(db: Q, campaignId: string) {
  return db
    .selectFrom('admission_result as r')
    .innerJoin('admission_candidate as a', 'a.id', 'r.id')
    .innerJoin('orgs_unit_v as u', 'u.id', 'r.school_id')
    .select([
      'a.id',
      'a.code',
      'a.full_name',
      'a.birth_date',
      'a.gender',
      'a.student_id',
      'a.personal_id',
      'r.school_id',
      'r.handed_over_at',
      'r.documents_checked_at',
      'u.code as school_code',
      'u.name as school_name',
    ])
    .where('r.campaign_id', '=', campaignId)
    .where('r.program', 'is not', null)
    .where('r.response', '=', 'confirmed')
    .orderBy('a.code')
    .execute();
}

/** Marks the results handed over (those not yet marked): audited with who ran it. */
export async function markHandedOver(tx: Tx, campaignId: string, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 5_000)
    await tx
      .updateTable('admission_result')
      .set({ handed_over_at: sql`now()` })
      .where('campaign_id', '=', campaignId)
      .where('id', 'in', ids.slice(i, i + 5_000))
      .where('handed_over_at', 'is', null)
      .execute();
}

export async function schoolName(db: Q, unitId: string): Promise<string | null> {
  const row = await db
    .selectFrom('orgs_unit_v')
    .select('name')
    .where('id', '=', unitId)
    .executeTakeFirst();
  return row?.name ?? null;
}

export async function schoolPath(db: Q, unitId: string): Promise<string | null> {
  const row = await db
    .selectFrom('orgs_unit_v')
    .select('path')
    .where('id', '=', unitId)
    .executeTakeFirst();
  return row?.path ?? null;
}

export async function rootUnit(db: Q) {
  return db
    .selectFrom('orgs_unit_v')
    .select(['id', 'path'])
    .where('parent_id', 'is', null)
    .orderBy('code')
    .executeTakeFirst();
}

/** Schools of a subtree teaching `level`, by code (the demo seed picks from them). */
export async function schoolsWithLevel(
  db: Q,
  rootPath: string,
  level: 'upper_secondary' | 'lower_secondary' | 'primary' | 'preschool',
) {
  return db
    .selectFrom('orgs_unit_v')
    .select(['id', 'code', 'path', 'latitude', 'longitude'])
    .where('path', 'like', `${rootPath}%`)
    .where(sql<boolean>`${level} = ANY(levels)`)
    .where('active', '=', true)
    .orderBy('code')
    .execute();
}

// ---- Priority claims ----

export async function upsertClaim(
  tx: Tx,
  row: {
    id: string;
    campaign_id: string;
    school_id: string;
    priority_group: 'none' | 'group1' | 'group2' | 'group3';
    prize: 'none' | 'first' | 'second' | 'third';
    file_sha256: string;
    file_name: string;
    file_size: number;
    file_type: string | null;
  },
): Promise<void> {
  await tx
    .insertInto('admission_priority_claim')
    .values(row)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        priority_group: row.priority_group,
        prize: row.prize,
        file_sha256: row.file_sha256,
        file_name: row.file_name,
        file_size: row.file_size,
        file_type: row.file_type,
        status: 'pending',
        note: null,
        checked_by: null,
        checked_at: null,
        created_at: sql`now()`,
      }),
    )
    .execute();
}

const claimColumns = [
  'a.code',
  'a.full_name',
  'c.id',
  'c.priority_group',
  'c.prize',
  'c.file_sha256',
  'c.file_name',
  'c.file_size',
  'c.file_type',
  'c.status',
  'c.note',
  'c.checked_by',
  'c.checked_at',
  'c.created_at',
  'u.id as school_id',
  'u.code as school_code',
  'u.name as school_name',
  'u.path as school_path',
] as const;

/** Claims of the candidates of the caller's schools. */
export async function claimsInScope(db: Q, campaignId: string, scope: Scope) {
  return db
    .selectFrom('admission_priority_claim as c')
    .innerJoin('admission_candidate as a', 'a.id', 'c.id')
    .innerJoin('orgs_unit_v as u', 'u.id', 'c.school_id')
    .select(claimColumns)
    .where('c.campaign_id', '=', campaignId)
    .where(scope.pathCondition('u.path'))
    .orderBy('a.code')
    .limit(5_000)
    .execute();
}

export async function claimByCode(db: Q, campaignId: string, code: string) {
  return db
    .selectFrom('admission_priority_claim as c')
    .innerJoin('admission_candidate as a', 'a.id', 'c.id')
    .innerJoin('orgs_unit_v as u', 'u.id', 'c.school_id')
    .select(claimColumns)
    .where('c.campaign_id', '=', campaignId)
    .where('a.code', '=', code)
    .executeTakeFirst();
}

export async function claimOf(db: Q, candidateId: string) {
  return db
    .selectFrom('admission_priority_claim as c')
    .innerJoin('admission_candidate as a', 'a.id', 'c.id')
    .innerJoin('orgs_unit_v as u', 'u.id', 'c.school_id')
    .select(claimColumns)
    .where('c.id', '=', candidateId)
    .executeTakeFirst();
}

export async function setClaimCheck(
  tx: Tx,
  candidateId: string,
  check: { status: 'accepted' | 'refused'; note: string | null; checked_by: string },
): Promise<void> {
  await tx
    .updateTable('admission_priority_claim')
    .set({ ...check, checked_at: sql`now()` })
    .where('id', '=', candidateId)
    .execute();
}

// ---- The specialised stage (migration 2026120590) ----

/** Scores for one program where they differ from the general score: `${candidateId} ${program}` → hundredths. */
export async function programScores(db: Q, campaignId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('admission_program_score')
    .select(['id', 'program', 'score'])
    .where('campaign_id', '=', campaignId)
    .execute();
  return new Map(rows.map((r) => [`${r.id} ${r.program}`, r.score]));
}

export async function setProgramScores(
  tx: Tx,
  campaignId: string,
  rows: { id: string; program: string; score: number; school_id: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 5_000)
    await tx
      .insertInto('admission_program_score')
      .values(rows.slice(i, i + 5_000).map((r) => ({ ...r, campaign_id: campaignId })))
      .onConflict((oc) =>
        oc
          .columns(['id', 'program'])
          .doUpdateSet((eb) => ({ score: eb.ref('excluded.score') }))
          .where('admission_program_score.score', '!=', (eb) => eb.ref('excluded.score')),
      )
      .execute();
}

export async function replaceSpecialisedResults(
  tx: Tx,
  campaignId: string,
  rows: { id: string; program: string | null; rank: number | null; school_id: string | null }[],
): Promise<void> {
  await tx
    .deleteFrom('admission_specialised_result')
    .where('campaign_id', '=', campaignId)
    .execute();
  for (let i = 0; i < rows.length; i += 5_000)
    await tx
      .insertInto('admission_specialised_result')
      .values(rows.slice(i, i + 5_000).map((r) => ({ ...r, campaign_id: campaignId })))
      .execute();
}

export async function specialisedResultOf(db: Q, candidateId: string) {
  return db
    .selectFrom('admission_specialised_result as r')
    .leftJoin('admission_program as p', (join) =>
      join.onRef('p.campaign_id', '=', 'r.campaign_id').onRef('p.id', '=', 'r.program'),
    )
    .leftJoin('orgs_unit_v as u', 'u.id', 'p.school_id')
    .select(['r.program', 'r.rank', 'r.response', 'p.cutoff', 'p.track', 'u.name as school_name'])
    .where('r.id', '=', candidateId)
    .executeTakeFirst();
}

/** Candidates who took their specialised seat: they leave the regular stage. */
export async function confirmedSpecialised(db: Q, campaignId: string) {
  return db
    .selectFrom('admission_specialised_result')
    .select(['id', 'program', 'rank', 'school_id'])
    .where('campaign_id', '=', campaignId)
    .where('response', '=', 'confirmed')
    .execute();
}

export async function setSpecialisedStatus(
  tx: Tx,
  campaignId: string,
  set: {
    specialised_status: 'allocated' | 'published';
    specialised_allocated_at?: Date;
    specialised_confirm_by?: Date;
  },
): Promise<void> {
  await tx
    .updateTable('admission_campaign')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', campaignId)
    .execute();
}

/** The public lookup in one query: the candidate by code, with their result and its school. */
export async function lookupRow(db: Q, campaignId: string, code: string) {
  return db
    .selectFrom('admission_candidate as a')
    .leftJoin('admission_result as r', 'r.id', 'a.id')
    .leftJoin('admission_program as p', (join) =>
      join.onRef('p.campaign_id', '=', 'r.campaign_id').onRef('p.id', '=', 'r.program'),
    )
    .leftJoin('orgs_unit_v as u', 'u.id', 'p.school_id')
    .select(['a.birth_date', 'a.score', 'r.program', 'u.name as school_name'])
    .where('a.campaign_id', '=', campaignId)
    .where('a.code', '=', code)
    .executeTakeFirst();
}
