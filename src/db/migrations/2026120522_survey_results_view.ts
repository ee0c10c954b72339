import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// The surveys' published view for the indicators dashboard (issue #19, "a
// link into the indicators dashboard"; docs/ARCHITECTURE.md: reports read
// only views the owning module publishes). One row per survey (not drafts)
// and school with its answers and the mean of all its 5-point answers —
// and only for a school with at least 10 answers: the minimum group size of
// the surveys (MIN_GROUP_SIZE in src/modules/surveys/labels.ts) holds in the
// view itself, so no reader can show a smaller group. No total over
// schools either (a total minus the schools shown would give a hidden one
// away). Nothing in it identifies an answer.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE VIEW survey_school_result_v AS
    SELECT f.id AS survey_id, f.series, f.school_year, f.status, g.school_id, g.answers,
           g.mean_score
    FROM survey_form f
    JOIN (
      SELECT a.survey_id, a.school_id, count(*)::int AS answers,
             round(sum(x.total) / nullif(sum(x.n), 0), 2)::float8 AS mean_score
      FROM survey_answer a
      CROSS JOIN LATERAL (
        SELECT sum((kv.value #>> '{}')::numeric) AS total, count(*) AS n
        FROM jsonb_each(a.scores) kv
        WHERE jsonb_typeof(kv.value) = 'number'
      ) x
      GROUP BY a.survey_id, a.school_id
      HAVING count(*) >= 10
    ) g ON g.survey_id = f.id
    WHERE f.status <> 'draft'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP VIEW survey_school_result_v`.execute(db);
}
