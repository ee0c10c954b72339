import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Rounds of one survey (issue #19, "trends across years"): surveys with the
// same `series` key are successive rounds of it (the yearly satisfaction
// survey), and a question keeps its id from round to round, so its results
// can be set side by side.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE survey_form ADD COLUMN series text
      CHECK (series ~ '^[a-z0-9][a-z0-9-]{0,39}$')`.execute(db);
  await sql`CREATE INDEX survey_form_series ON survey_form (series) WHERE series IS NOT NULL`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX survey_form_series`.execute(db);
  await sql`ALTER TABLE survey_form DROP COLUMN series`.execute(db);
}
