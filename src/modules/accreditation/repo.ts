/**
 * Every query of the accreditation module: its own accreditation_* tables,
 * and other modules' data only through the views they publish (orgs_unit_v,
 * registry_*_v: docs/ARCHITECTURE.md).
 */
import { sql, type Insertable } from 'kysely';
import type { Tx } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type {
  AccreditationCampaignTable,
  AccreditationEvidenceTable,
  AccreditationMemberTable,
  AccreditationPlanTaskTable,
  AccreditationStatus,
  SchoolLevel,
} from '../../db/schema.ts';

type Q = Db | Tx;

const campaignColumns = [
  'c.id',
  'c.name',
  'c.set_id',
  'c.school_year',
  'c.evidence_format',
  'c.created_at',
  'c.unit_id',
  'u.code as unit_code',
  'u.name as unit_name',
  'u.path as unit_path',
] as const;

export type CampaignRow = Awaited<ReturnType<typeof campaignById>> & {};

export function campaignById(db: Q, campaignId: string) {
  return db
    .selectFrom('accreditation_campaign as c')
    .innerJoin('orgs_unit_v as u', 'u.id', 'c.unit_id')
    .select(campaignColumns)
    .where('c.id', '=', campaignId)
    .executeTakeFirst();
}

/** Campaigns covering the caller's unit (opened above it) or opened inside its subtree. */
export function campaignsFor(db: Q, orgPath: string) {
  return db
    .selectFrom('accreditation_campaign as c')
    .innerJoin('orgs_unit_v as u', 'u.id', 'c.unit_id')
    .select(campaignColumns)
    .where((eb) =>
      eb.or([
        eb(sql.val(orgPath), 'like', sql<string>`u.path || '%'`),
        eb('u.path', 'like', `${orgPath}%`),
      ]),
    )
    .orderBy('c.created_at', 'desc')
    .execute();
}

export async function insertCampaign(db: Q, row: Insertable<AccreditationCampaignTable>) {
  await db.insertInto('accreditation_campaign').values(row).execute();
}

export function unitById(db: Q, unitId: string) {
  return db.selectFrom('orgs_unit_v').selectAll().where('id', '=', unitId).executeTakeFirst();
}

/**
 * The schools a campaign covers inside `scopePath` (of the set's levels),
 * each with its cycle's status; the counts by status over the whole list.
 */
