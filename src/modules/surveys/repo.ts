/** Every query of the parent surveys. */
import { sql, type Insertable } from 'kysely';
import type { Tx } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { SurveyCodeTable, SurveyFormTable } from '../../db/schema.ts';

type Q = Db | Tx;

export async function insertSurvey(tx: Tx, row: Insertable<SurveyFormTable>): Promise<void> {
  await tx.insertInto('survey_form').values(row).execute();
}

export async function surveyById(db: Q, id: string) {
  return db
    .selectFrom('survey_form as s')
    .innerJoin('orgs_unit_v as u', 'u.id', 's.scope_unit_id')
    .select([
      's.id',
      's.title',
      's.school_year',
      's.sections',
      's.status',
      's.ends_on',
      's.closed_at',
      's.series',
      's.version',
      's.scope_unit_id',
      'u.code as scope_code',
      'u.name as scope_name',
      'u.path as scope_path',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

/** The rounds of a series (their forms and scopes), oldest school year first. */
export async function seriesRounds(db: Q, series: string) {
  return db
    .selectFrom('survey_form as s')
    .innerJoin('orgs_unit_v as u', 'u.id', 's.scope_unit_id')
    .select([
      's.id',
      's.title',
      's.school_year',
      's.sections',
      's.status',
      's.ends_on',
      's.closed_at',
      's.series',
      'u.path as scope_path',
    ])
    .where('s.series', '=', series)
    .where('s.status', '<>', 'draft')
    .orderBy('s.school_year')
    .orderBy('s.created_at')
    .execute();
}

/** Surveys whose scope contains `path`'s unit or lies inside it. */
export async function surveysNear(db: Q, path: string) {
  return (
    db
      .selectFrom('survey_form as s')
      .innerJoin('orgs_unit_v as u', 'u.id', 's.scope_unit_id')
      .select((eb) => [
        's.id',
        's.title',
        's.school_year',
        's.status',
        's.ends_on',
        's.closed_at',
        's.series',
        'u.id as scope_id',
        'u.path as scope_path',
        'u.code as scope_code',
        'u.name as scope_name',
        eb
          .selectFrom('survey_answer as a')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('a.survey_id', '=', 's.id')
          .as('answers'),
      ])
      .where((eb) =>
        eb.or([
          eb('u.path', 'like', `${path}%`),
          eb(sql.val(path), 'like', sql<string>`u.path || '%'`),
        ]),
      )
      .orderBy('s.created_at', 'desc')
      // Created together (the demo's two rounds): the latest school year first.
      .orderBy('s.school_year', 'desc')
      .orderBy('s.id', 'desc')
      .execute()
  );
}

/** Closes an open survey: true when this call did it (a second close finds it closed). */
export async function closeSurveyRow(tx: Tx, id: string): Promise<Date | null> {
  const r = await tx
    .updateTable('survey_form')
    .set({ status: 'closed', closed_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returning('closed_at')
    .executeTakeFirst();
  return r?.closed_at ?? null;
}

/** Closes the open surveys whose last day is before `today` (yyyy-mm-dd); their ids. */
export async function closeEndedRows(tx: Tx, today: string): Promise<string[]> {
  const rows = await tx
    .updateTable('survey_form')
    .set({ status: 'closed', closed_at: sql<Date>`now()` })
    .where('status', '=', 'open')
    .where('ends_on', '<', today)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Whether the survey still takes answers, holding its row (shared) until the
 * answer's transaction ends: a closing waits for it, and it for a closing.
 */
export async function surveyIsOpen(tx: Tx, id: string) {
  return tx
    .selectFrom('survey_form')
    .select(['status', 'sections'])
    .where('id', '=', id)
    .forShare()
    .executeTakeFirst();
}

/** The form's row, locked for an edit (answers wait, and see the edit after). */
export async function lockSurvey(tx: Tx, id: string) {
  return tx
    .selectFrom('survey_form')
    .select(['status', 'version'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateSurvey(
  tx: Tx,
  id: string,
  row: {
    title?: string;
    school_year?: string;
    sections?: string;
    ends_on?: string | null;
    series?: string | null;
    status?: 'open';
  },
): Promise<void> {
  await tx
    .updateTable('survey_form')
    .set({ ...row, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .execute();
}

export async function countAnswers(db: Q | Tx, surveyId: string): Promise<number> {
  const r = await db
    .selectFrom('survey_answer')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('survey_id', '=', surveyId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A school unit (published view), with its path. */
export async function schoolUnit(db: Q, id: string) {
  return db
    .selectFrom('orgs_unit_v')
    .select(['id', 'code', 'name', 'path', 'kind'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertCodes(tx: Tx, rows: Insertable<SurveyCodeTable>[]): Promise<void> {
  await tx.insertInto('survey_code').values(rows).execute();
}

export async function codeByHash(db: Q, hash: string) {
  return db
    .selectFrom('survey_code as c')
    .innerJoin('orgs_unit_v as u', 'u.id', 'c.school_id')
    .select(['c.survey_id', 'c.school_id', 'c.used', 'u.name as school_name'])
    .where('c.code_hash', '=', hash)
    .executeTakeFirst();
}

/** Marks the code used if it was not: true when this call did it. */
export async function spendCode(tx: Tx, hash: string, surveyId: string): Promise<boolean> {
  const r = await tx
    .updateTable('survey_code')
    .set({ used: true })
    .where('code_hash', '=', hash)
    .where('survey_id', '=', surveyId)
    .where('used', '=', false)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertAnswer(
  tx: Tx,
  row: { id: string; survey_id: string; school_id: string; scores: string },
): Promise<void> {
  await tx.insertInto('survey_answer').values(row).execute();
}

export async function insertTexts(
  tx: Tx,
  rows: { id: string; survey_id: string; school_id: string; question_id: string; body: string }[],
): Promise<void> {
  if (rows.length) await tx.insertInto('survey_text').values(rows).execute();
}

/** Per school in `path`'s subtree: answers, and per question the count of each value. */
/**
 * The answers of the schools under `path`, counted per question and value
 * and in all: read from the tally the answers' trigger keeps (migration
 * 2026120801), not from every answer.
 */
export async function answerCounts(db: Q, surveyId: string, path: string) {
  const tally = await db
    .selectFrom('survey_tally as t')
    .innerJoin('orgs_unit_v as u', 'u.id', 't.school_id')
    .select([
      'u.id as school_id',
      'u.code',
      'u.name',
      't.question_id as question',
      't.value',
      sql<string>`t.n::text`.as('n'),
    ])
    .where('t.survey_id', '=', surveyId)
    .where('u.path', 'like', `${path}%`)
    .orderBy('u.code')
    .execute();
  const rows = tally.filter((r) => r.question !== '');
  const totals = tally
    .filter((r) => r.question === '')
    .map(({ school_id, code, name, n }) => ({ school_id, code, name, n }));
  return { rows, totals };
}

export async function approvedTexts(db: Q, surveyId: string, path: string) {
  return db
    .selectFrom('survey_text as t')
    .innerJoin('orgs_unit_v as u', 'u.id', 't.school_id')
    .select(['t.school_id', 't.question_id', 't.body'])
    .where('t.survey_id', '=', surveyId)
    .where('t.review', '=', 'approved')
    .where('u.path', 'like', `${path}%`)
    .execute();
}

export async function textsToReview(db: Q, surveyId: string) {
  return db
    .selectFrom('survey_text as t')
    .innerJoin('orgs_unit_v as u', 'u.id', 't.school_id')
    .select(['t.id', 'u.name as school', 't.question_id', 't.body'])
    .where('t.survey_id', '=', surveyId)
    .where('t.review', '=', 'pending')
    .orderBy('u.code')
    .limit(500)
    .execute();
}

export async function setReview(
  tx: Tx,
  id: string,
  review: 'approved' | 'rejected',
): Promise<boolean> {
  const r = await tx
    .updateTable('survey_text')
    .set({ review })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function textSurvey(db: Q, id: string) {
  return db.selectFrom('survey_text').select(['survey_id']).where('id', '=', id).executeTakeFirst();
}

/** The first school of the tree by code (the demo's survey codes go to it). */
export async function firstSchool(db: Q) {
  return db
    .selectFrom('orgs_unit_v')
    .select(['id'])
    .where('kind', '=', 'school')
    .orderBy('code')
    .executeTakeFirst();
}
