import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// What the registry's student record shows of a student's diplomas: the
// diploma module owns its tables, and the registry reads only this view.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE VIEW student_diploma AS
      SELECT student_id, id, diploma_type, serial_number, register_number,
             graduation_year, issue_date, status
      FROM diploma
      WHERE student_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP VIEW student_diploma`.execute(db);
}