export async function progressRows(
  db: Q,
  input: {
    campaignId: string;
    campaignPath: string;
    scopePath: string;
    levels: readonly SchoolLevel[];
    status?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  const base = db
    .selectFrom('orgs_unit_v as s')
    .leftJoin('accreditation_cycle as y', (j) =>
      j.onRef('y.school_id', '=', 's.id').on('y.campaign_id', '=', input.campaignId),
    )
    .where('s.kind', '=', 'school')
    .where('s.active', '=', true)
    .where('s.path', 'like', `${input.campaignPath}%`)
    .where('s.path', 'like', `${input.scopePath}%`)
    .where(sql<boolean>`s.levels && ${sql.val(input.levels)}::text[]`);
  const statusExpr = sql<string>`coalesce(y.status, 'not_started')`;
  const counts = await base
    .select([statusExpr.as('status'), (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy(statusExpr)
    .execute();
  let list = base.select([
    's.id',
    's.code',
    's.name',
    'y.id as cycle_id',
    'y.submitted_at',
    statusExpr.as('status'),
  ]);
  if (input.status) list = list.where(statusExpr, '=', input.status);
  const rows = await list.orderBy('s.code').limit(input.limit).offset(input.offset).execute();
  return { counts, rows };
}

export function cycleById(db: Q, cycleId: string) {
  return db
    .selectFrom('accreditation_cycle as y')
    .innerJoin('orgs_unit_v as s', 's.id', 'y.school_id')
    .select([
      'y.id',
      'y.campaign_id',
      'y.school_id',
      'y.status',
      'y.version',
      'y.submitted_at',
      'y.frozen_data',
      's.code as school_code',
      's.name as school_name',
      's.path as school_path',
    ])
    .where('y.id', '=', cycleId)
    .executeTakeFirst();
}
export type CycleRow = NonNullable<Awaited<ReturnType<typeof cycleById>>>;

export function lockCycle(tx: Tx, cycleId: string) {
  return tx
    .selectFrom('accreditation_cycle')
    .select(['id', 'status', 'version', 'school_id', 'campaign_id'])
    .where('id', '=', cycleId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertCycleIfAbsent(
  db: Q,
  row: { id: string; campaign_id: string; school_id: string },
): Promise<string> {
  await db
    .insertInto('accreditation_cycle')
    .values(row)
    .onConflict((oc) => oc.columns(['campaign_id', 'school_id']).doNothing())
    .execute();
  const found = await db
    .selectFrom('accreditation_cycle')
    .select('id')
    .where('campaign_id', '=', row.campaign_id)
    .where('school_id', '=', row.school_id)
    .executeTakeFirstOrThrow();
  return found.id;
}

export async function setCycleStatus(
  tx: Tx,
  cycleId: string,
  status: AccreditationStatus,
  extra: { submitted_at?: Date; reviewed_at?: Date; frozen_data?: string | null } = {},
) {
  await tx
    .updateTable('accreditation_cycle')
    .set({ status, ...extra, version: sql<number>`version + 1` })
    .where('id', '=', cycleId)
    .execute();
}

/** Any change to a cycle's content moves its version (a stale review is refused). */
export async function bumpCycle(tx: Tx, cycleId: string) {
  await tx
    .updateTable('accreditation_cycle')
    .set({ version: sql<number>`version + 1` })
    .where('id', '=', cycleId)
    .execute();
}

export function members(db: Q, cycleId: string) {
  return db
    .selectFrom('accreditation_member')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertMember(tx: Tx, row: Insertable<AccreditationMemberTable>) {
  await tx.insertInto('accreditation_member').values(row).execute();
}

/** The plan's tasks, by start date then due date. */
export function planTasks(db: Q, cycleId: string) {
  return db
    .selectFrom('accreditation_plan_task')
    .select([
      'id',
      'step',
      'criterion_code',
      'title',
      'member_id',
      'starts_on',
      'due_on',
      'done_at',
      'done_by',
    ])
    .where('cycle_id', '=', cycleId)
    .orderBy('starts_on')
    .orderBy('due_on')
    .orderBy('id')
    .execute();
}

export async function insertPlanTask(tx: Tx, row: Insertable<AccreditationPlanTaskTable>) {
  await tx.insertInto('accreditation_plan_task').values(row).execute();
}

/** Marks a task of the cycle done (or not); the number of rows changed (0: no such task). */
export async function setPlanTaskDone(
  tx: Tx,
  cycleId: string,
  taskId: string,
  done: { at: Date; by: string } | null,
): Promise<number> {
  const r = await tx
    .updateTable('accreditation_plan_task')
    .set({ done_at: done?.at ?? null, done_by: done?.by ?? null })
    .where('cycle_id', '=', cycleId)
    .where('id', '=', taskId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function deletePlanTask(tx: Tx, cycleId: string, taskId: string): Promise<number> {
  const r = await tx
    .deleteFrom('accreditation_plan_task')
    .where('cycle_id', '=', cycleId)
    .where('id', '=', taskId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export function ratings(db: Q, cycleId: string) {
  return db
    .selectFrom('accreditation_rating')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .execute();
}

export function citations(db: Q, cycleId: string) {
  return db
    .selectFrom('accreditation_citation as c')
    .innerJoin('accreditation_evidence as e', 'e.id', 'c.evidence_id')
    .select(['c.requirement_code', 'e.id', 'e.code'])
    .where('c.cycle_id', '=', cycleId)
    .orderBy('e.code')
    .execute();
}

export async function saveRating(
  tx: Tx,
  row: {
    cycle_id: string;
    requirement_code: string;
    met: boolean;
    justification: string;
    updated_by: string;
  },
  evidenceIds: string[],
) {
  await tx
    .insertInto('accreditation_rating')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['cycle_id', 'requirement_code']).doUpdateSet({
        met: row.met,
        justification: row.justification,
        updated_by: row.updated_by,
        updated_at: sql`now()`,
      }),
    )
    .execute();
  await tx
    .deleteFrom('accreditation_citation')
    .where('cycle_id', '=', row.cycle_id)
    .where('requirement_code', '=', row.requirement_code)
    .execute();
  if (evidenceIds.length)
    await tx
      .insertInto('accreditation_citation')
      .values(
        evidenceIds.map((evidence_id) => ({
          cycle_id: row.cycle_id,
          requirement_code: row.requirement_code,
          evidence_id,
        })),
      )
      .execute();
}

export function evidence(db: Q, cycleId: string) {
  return db
    .selectFrom('accreditation_evidence')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .orderBy('box')
    .orderBy('code')
    .execute();
}

export function evidenceById(db: Q, cycleId: string, evidenceId: string) {
  return db
    .selectFrom('accreditation_evidence')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .where('id', '=', evidenceId)
    .executeTakeFirst();
}

export function evidenceByCodes(db: Q, cycleId: string, codes: string[]) {
  if (!codes.length) return Promise.resolve([]);
  return db
    .selectFrom('accreditation_evidence')
    .select(['id', 'code'])
    .where('cycle_id', '=', cycleId)
    .where('code', 'in', codes)
    .execute();
}

/** The next evidence number of a criterion in a box (under the cycle's lock). */
export async function nextEvidenceNumber(
  tx: Tx,
  cycleId: string,
  criterionCode: string,
  box: number,
) {
  const row = await tx
    .selectFrom('accreditation_evidence')
    .select((eb) => eb.fn.max('number').as('last'))
    .where('cycle_id', '=', cycleId)
    .where('criterion_code', '=', criterionCode)
    .where('box', '=', box)
    .executeTakeFirst();
  return (row?.last ?? 0) + 1;
}

/**
 * The bytes a school's evidence files take in the store: each distinct file
 * (by SHA-256) once, over all its cycles; and whether `sha256` is one of them.
 */
export async function schoolEvidenceUsage(db: Q, schoolId: string, sha256: string) {
  const row = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('accreditation_evidence as e')
        .innerJoin('accreditation_cycle as y', 'y.id', 'e.cycle_id')
        .select(['e.sha256', (x) => x.fn.max('e.size').as('size')])
        .where('y.school_id', '=', schoolId)
        .where('e.kind', '=', 'file')
        .groupBy('e.sha256')
        .as('f'),
    )
    .select([
      (eb) => eb.fn.coalesce(eb.fn.sum<string>('f.size'), sql<string>`0`).as('bytes'),
      (eb) => eb.fn.countAll<string>().filterWhere('f.sha256', '=', sha256).as('held'),
    ])
    .executeTakeFirstOrThrow();
  return { bytes: Number(row.bytes), held: Number(row.held) > 0 };
}

export async function insertEvidence(tx: Tx, row: Insertable<AccreditationEvidenceTable>) {
  await tx.insertInto('accreditation_evidence').values(row).execute();
}

export function criterionTexts(db: Q, cycleId: string) {
  return db
    .selectFrom('accreditation_criterion_text')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .execute();
}

export function lockCriterionText(tx: Tx, cycleId: string, criterionCode: string) {
  return tx
    .selectFrom('accreditation_criterion_text')
    .select(['version', 'updated_by', 'updated_at'])
    .where('cycle_id', '=', cycleId)
    .where('criterion_code', '=', criterionCode)
    .forUpdate()
    .executeTakeFirst();
}

export async function saveCriterionText(
  tx: Tx,
  row: {
    cycle_id: string;
    criterion_code: string;
    description: string;
    strengths: string;
    weaknesses: string;
    improvement_plan: string;
    updated_by: string;
  },
) {
  const { cycle_id, criterion_code, ...fields } = row;
  await tx
    .insertInto('accreditation_criterion_text')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['cycle_id', 'criterion_code']).doUpdateSet({
        ...fields,
        version: sql<number>`accreditation_criterion_text.version + 1`,
        updated_at: sql`now()`,
      }),
    )
    .execute();
  void cycle_id;
  void criterion_code;
}

/** Each save of a criterion's text is kept (the version it became). */
export async function insertTextVersion(
  tx: Tx,
  row: {
    cycle_id: string;
    criterion_code: string;
    version: number;
    description: string;
    strengths: string;
    weaknesses: string;
    improvement_plan: string;
    saved_by: string;
  },
) {
  await tx.insertInto('accreditation_text_version').values(row).execute();
}

/** A criterion's text versions, newest first. */
export function textVersions(db: Q, cycleId: string, criterionCode: string) {
  return db
    .selectFrom('accreditation_text_version')
    .select([
      'version',
      'description',
      'strengths',
      'weaknesses',
      'improvement_plan',
      'saved_by',
      'saved_at',
    ])
    .where('cycle_id', '=', cycleId)
    .where('criterion_code', '=', criterionCode)
    .orderBy('version', 'desc')
    .execute();
}

const commentColumns = [
  'id',
  'criterion_code',
  'parent_id',
  'body',
  'text_version',
  'author',
  'created_at',
  'resolved_at',
  'resolved_by',
] as const;

export function comments(db: Q, cycleId: string) {
  return db
    .selectFrom('accreditation_comment')
    .select(commentColumns)
    .where('cycle_id', '=', cycleId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function commentById(db: Q, cycleId: string, commentId: string) {
  return db
    .selectFrom('accreditation_comment')
    .select(commentColumns)
    .where('cycle_id', '=', cycleId)
    .where('id', '=', commentId)
    .executeTakeFirst();
}

export async function insertComment(
  tx: Tx,
  row: {
    id: string;
    cycle_id: string;
    criterion_code: string;
    parent_id: string | null;
    body: string;
    text_version: number;
    author: string;
  },
) {
  await tx.insertInto('accreditation_comment').values(row).execute();
}

/** Resolves (or reopens) a thread, named by its first comment. */
export async function setThreadResolved(
  tx: Tx,
  cycleId: string,
  threadId: string,
  resolved: { at: Date; by: string } | null,
) {
  await tx
    .updateTable('accreditation_comment')
    .set({ resolved_at: resolved?.at ?? null, resolved_by: resolved?.by ?? null })
    .where('cycle_id', '=', cycleId)
    .where('id', '=', threadId)
    .where('parent_id', 'is', null)
    .execute();
}

export function analyses(db: Q, cycleId: string) {
  return db
    .selectFrom('accreditation_analysis')
    .select([
      'requirement_code',
      'meaning',
      'questions',
      'evidence_needed',
      'sources',
      'version',
      'collector_member_id',
      'updated_by',
      'updated_at',
    ])
    .where('cycle_id', '=', cycleId)
    .execute();
}

/** The evidence each analysis row links (migration 2026120930), by code. */
export function analysisEvidence(db: Q, cycleId: string) {
  return db
    .selectFrom('accreditation_analysis_evidence as l')
    .innerJoin('accreditation_evidence as e', 'e.id', 'l.evidence_id')
    .select(['l.requirement_code', 'e.id', 'e.code'])
    .where('l.cycle_id', '=', cycleId)
    .orderBy('e.code')
    .execute();
}

/** Which of these ids are evidence of the cycle. */
export function evidenceIdsOf(db: Q, cycleId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('accreditation_evidence')
    .select(['id', 'code'])
    .where('cycle_id', '=', cycleId)
    .where('id', 'in', ids)
    .execute();
}

export function memberOf(db: Q, cycleId: string, memberId: string) {
  return db
    .selectFrom('accreditation_member')
    .select(['id', 'full_name'])
    .where('cycle_id', '=', cycleId)
    .where('id', '=', memberId)
    .executeTakeFirst();
}

export function lockAnalysis(tx: Tx, cycleId: string, requirementCode: string) {
  return tx
    .selectFrom('accreditation_analysis')
    .select(['version', 'updated_by'])
    .where('cycle_id', '=', cycleId)
    .where('requirement_code', '=', requirementCode)
    .forUpdate()
    .executeTakeFirst();
}

export async function saveAnalysis(
  tx: Tx,
  row: {
    cycle_id: string;
    requirement_code: string;
    meaning: string;
    questions: string;
    evidence_needed: string;
    sources: string;
    collector_member_id: string | null;
    updated_by: string;
  },
  evidenceIds: string[],
) {
  await tx
    .insertInto('accreditation_analysis')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['cycle_id', 'requirement_code']).doUpdateSet({
        meaning: row.meaning,
        questions: row.questions,
        evidence_needed: row.evidence_needed,
        sources: row.sources,
        collector_member_id: row.collector_member_id,
        updated_by: row.updated_by,
        version: sql<number>`accreditation_analysis.version + 1`,
        updated_at: sql`now()`,
      }),
    )
    .execute();
  await tx
    .deleteFrom('accreditation_analysis_evidence')
    .where('cycle_id', '=', row.cycle_id)
    .where('requirement_code', '=', row.requirement_code)
    .execute();
  if (evidenceIds.length)
    await tx
      .insertInto('accreditation_analysis_evidence')
      .values(
        evidenceIds.map((evidence_id) => ({
          cycle_id: row.cycle_id,
          requirement_code: row.requirement_code,
          evidence_id,
        })),
      )
      .execute();
}

/** The cycle's active publication (withdrawn ones are kept, not shown). */
export function activePublication(db: Q, cycleId: string) {
  return db
    .selectFrom('accreditation_publication')
    .select(['id', 'note', 'summary', 'published_by', 'published_at', 'cycle_version'])
    .where('cycle_id', '=', cycleId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
}

export async function withdrawPublications(tx: Tx, cycleId: string, by: string) {
  const r = await tx
    .updateTable('accreditation_publication')
    .set({ withdrawn_at: sql`now()`, withdrawn_by: by })
    .where('cycle_id', '=', cycleId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function insertPublication(
  tx: Tx,
  row: {
    id: string;
    cycle_id: string;
    school_id: string;
    cycle_version: number;
    note: string;
    summary: string;
    published_by: string;
  },
) {
  await tx.insertInto('accreditation_publication').values(row).execute();
}

/** The active publications of an active school (by its code), newest first, with any recognition. */
export function publishedResults(db: Q, schoolCode: string) {
  return db
    .selectFrom('accreditation_publication as p')
    .innerJoin('orgs_unit_v as s', 's.id', 'p.school_id')
    .leftJoin('accreditation_recognition as r', 'r.cycle_id', 'p.cycle_id')
    .select([
      's.code',
      's.name',
      'p.summary',
      'p.note',
      'p.published_at',
      'r.accreditation_level',
      'r.national_standard_level',
      'r.decision',
      'r.decided_on',
      'r.valid_until',
    ])
    .where('s.code', '=', schoolCode)
    .where('s.kind', '=', 'school')
    .where('p.withdrawn_at', 'is', null)
    .orderBy('p.published_at', 'desc')
    .limit(50)
    .execute();
}

export function events(db: Q, cycleId: string) {
  return db
    .selectFrom('accreditation_event')
    .select(['kind', 'comment', 'actor', 'at'])
    .where('cycle_id', '=', cycleId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function insertEvent(
  tx: Tx,
  row: {
    id: string;
    cycle_id: string;
    kind: 'submitted' | 'returned' | 'accepted' | 'recognised';
    comment: string | null;
    actor: string;
  },
) {
  await tx.insertInto('accreditation_event').values(row).execute();
}

export async function insertRecognition(
  tx: Tx,
  row: {
    id: string;
    cycle_id: string;
    school_id: string;
    accreditation_level: number;
    national_standard_level: number;
    decision: string;
    decided_on: string;
    valid_until: string;
    created_by: string;
  },
) {
  await tx.insertInto('accreditation_recognition').values(row).execute();
}

export function recognitionOf(db: Q, cycleId: string) {
  return db
    .selectFrom('accreditation_recognition')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .executeTakeFirst();
}

/** sogd's figures for a school and school years, from the registry's published views. */
export async function schoolFigures(db: Q, schoolId: string, years: string[]) {
  const [profiles, classes, staff, facilities] = await Promise.all([
    db
      .selectFrom('registry_school_year_v')
      .selectAll()
      .where('school_id', '=', schoolId)
      .where('school_year', 'in', years)
      .execute(),
    db
      .selectFrom('registry_class_v')
      .select([
        'school_year',
        'grade',
        (eb) => eb.fn.countAll<string>().as('classes'),
        (eb) => eb.fn.sum<string>('students').as('students'),
      ])
      .where('school_id', '=', schoolId)
      .where('school_year', 'in', years)
      .groupBy(['school_year', 'grade'])
      .orderBy('school_year')
      .orderBy('grade')
      .execute(),
    db
      .selectFrom('registry_staff_v')
      .select(['position', (eb) => eb.fn.countAll<string>().as('count')])
      .where('school_id', '=', schoolId)
      .where('active', '=', true)
      .groupBy('position')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('registry_facility_v')
      .select(['school_year', 'room_type', 'condition', 'room_count'])
      .where('school_id', '=', schoolId)
      .where('school_year', 'in', years)
      .orderBy('school_year')
      .orderBy('room_type')
      .execute(),
  ]);
  // Counts as numbers whichever driver answers (pg gives bigint sums as text).
  return {
    profiles,
    classes: classes.map((c) => ({
      ...c,
      classes: Number(c.classes),
      students: Number(c.students ?? 0),
    })),
    staff: staff.map((s) => ({ ...s, count: Number(s.count) })),
    facilities,
  };
}

/** This cycle's files also uploaded by another school (by SHA-256). */
export function identicalFiles(db: Q, cycleId: string, schoolId: string) {
  return db
    .selectFrom('accreditation_evidence as e')
    .innerJoin('accreditation_evidence as o', 'o.sha256', 'e.sha256')
    .innerJoin('accreditation_cycle as oy', 'oy.id', 'o.cycle_id')
    .innerJoin('orgs_unit_v as s', 's.id', 'oy.school_id')
    .select([
      'e.code',
      'e.title',
      'o.code as other_code',
      's.id as school_id',
      's.code as school_code',
      's.name as school_name',
    ])
    .where('e.cycle_id', '=', cycleId)
    .where('e.kind', '=', 'file')
    .where('oy.school_id', '<>', schoolId)
    .orderBy('e.code')
    .orderBy('s.code')
    .execute();
}

/** The report texts of the other schools' cycles in the same campaign. */
export function otherTexts(db: Q, campaignId: string, schoolId: string) {
  return db
    .selectFrom('accreditation_criterion_text as t')
    .innerJoin('accreditation_cycle as y', 'y.id', 't.cycle_id')
    .innerJoin('orgs_unit_v as s', 's.id', 'y.school_id')
    .select([
      't.criterion_code',
      't.description',
      't.strengths',
      't.weaknesses',
      't.improvement_plan',
      's.id as school_id',
      's.code as school_code',
      's.name as school_name',
    ])
    .where('y.campaign_id', '=', campaignId)
    .where('y.school_id', '<>', schoolId)
    .execute();
}

/** The first active school (by code) under `path` teaching one of `levels` (the demo's). */
export function firstSchool(db: Q, path: string, levels: readonly SchoolLevel[]) {
  return db
    .selectFrom('orgs_unit_v')
    .select(['id', 'path'])
    .where('kind', '=', 'school')
    .where('active', '=', true)
    .where('path', 'like', `${path}%`)
    .where(sql<boolean>`levels && ${sql.val(levels)}::text[]`)
    .orderBy('code')
    .limit(1)
    .executeTakeFirst();
}

/** Recognitions of schools under `path` whose validity ends between `from` and `to` (ISO dates). */
export function recognitionsExpiring(db: Q, path: string, from: string, to: string) {
  return db
    .selectFrom('accreditation_recognition as r')
    .innerJoin('orgs_unit_v as s', 's.id', 'r.school_id')
    .select([
      'r.cycle_id',
      'r.school_id',
      's.code',
      's.name',
      'r.accreditation_level',
      'r.national_standard_level',
      'r.decision',
      'r.decided_on',
      'r.valid_until',
    ])
    .where('s.path', 'like', `${path}%`)
    .where('r.valid_until', '>=', from)
    .where('r.valid_until', '<=', to)
    .orderBy('r.valid_until')
    .orderBy('s.code')
    .execute();
}

export function externalRatings(db: Q, cycleId: string) {
  return db
    .selectFrom('accreditation_external_rating')
    .select(['criterion_code', 'level', 'comment', 'rated_by'])
    .where('cycle_id', '=', cycleId)
    .execute();
}

export async function saveExternalRating(
  tx: Tx,
  row: {
    cycle_id: string;
    criterion_code: string;
    level: number;
    comment: string;
    rated_by: string;
  },
) {
  await tx
    .insertInto('accreditation_external_rating')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['cycle_id', 'criterion_code']).doUpdateSet({
        level: row.level,
        comment: row.comment,
        rated_by: row.rated_by,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

/** The department's Mức 4 list of a set (migration 2026120931), with its criteria in order. */
export async function levelFourList(db: Q, setId: string) {
  const list = await db
    .selectFrom('accreditation_level4_list')
    .selectAll()
    .where('set_id', '=', setId)
    .executeTakeFirst();
  if (!list) return null;
  const criteria = await db
    .selectFrom('accreditation_level4_criterion')
    .select(['code', 'text'])
    .where('set_id', '=', setId)
    .orderBy('position')
    .execute();
  return { ...list, criteria };
}

export function lockLevelFourList(tx: Tx, setId: string) {
  return tx
    .selectFrom('accreditation_level4_list')
    .select(['version', 'updated_by'])
    .where('set_id', '=', setId)
    .forUpdate()
    .executeTakeFirst();
}

/** Replaces the whole list (an import), bumping its version. */
export async function replaceLevelFourList(
  tx: Tx,
  row: { set_id: string; source: string; updated_by: string },
  criteria: { code: string; text: string }[],
) {
  await tx
    .insertInto('accreditation_level4_list')
    .values(row)
    .onConflict((oc) =>
      oc.column('set_id').doUpdateSet({
        source: row.source,
        updated_by: row.updated_by,
        version: sql<number>`accreditation_level4_list.version + 1`,
        updated_at: sql`now()`,
      }),
    )
    .execute();
  await tx.deleteFrom('accreditation_level4_criterion').where('set_id', '=', row.set_id).execute();
  await tx
    .insertInto('accreditation_level4_criterion')
    .values(criteria.map((c, position) => ({ set_id: row.set_id, position, ...c })))
    .execute();
  // The version just written, kept in the history (migration 2026121040).
  await tx
    .insertInto('accreditation_level4_version')
    .columns(['set_id', 'version', 'source', 'saved_by', 'saved_at', 'criteria'])
    .expression((eb) =>
      eb
        .selectFrom('accreditation_level4_list')
        .select([
          'set_id',
          'version',
          'source',
          'updated_by',
          'updated_at',
          sql<string>`${JSON.stringify(criteria)}::jsonb`.as('criteria'),
        ])
        .where('set_id', '=', row.set_id),
    )
    .execute();
}

/** Every saved version of a set's Mức 4 list, newest first. */
export function levelFourVersions(db: Q, setId: string) {
  return db
    .selectFrom('accreditation_level4_version')
    .select(['version', 'source', 'saved_by', 'saved_at', 'criteria'])
    .where('set_id', '=', setId)
    .orderBy('version', 'desc')
    .execute();
}

export function externalLevelFour(db: Q, cycleId: string) {
  return db
    .selectFrom('accreditation_external_level4')
    .select(['code', 'met', 'comment', 'rated_by'])
    .where('cycle_id', '=', cycleId)
    .execute();
}

export async function saveExternalLevelFour(
  tx: Tx,
  row: { cycle_id: string; code: string; met: boolean; comment: string; rated_by: string },
) {
  await tx
    .insertInto('accreditation_external_level4')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['cycle_id', 'code']).doUpdateSet({
        met: row.met,
        comment: row.comment,
        rated_by: row.rated_by,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}
