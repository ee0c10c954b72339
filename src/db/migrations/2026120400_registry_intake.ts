import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Incoming students (issues #14 and #15): a candidate admitted and confirmed
// by an admissions campaign becomes the admitting school's student for the
// campaign's school year, waiting for a class. One row per student and
// school year; the class is filled in when the school assigns one (then an
// enrolment row exists too). Audited like the student rows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE registry_intake (
      id uuid PRIMARY KEY,
      school_id uuid NOT NULL,
      school_year text NOT NULL,
      student_id uuid NOT NULL REFERENCES student (id),
      grade integer NOT NULL CHECK (grade BETWEEN 1 AND 12),
      source text NOT NULL,
      reference text NOT NULL,
      class_id uuid,
      received_at timestamptz NOT NULL DEFAULT now(),
      assigned_at timestamptz,
      UNIQUE (school_year, student_id),
      UNIQUE (source, reference)
    )`.execute(db);
  await sql`CREATE INDEX registry_intake_school_idx ON registry_intake (school_id, school_year)`.execute(
    db,
  );
  for (const [op, refs] of [
    ['INSERT', 'NEW TABLE AS new_rows'],
    ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
    ['DELETE', 'OLD TABLE AS old_rows'],
  ] as const)
    await sql
      .raw(
        `CREATE TRIGGER registry_intake_audit_${op.toLowerCase()} AFTER ${op} ON registry_intake
         REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION sogd_audit('school_id')`,
      )
      .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE registry_intake`.execute(db);
}
