import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Entry-grade campaigns (issue #15, docs/admissions.md): a second kind of
// admissions campaign, grade 1 or grade 6, on the same tables as grade 10.
// - admission_campaign.entry_rules: the commune's priority order, the
//   published lottery seed and whether overflow is offered in the commune
//   (null for a grade-10 campaign);
// - admission_program.unzoned: a school outside zoning (high-quality or
//   non-public) taking applications from anywhere;
// - admission_candidate.personal_id: the child's 12-digit personal id, for
//   signing in with it and the date of birth; one per campaign;
//   birth_year_exception: the reason a school recorded for a grade-1 child
//   outside the birth year (Luật Giáo dục 2019, Điều 28);
// - each version (and the one in force) carries the declared residence:
//   permanent or temporary, and the area (entry_area);
// - admission_result.overflow: an offer at a school the family did not
//   choose (the nearest with seats); documents_checked_at/_by: the
//   admitting school checked the child's documents and confirms the seat.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE admission_campaign ADD COLUMN entry_rules jsonb`.execute(db);
  await sql`
    ALTER TABLE admission_campaign ADD CONSTRAINT admission_campaign_entry_grade
      CHECK ((grade IN (1, 6)) = (entry_rules IS NOT NULL))`.execute(db);
  await sql`ALTER TABLE admission_program ADD COLUMN unzoned boolean NOT NULL DEFAULT false`.execute(
    db,
  );
  await sql`
    ALTER TABLE admission_candidate
      ADD COLUMN personal_id text CHECK (personal_id ~ '^[0-9]{12}$'),
      ADD COLUMN birth_year_exception text
        CHECK (birth_year_exception IS NULL OR length(birth_year_exception) BETWEEN 1 AND 500)`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX admission_candidate_personal_id_idx ON admission_candidate (campaign_id, personal_id) WHERE personal_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX admission_candidate_personal_id_any_idx ON admission_candidate (personal_id) WHERE personal_id IS NOT NULL`.execute(
    db,
  );
  for (const table of ['admission_current', 'admission_submission'])
    await sql
      .raw(
        `ALTER TABLE ${table}
          ADD COLUMN residence text CHECK (residence IN ('permanent', 'temporary')),
          ADD COLUMN area_id uuid REFERENCES entry_area (id)`,
      )
      .execute(db);
  await sql`
    ALTER TABLE admission_result
      ADD COLUMN overflow boolean NOT NULL DEFAULT false,
      ADD COLUMN documents_checked_at timestamptz,
      ADD COLUMN documents_checked_by text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE admission_result DROP COLUMN documents_checked_by,
      DROP COLUMN documents_checked_at, DROP COLUMN overflow`.execute(db);
  for (const table of ['admission_submission', 'admission_current'])
    await sql.raw(`ALTER TABLE ${table} DROP COLUMN area_id, DROP COLUMN residence`).execute(db);
  await sql`DROP INDEX admission_candidate_personal_id_any_idx`.execute(db);
  await sql`DROP INDEX admission_candidate_personal_id_idx`.execute(db);
  await sql`ALTER TABLE admission_candidate DROP COLUMN birth_year_exception, DROP COLUMN personal_id`.execute(
    db,
  );
  await sql`ALTER TABLE admission_program DROP COLUMN unzoned`.execute(db);
  await sql`ALTER TABLE admission_campaign DROP CONSTRAINT admission_campaign_entry_grade`.execute(
    db,
  );
  await sql`ALTER TABLE admission_campaign DROP COLUMN entry_rules`.execute(db);
}
