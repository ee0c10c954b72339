import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Entry-grade enrolment, the staff's web pages (issue #15):
// - admission_program.classes: the number of entry-grade classes a school
//   opens; its seats stay admission_program.quota (one source of truth: the
//   campaign's program is what the assignment reads);
// - admission_program.version: the seats editor's stale-save check
//   (bumped by every update, in the statement itself);
// - admission_candidate.birth_year_exception_by / _at: who recorded a
//   child's birth-year exception, and when (the audit log keeps the history).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE admission_program
      ADD COLUMN classes int CHECK (classes IS NULL OR classes BETWEEN 0 AND 200),
      ADD COLUMN version int NOT NULL DEFAULT 1`.execute(db);
  await sql`
    ALTER TABLE admission_candidate
      ADD COLUMN birth_year_exception_by text,
      ADD COLUMN birth_year_exception_at timestamptz`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE admission_candidate
      DROP COLUMN birth_year_exception_at, DROP COLUMN birth_year_exception_by`.execute(db);
  await sql`ALTER TABLE admission_program DROP COLUMN version, DROP COLUMN classes`.execute(db);
}
