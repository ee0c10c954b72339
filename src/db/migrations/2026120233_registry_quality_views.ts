import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Owned by the registry module: the student view the data-quality lists read
// (issue #16, point 6). Reports read registry data only through such views.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE VIEW registry_student_v AS
    SELECT id AS student_id, school_id, student_code, full_name, search_name,
      birth_date, personal_id, status
    FROM student`.execute(db);
  await sql`
    CREATE VIEW registry_staff_person_v AS
    SELECT id AS staff_id, school_id, full_name, birth_date, gender, position, active
    FROM staff`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP VIEW registry_staff_person_v`.execute(db);
  await sql`DROP VIEW registry_student_v`.execute(db);
}
