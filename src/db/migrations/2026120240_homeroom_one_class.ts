import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// A school's rule for a school year: each homeroom teacher (GVCN) heads at
// most one class. Off by default: small schools often give a teacher two
// classes, and then the class pages only warn.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE school_year_profile
      ADD COLUMN homeroom_one_class boolean NOT NULL DEFAULT false`.execute(db);
  // The class pages look up a teacher's other classes of the year.
  await sql`
    CREATE INDEX class_homeroom_year_idx ON class (homeroom_staff_id, school_year)
      WHERE homeroom_staff_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX class_homeroom_year_idx`.execute(db);
  await sql`ALTER TABLE school_year_profile DROP COLUMN homeroom_one_class`.execute(db);
}
