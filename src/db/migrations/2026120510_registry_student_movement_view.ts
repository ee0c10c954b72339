import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Owned by the registry module (created here, in the indicators engineer's
// range, for issue #16 point 1 "drop-outs and transfers"): the students who
// left or moved in a school year, the view reports read instead of the
// registry's tables (docs/ARCHITECTURE.md). The registry keeps its columns
// when its tables change.
//
// One row per event, at a school, in a school year, with the grade:
// - 'dropped_out': a student whose status is dropped_out, at the school and
//   year of the student's last enrolment (the status carries no date: the
//   last year the student was enrolled is the year the student left);
// - 'left': the same for status transferred (left to a school sogd does not
//   hold: another province, abroad);
// - 'transfer_out' / 'transfer_in': an accepted transfer between two schools
//   of sogd (student_transfer), at the sending / receiving school, in the
//   transfer's year, with the grade of the class the student went into.

export async function up(db: Kysely<unknown>): Promise<void> {
  // The few students who left, found without reading every student.
  await sql`CREATE INDEX student_left_idx ON student (id)
            WHERE status IN ('dropped_out', 'transferred')`.execute(db);
  await sql`
    CREATE VIEW registry_student_movement_v AS
    SELECT e.school_id, e.school_year, c.grade, e.student_id,
      CASE s.status WHEN 'dropped_out' THEN 'dropped_out' ELSE 'left' END AS kind
    FROM student s
    JOIN enrolment e ON e.student_id = s.id
    JOIN class c ON c.id = e.class_id
    WHERE s.status IN ('dropped_out', 'transferred')
      AND NOT EXISTS (
        SELECT 1 FROM enrolment later
        WHERE later.student_id = s.id AND later.school_year > e.school_year)
    UNION ALL
    SELECT t.from_school_id, t.school_year, c.grade, t.student_id, 'transfer_out'
    FROM student_transfer t LEFT JOIN class c ON c.id = t.to_class_id
    WHERE t.status = 'accepted'
    UNION ALL
    SELECT t.to_school_id, t.school_year, c.grade, t.student_id, 'transfer_in'
    FROM student_transfer t LEFT JOIN class c ON c.id = t.to_class_id
    WHERE t.status = 'accepted'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP VIEW registry_student_movement_v`.execute(db);
  await sql`DROP INDEX student_left_idx`.execute(db);
}
