import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// The surveys' published view for the indicators (2026120522) gains the
// survey's title, so that the dashboard can name the survey it shows without
// reading the surveys' own tables. Appended last: CREATE OR REPLACE VIEW may
// only add columns at the end. The minimum group of 10 answers is unchanged.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE OR REPLACE VIEW survey_school_result_v AS
    SELECT f.id AS survey_id, f.series, f.school_year, f.status, g.school_id, g.answers,
           g.mean_score, f.title
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
