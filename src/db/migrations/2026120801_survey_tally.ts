import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// The surveys' results read a tally instead of every answer (issue #19,
// "results for a province of 500,000 answers under 1 s"): per survey, school,
// question and value the number of answers that gave it, and per survey and
// school (question_id '') the number of answers. A statement-level trigger
// adds each inserted batch of answers to it in the same transaction, so the
// tally is never behind what was stored; answers are never updated nor
// deleted (anonymous, one per code). It holds what the answers hold, counted:
// nothing more about who answered.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE survey_tally (
      survey_id uuid NOT NULL REFERENCES survey_form(id),
      school_id uuid NOT NULL REFERENCES org_unit(id),
      question_id text NOT NULL,
      value text NOT NULL,
      n bigint NOT NULL,
      PRIMARY KEY (survey_id, school_id, question_id, value)
    )`.execute(db);
  // In key order, so that two answers of one school lock its rows in the same
  // order (no deadlock between them).
  await sql`
    CREATE FUNCTION sogd_survey_tally_add() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO survey_tally (survey_id, school_id, question_id, value, n)
      SELECT survey_id, school_id, question_id, value, sum(n) FROM (
        SELECT a.survey_id, a.school_id, kv.key AS question_id, kv.value #>> '{}' AS value,
               count(*) AS n
        FROM added a CROSS JOIN LATERAL jsonb_each(a.scores) kv
        GROUP BY 1, 2, 3, 4
        UNION ALL
        SELECT a.survey_id, a.school_id, '', '', count(*) FROM added a GROUP BY 1, 2
      ) c
      GROUP BY 1, 2, 3, 4
      ORDER BY 1, 2, 3, 4
      ON CONFLICT (survey_id, school_id, question_id, value)
      DO UPDATE SET n = survey_tally.n + EXCLUDED.n;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER survey_answer_tally AFTER INSERT ON survey_answer
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION sogd_survey_tally_add()`.execute(db);
  // The answers already stored.
  await sql`
    INSERT INTO survey_tally (survey_id, school_id, question_id, value, n)
    SELECT a.survey_id, a.school_id, kv.key, kv.value #>> '{}', count(*)
    FROM survey_answer a CROSS JOIN LATERAL jsonb_each(a.scores) kv
    GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT survey_id, school_id, '', '', count(*) FROM survey_answer GROUP BY 1, 2`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER survey_answer_tally ON survey_answer`.execute(db);
  await sql`DROP FUNCTION sogd_survey_tally_add()`.execute(db);
  await sql`DROP TABLE survey_tally`.execute(db);
}
