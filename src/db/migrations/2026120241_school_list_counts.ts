import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// The "Trường học" list counts each school's enrolments of a year; without
// this index every school of a province would scan the whole enrolment table.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX enrolment_school_year_idx ON enrolment (school_id, school_year)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX enrolment_school_year_idx`.execute(db);
}
